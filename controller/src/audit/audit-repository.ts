import crypto from 'node:crypto';
import { canonicalJson } from '@baruga/protocol';
import type { Db } from '../db/database';
import type { Actor } from '../http/access';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { kind: Actor['kind']; id: string; name: string };
  action: string;
  target: string | null;
  outcome: number;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** The chain's first link. */
export const GENESIS_HASH = '0'.repeat(64);

interface Raw {
  seq: number;
  at: string;
  actor_kind: Actor['kind'];
  actor_id: string;
  actor_name: string;
  action: string;
  target: string | null;
  outcome: number;
  detail: string;
  prev_hash: string;
  hash: string;
}

const toEntry = (r: Raw): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
  action: r.action,
  target: r.target,
  outcome: r.outcome,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** What an entry's hash covers: the previous hash and every field but its own hash. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, ...fields } = entry;
  return crypto
    .createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(fields)}`)
    .digest('hex');
}

export function actorColumns(actor: Actor): AuditEntry['actor'] {
  switch (actor.kind) {
    case 'user':
      return { kind: 'user', id: String(actor.id), name: actor.username };
    case 'player':
      return { kind: 'player', id: actor.id, name: actor.id };
    case 'system':
      return { kind: 'system', id: actor.name, name: actor.name };
    case 'anonymous':
      return { kind: 'anonymous', id: actor.address, name: 'anonymous' };
  }
}

export function createAuditRepository(db: Db) {
  const last = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, actor_kind, actor_id, actor_name, action, target, outcome, detail, prev_hash, hash)
     VALUES (@seq, @at, @actorKind, @actorId, @actorName, @action, @target, @outcome, @detail, @prevHash, @hash)`,
  );
  // The newest link is kept beside the table too, so removing entries from the end is found as well.
  const head = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'audit.head'");
  const setHead = db.prepare(
    "INSERT INTO settings (key, value) VALUES ('audit.head', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  const page = db.prepare<[number, number], Raw>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?');
  const all = db.prepare<[], Raw>('SELECT * FROM audit_log ORDER BY seq');
  const filter = `(@action IS NULL OR substr(action, 1, length(@action)) = @action)
    AND (@actor IS NULL OR actor_name = @actor)`;
  const search = db.prepare<[{ action: string | null; actor: string | null; limit: number; offset: number }], Raw>(
    `SELECT * FROM audit_log WHERE ${filter} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<[{ action: string | null; actor: string | null }], { n: number }>(
    `SELECT count(*) AS n FROM audit_log WHERE ${filter}`,
  );

  return {
    /** Appends one entry, linked to the last (in one transaction, so two writers cannot fork the chain). */
    append(input: {
      actor: Actor;
      action: string;
      target: string | null;
      outcome: number;
      detail: Record<string, unknown>;
      at?: Date;
    }): AuditEntry {
      return db.transaction(() => {
        const previous = last.get();
        const body: Omit<AuditEntry, 'hash'> = {
          seq: (previous?.seq ?? 0) + 1,
          at: (input.at ?? new Date()).toISOString(),
          actor: actorColumns(input.actor),
          action: input.action,
          target: input.target,
          outcome: input.outcome,
          detail: input.detail,
          prevHash: previous?.hash ?? GENESIS_HASH,
        };
        const entry: AuditEntry = { ...body, hash: entryHash(body) };
        insert.run({
          seq: entry.seq,
          at: entry.at,
          actorKind: entry.actor.kind,
          actorId: entry.actor.id,
          actorName: entry.actor.name,
          action: entry.action,
          target: entry.target,
          outcome: entry.outcome,
          detail: JSON.stringify(entry.detail),
          prevHash: entry.prevHash,
          hash: entry.hash,
        });
        setHead.run(JSON.stringify({ seq: entry.seq, hash: entry.hash }));
        return entry;
      })();
    },
    /** Newest first. */
    page: (limit: number, offset: number): AuditEntry[] => page.all(limit, offset).map(toEntry),
    all: (): AuditEntry[] => all.all().map(toEntry),
    /** Newest first, by action prefix and actor name. */
    search(query: { action?: string | undefined; actor?: string | undefined; limit: number; offset: number }): {
      entries: AuditEntry[];
      total: number;
    } {
      const where = { action: query.action ?? null, actor: query.actor ?? null };
      return {
        entries: search.all({ ...where, limit: query.limit, offset: query.offset }).map(toEntry),
        total: count.get(where)?.n ?? 0,
      };
    },
    head(): { seq: number; hash: string } | null {
      const value = head.get()?.value;
      return value ? (JSON.parse(value) as { seq: number; hash: string }) : null;
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;

/**
 * Walks the chain: the first entry whose hash, link or sequence does not hold, or whether the chain ends short of
 * the head recorded beside it; null when everything holds.
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  head: { seq: number; hash: string } | null,
): { seq: number; problem: string } | null {
  let prevHash = GENESIS_HASH;
  let seq = 0;
  for (const entry of entries) {
    if (entry.seq !== seq + 1) return { seq: entry.seq, problem: `entry ${seq + 1} is missing` };
    if (entry.prevHash !== prevHash) return { seq: entry.seq, problem: 'does not link to the entry before it' };
    const { hash, ...body } = entry;
    if (entryHash(body) !== hash) return { seq: entry.seq, problem: 'was changed after it was written' };
    prevHash = hash;
    seq = entry.seq;
  }
  if (head && (head.seq !== seq || head.hash !== prevHash)) {
    return { seq: head.seq, problem: `the log ends at entry ${seq}, but entry ${head.seq} was written` };
  }
  return null;
}
