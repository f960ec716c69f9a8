import { type DeliveryListQuery, type Heartbeat, sortKey } from '@baruga/protocol';
import type { Db } from '../db/database';
import { likePattern, statementCache } from '../db/statement-cache';

/** What a screen's health is read from: its newest heartbeat's arrival and its recorded presence. */
export interface DeliveryRow {
  screenId: string;
  receivedAt: string | null;
  /** Null when no status was ever recorded. */
  connected: boolean | null;
}

/** The rest of a row the delivery view shows, read for one page only. */
export interface DeliveryDetails {
  publishedVersion: number | null;
  player: { id: string; name: string } | null;
  lastScreenshot: { sha256: string; takenAt: string } | null;
  heartbeat: Heartbeat | null;
}

const ORDER: Readonly<Record<string, string>> = { id: 's.id', lastHeartbeatAt: 'h.received_at' };

/**
 * The delivery view in two steps, neither with a query per screen: every matching screen's heartbeat time and
 * presence (all the health filter needs, two primary-key joins), then, for the page alone, the published version,
 * the active player that drives each screen, its newest screenshot (when the garbage collector has not removed
 * the blob) and its heartbeat as sent.
 */
export function createDeliveryListing(db: Db) {
  const prepared = statementCache(db);
  const ids = '(SELECT value FROM json_each(@ids))';
  const versions = db.prepare<{ ids: string }, { screen_id: string; version: number }>(
    `SELECT screen_id, version FROM manifests INDEXED BY manifests_versions WHERE screen_id IN ${ids}`,
  );
  const owners = db.prepare<{ ids: string }, { screen_id: string; id: string; name: string }>(
    `SELECT screen_id, id, name FROM (
       SELECT ps.screen_id, p.id, p.name,
         row_number() OVER (PARTITION BY ps.screen_id ORDER BY p.approved_at DESC) AS n
       FROM player_screens ps JOIN players p ON p.id = ps.player_id
       WHERE p.state = 'active' AND ps.screen_id IN ${ids})
     WHERE n = 1`,
  );
  const shots = db.prepare<{ ids: string }, { screen_id: string; sha256: string | null; taken_at: string }>(
    `SELECT sh.screen_id, b.sha256, sh.taken_at FROM (
       SELECT c.screen_id, c.screenshot_sha256 AS sha256, coalesce(c.acked_at, c.issued_at) AS taken_at,
         row_number() OVER (PARTITION BY c.screen_id ORDER BY c.issued_at DESC) AS n
       FROM commands c WHERE c.screenshot_sha256 IS NOT NULL AND c.screen_id IN ${ids}) sh
     LEFT JOIN blobs b ON b.sha256 = sh.sha256
     WHERE sh.n = 1`,
  );
  const bodies = db.prepare<{ ids: string }, { screen_id: string; body: string }>(
    `SELECT screen_id, body FROM screen_heartbeats WHERE screen_id IN ${ids}`,
  );
  return {
    /** Every screen matching the query's id/name and group filters, in the query's order. */
    rows(query: Pick<DeliveryListQuery, 'q' | 'group' | 'sort'>): DeliveryRow[] {
      const clauses: string[] = [];
      const params: Record<string, string> = {};
      if (query.q) {
        clauses.push("(s.id LIKE @q ESCAPE '\\' OR s.name LIKE @q ESCAPE '\\')");
        params.q = likePattern(query.q);
      }
      if (query.group) {
        clauses.push('EXISTS (SELECT 1 FROM screen_groups g WHERE g.screen_id = s.id AND g.group_id = @group)');
        params.group = query.group;
      }
      let order = 's.wall_id IS NULL, s.wall_id, s.id';
      if (query.sort) {
        const { key, descending } = sortKey(query.sort);
        order = `${ORDER[key] ?? 's.id'} ${descending ? 'DESC' : 'ASC'}, s.id`;
      }
      const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
      return prepared<
        Record<string, string>,
        { screen_id: string; received_at: string | null; connected: number | null }
      >(
        `SELECT s.id AS screen_id, h.received_at, pr.connected FROM screens s
         LEFT JOIN screen_heartbeats h ON h.screen_id = s.id
         LEFT JOIN screen_presence pr ON pr.screen_id = s.id
         ${where} ORDER BY ${order}`,
      )
        .all(params)
        .map((r) => ({
          screenId: r.screen_id,
          receivedAt: r.received_at,
          connected: r.connected === null ? null : r.connected === 1,
        }));
    },
    /** The details of a page of screens, four queries whatever its size. */
    details(screenIds: readonly string[]): Map<string, DeliveryDetails> {
      const param = { ids: JSON.stringify(screenIds) };
      const out = new Map<string, DeliveryDetails>(
        screenIds.map((id) => [id, { publishedVersion: null, player: null, lastScreenshot: null, heartbeat: null }]),
      );
      for (const r of versions.all(param)) {
        const row = out.get(r.screen_id);
        if (row) row.publishedVersion = r.version;
      }
      for (const r of owners.all(param)) {
        const row = out.get(r.screen_id);
        if (row) row.player = { id: r.id, name: r.name };
      }
      for (const r of shots.all(param)) {
        const row = out.get(r.screen_id);
        if (row && r.sha256 !== null) row.lastScreenshot = { sha256: r.sha256, takenAt: r.taken_at };
      }
      for (const r of bodies.all(param)) {
        const row = out.get(r.screen_id);
        if (row) row.heartbeat = JSON.parse(r.body) as Heartbeat; // stored only after Heartbeat.parse
      }
      return out;
    },
  };
}
export type DeliveryListing = ReturnType<typeof createDeliveryListing>;
