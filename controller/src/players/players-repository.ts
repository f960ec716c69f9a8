import crypto from 'node:crypto';
import {
  PAIRING_ALPHABET,
  type PlayerHostKind,
  type PlayerListQuery,
  type PlayerState,
  sortKey,
} from '@baruga/protocol';
import type { Db } from '../db/database';
import { likePattern, statementCache } from '../db/statement-cache';
import { mosquittoHash } from '../messaging/mosquitto-acl';

export interface PlayerRow {
  id: string;
  name: string;
  state: PlayerState;
  host: PlayerHostKind;
  hostVersion: string;
  platform: string;
  pairingCode: string | null;
  codeExpiresAt: string | null;
  createdAt: string;
  approvedAt: string | null;
  revokedAt: string | null;
  screens: string[];
}

interface RawPlayer {
  id: string;
  name: string;
  secret_hash: string;
  broker_hash: string | null;
  state: string;
  pairing_code: string | null;
  code_expires_at: string | null;
  host: string;
  host_version: string;
  platform: string;
  created_at: string;
  approved_at: string | null;
  revoked_at: string | null;
}

/** How long a pairing code stays valid; a waiting player is given a fresh one when it asks again. */
export const PAIRING_CODE_TTL_MS = 60 * 60 * 1000;
/** A pending player that has not asked for a week is forgotten. */
const PENDING_FORGET_MS = 7 * 24 * 60 * 60 * 1000;

const digest = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');
const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const pick = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');

const PLAYER_ORDER: Readonly<Record<string, string>> = { createdAt: 'created_at', name: 'name', id: 'id' };

/** A page of players: revoked ones last, then by creation, unless the query sorts otherwise. */
function playerPageSql(query: PlayerListQuery): {
  sql: string;
  count: string;
  params: Record<string, string | number>;
} {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (query.q) {
    clauses.push("(id LIKE @q ESCAPE '\\' OR name LIKE @q ESCAPE '\\')");
    params.q = likePattern(query.q);
  }
  if (query.state) {
    clauses.push('state = @state');
    params.state = query.state;
  }
  if (query.screen) {
    clauses.push('id IN (SELECT player_id FROM player_screens WHERE screen_id = @screen)');
    params.screen = query.screen;
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  let order = "state = 'revoked', created_at, id";
  if (query.sort) {
    const { key, descending } = sortKey(query.sort);
    order = `${PLAYER_ORDER[key] ?? 'created_at'} ${descending ? 'DESC' : 'ASC'}, id`;
  }
  return {
    sql: `SELECT * FROM players ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    count: `SELECT count(*) AS n FROM players ${where}`,
    params,
  };
}

export function createPlayersRepository(db: Db) {
  const prepared = statementCache(db);
  let generation = 0;
  const one = db.prepare<[string], RawPlayer>('SELECT * FROM players WHERE id = ?');
  const all = db.prepare<[], RawPlayer>("SELECT * FROM players ORDER BY state = 'revoked', created_at");
  const byCode = db.prepare<[string, string], RawPlayer>(
    "SELECT * FROM players WHERE pairing_code = ? AND state = 'pending' AND code_expires_at > ?",
  );
  const screensOf = db.prepare<[string], { screen_id: string }>(
    'SELECT screen_id FROM player_screens WHERE player_id = ? ORDER BY screen_id',
  );
  // The screens of a whole page of players in one query (a JSON array of their ids), not one query a row.
  const screensOfMany = db.prepare<[string], { player_id: string; screen_id: string }>(
    `SELECT player_id, screen_id FROM player_screens WHERE player_id IN (SELECT value FROM json_each(?))
     ORDER BY player_id, screen_id`,
  );
  const claim = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM player_screens WHERE screen_id = ?');
  const claimedAll = db.prepare<[], { screen_id: string }>('SELECT DISTINCT screen_id FROM player_screens');
  const owner = db.prepare<[string], { id: string; name: string }>(
    `SELECT p.id, p.name FROM player_screens ps JOIN players p ON p.id = ps.player_id
     WHERE ps.screen_id = ? AND p.state = 'active' ORDER BY p.approved_at DESC LIMIT 1`,
  );
  const pendingCount = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM players WHERE state = 'pending' AND code_expires_at > ?",
  );
  const insert = db.prepare(
    `INSERT INTO players (id, name, secret_hash, broker_hash, state, pairing_code, code_expires_at, host, host_version,
       platform, created_at)
     VALUES (@id, @name, @secretHash, @brokerHash, 'pending', @code, @codeExpiresAt, @host, @hostVersion, @platform,
       @createdAt)`,
  );
  const brokerAccounts = db.prepare<[], { id: string; broker_hash: string; screens: string }>(
    `SELECT p.id, p.broker_hash,
       coalesce((SELECT json_group_array(screen_id) FROM (SELECT screen_id FROM player_screens ps
                 WHERE ps.player_id = p.id ORDER BY screen_id)), '[]') AS screens
     FROM players p WHERE p.state = 'active' AND p.broker_hash IS NOT NULL ORDER BY p.id`,
  );
  const setBrokerHash = db.prepare('UPDATE players SET broker_hash = ? WHERE id = ? AND broker_hash IS NULL');
  const setCode = db.prepare('UPDATE players SET pairing_code = ?, code_expires_at = ? WHERE id = ?');
  const forget = db.prepare("DELETE FROM players WHERE state = 'pending' AND created_at < ?");
  const clearExpiredCodes = db.prepare(
    "UPDATE players SET pairing_code = NULL WHERE state = 'pending' AND code_expires_at <= ? AND pairing_code IS NOT NULL",
  );
  const approve = db.prepare(
    "UPDATE players SET state = 'active', name = ?, pairing_code = NULL, code_expires_at = NULL, approved_at = ? WHERE id = ? AND state = 'pending'",
  );
  const rename = db.prepare('UPDATE players SET name = ? WHERE id = ?');
  const revoke = db.prepare(
    "UPDATE players SET state = 'revoked', pairing_code = NULL, code_expires_at = NULL, revoked_at = ? WHERE id = ? AND state != 'revoked'",
  );
  const unassignAll = db.prepare('DELETE FROM player_screens WHERE player_id = ?');
  const assign = db.prepare('INSERT INTO player_screens (player_id, screen_id) VALUES (?, ?)');
  // A screen moved to another player leaves a revoked one's claim behind; an active one's claim is taken over.
  // Correlated, so it looks up only the screen's own claims: an IN (all active players) list was rebuilt on every
  // call, which made pairing the ten-thousandth player walk ten thousand rows.
  const takeOver = db.prepare(
    `DELETE FROM player_screens WHERE screen_id = ? AND player_id != ?
       AND EXISTS (SELECT 1 FROM players p WHERE p.id = player_screens.player_id AND p.state = 'active')`,
  );

  const toRow = (r: RawPlayer, screens = screensOf.all(r.id).map((s) => s.screen_id)): PlayerRow => ({
    id: r.id,
    name: r.name,
    state: r.state as PlayerState, // CHECK constraint keeps it to the enum
    host: r.host as PlayerHostKind, // written only through EnrollRequest
    hostVersion: r.host_version,
    platform: r.platform,
    pairingCode: r.pairing_code,
    codeExpiresAt: r.code_expires_at,
    createdAt: r.created_at,
    approvedAt: r.approved_at,
    revokedAt: r.revoked_at,
    screens,
  });

  /** Sets a fresh code no other player holds (codes are unique while held; expired ones are released first). */
  function freshCode(playerId: string, now: Date): { code: string; expiresAt: string } {
    clearExpiredCodes.run(now.toISOString());
    const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS).toISOString();
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = pick(PAIRING_ALPHABET, 6);
      try {
        setCode.run(code, expiresAt, playerId);
        return { code, expiresAt };
      } catch (error) {
        if (!String(error).includes('UNIQUE')) throw error;
      }
    }
    throw new Error('could not find a free pairing code');
  }

  const replaceScreens = (playerId: string, screens: readonly string[]) => {
    unassignAll.run(playerId);
    for (const screenId of new Set(screens)) {
      takeOver.run(screenId, playerId);
      assign.run(playerId, screenId);
    }
  };

  return {
    get: (id: string): PlayerRow | null => {
      const r = one.get(id);
      return r ? toRow(r) : null;
    },
    list: (): PlayerRow[] => all.all().map((r) => toRow(r)),
    /** One page of players with their screens (two queries, whatever the page size), and how many match. */
    page(query: PlayerListQuery): { rows: PlayerRow[]; total: number } {
      const { sql, count, params } = playerPageSql(query);
      const raw = prepared<Record<string, string | number>, RawPlayer>(sql).all({
        ...params,
        limit: query.limit,
        offset: query.offset,
      });
      const screens = new Map<string, string[]>();
      for (const r of screensOfMany.all(JSON.stringify(raw.map((p) => p.id)))) {
        const list = screens.get(r.player_id) ?? [];
        list.push(r.screen_id);
        screens.set(r.player_id, list);
      }
      return {
        rows: raw.map((r) => toRow(r, screens.get(r.id) ?? [])),
        total: prepared<Record<string, string | number>, { n: number }>(count).get(params)?.n ?? 0,
      };
    },
    pendingCount: (now = new Date()): number => pendingCount.get(now.toISOString())?.n ?? 0,

    createPending(
      input: { host: PlayerHostKind; hostVersion: string; platform: string },
      now = new Date(),
    ): { playerId: string; secret: string; pairingCode: string; codeExpiresAt: string } {
      return db.transaction(() => {
        forget.run(new Date(now.getTime() - PENDING_FORGET_MS).toISOString());
        const playerId = `p-${pick(ID_ALPHABET, 12)}`;
        const secret = crypto.randomBytes(32).toString('base64url');
        insert.run({
          id: playerId,
          name: '',
          secretHash: digest(secret),
          // The secret is known only now: an external broker's password file needs its own hash of it.
          brokerHash: mosquittoHash(secret),
          code: null,
          codeExpiresAt: null,
          host: input.host,
          hostVersion: input.hostVersion,
          platform: input.platform,
          createdAt: now.toISOString(),
        });
        const { code, expiresAt } = freshCode(playerId, now);
        return { playerId, secret, pairingCode: code, codeExpiresAt: expiresAt };
      })();
    },

    /** The player whose id and secret these are, in any state; null for anything else. */
    authenticate(playerId: string, secret: string): PlayerRow | null {
      const r = one.get(playerId);
      if (!r) return null;
      const a = Buffer.from(r.secret_hash, 'hex');
      const b = Buffer.from(digest(secret), 'hex');
      if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return null;
      // Enrolled before Mosquitto hashes were kept: the secret is at hand now, once.
      if (r.broker_hash === null) setBrokerHash.run(mosquittoHash(secret), r.id);
      return toRow(r);
    },

    /** Active players as accounts of an external broker (messaging/mosquitto-acl.ts). */
    brokerAccounts(): { id: string; state: 'active'; brokerHash: string; screens: string[] }[] {
      // One query for the whole fleet, not one per player: the controller rewrites the files every few seconds.
      return brokerAccounts.all().map((r) => ({
        id: r.id,
        state: 'active',
        brokerHash: r.broker_hash,
        screens: JSON.parse(r.screens) as string[], // json_group_array of screen ids
      }));
    },

    /** A pending player's code, renewed when it has expired. */
    currentCode(playerId: string, now = new Date()): { code: string; expiresAt: string } | null {
      return db.transaction(() => {
        const r = one.get(playerId);
        if (!r || r.state !== 'pending') return null;
        if (r.pairing_code && r.code_expires_at && r.code_expires_at > now.toISOString()) {
          return { code: r.pairing_code, expiresAt: r.code_expires_at };
        }
        return freshCode(playerId, now);
      })();
    },

    findPendingByCode(code: string, now = new Date()): PlayerRow | null {
      const r = byCode.get(code, now.toISOString());
      return r ? toRow(r) : null;
    },

    /**
     * Grows with every change to which players are active and which screens they drive, so a reader may keep
     * what it looked up (the broker's rules, on every packet) until it changes.
     */
    generation: () => generation,

    approve(playerId: string, name: string, screens: readonly string[], now = new Date()): boolean {
      generation += 1;
      return db.transaction(() => {
        if (approve.run(name, now.toISOString(), playerId).changes === 0) return false;
        replaceScreens(playerId, screens);
        return true;
      })();
    },

    update(playerId: string, change: { name?: string | undefined; screens?: readonly string[] | undefined }): void {
      generation += 1;
      db.transaction(() => {
        if (change.name !== undefined) rename.run(change.name, playerId);
        if (change.screens !== undefined) replaceScreens(playerId, change.screens);
      })();
    },

    revoke(playerId: string, now = new Date()): boolean {
      generation += 1;
      return revoke.run(now.toISOString(), playerId).changes > 0;
    },

    screensOf: (playerId: string): string[] => screensOf.all(playerId).map((s) => s.screen_id),
    /** Claimed screens are reachable only with the credentials of their player. */
    isClaimed: (screenId: string): boolean => (claim.get(screenId)?.n ?? 0) > 0,
    /** Every claimed screen (a revoked player's too, until its screens are given to another): see isClaimed. */
    claimedScreens: (): string[] => claimedAll.all().map((r) => r.screen_id),
    /** The active player that drives a screen, if any. */
    ownerOf: (screenId: string): { id: string; name: string } | null => owner.get(screenId) ?? null,
  };
}
export type PlayersRepository = ReturnType<typeof createPlayersRepository>;
