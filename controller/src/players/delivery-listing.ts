import { type DeliveryListQuery, type Heartbeat, sortKey } from '@baruga/protocol';
import type { Db } from '../db/database';
import { likePattern, statementCache } from '../db/statement-cache';

/** One screen's delivery state as stored, without its heartbeat body (fetched for the page only). */
export interface DeliveryRow {
  screenId: string;
  receivedAt: string | null;
  /** Null when no status was ever recorded. */
  connected: boolean | null;
  publishedVersion: number | null;
  player: { id: string; name: string } | null;
  lastScreenshot: { sha256: string; takenAt: string } | null;
}

interface RawRow {
  screen_id: string;
  received_at: string | null;
  connected: number | null;
  published_version: number | null;
  owner_id: string | null;
  owner_name: string | null;
  shot_sha256: string | null;
  shot_taken_at: string | null;
}

/**
 * Every screen with its newest heartbeat time, presence, published version, the active player that drives it and
 * its newest screenshot (when the garbage collector has not removed its blob), in one query: window functions
 * pick each screen's owner and screenshot instead of a query per screen.
 */
const SELECT = `WITH owners AS (
    SELECT ps.screen_id, p.id, p.name,
      row_number() OVER (PARTITION BY ps.screen_id ORDER BY p.approved_at DESC) AS n
    FROM player_screens ps JOIN players p ON p.id = ps.player_id WHERE p.state = 'active'
  ), shots AS (
    SELECT c.screen_id, c.screenshot_sha256 AS sha256, coalesce(c.acked_at, c.issued_at) AS taken_at,
      row_number() OVER (PARTITION BY c.screen_id ORDER BY c.issued_at DESC) AS n
    FROM commands c WHERE c.screenshot_sha256 IS NOT NULL
  )
  SELECT s.id AS screen_id, h.received_at, pr.connected, m.version AS published_version,
    o.id AS owner_id, o.name AS owner_name, b.sha256 AS shot_sha256, sh.taken_at AS shot_taken_at
  FROM screens s
  LEFT JOIN screen_heartbeats h ON h.screen_id = s.id
  LEFT JOIN screen_presence pr ON pr.screen_id = s.id
  LEFT JOIN manifests m INDEXED BY manifests_versions ON m.screen_id = s.id
  LEFT JOIN owners o ON o.screen_id = s.id AND o.n = 1
  LEFT JOIN shots sh ON sh.screen_id = s.id AND sh.n = 1
  LEFT JOIN blobs b ON b.sha256 = sh.sha256`;

const ORDER: Readonly<Record<string, string>> = { id: 's.id', lastHeartbeatAt: 'h.received_at' };

export function createDeliveryListing(db: Db) {
  const prepared = statementCache(db);
  const bodies = db.prepare<[string], { screen_id: string; body: string }>(
    'SELECT screen_id, body FROM screen_heartbeats WHERE screen_id IN (SELECT value FROM json_each(?))',
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
      return prepared<Record<string, string>, RawRow>(`${SELECT} ${where} ORDER BY ${order}`)
        .all(params)
        .map((r) => ({
          screenId: r.screen_id,
          receivedAt: r.received_at,
          connected: r.connected === null ? null : r.connected === 1,
          publishedVersion: r.published_version,
          player: r.owner_id !== null && r.owner_name !== null ? { id: r.owner_id, name: r.owner_name } : null,
          lastScreenshot:
            r.shot_sha256 !== null && r.shot_taken_at !== null
              ? { sha256: r.shot_sha256, takenAt: r.shot_taken_at }
              : null,
        }));
    },
    /** The newest heartbeat of each of these screens, as sent (stored only after Heartbeat.parse). */
    heartbeats(screenIds: readonly string[]): Map<string, Heartbeat> {
      return new Map(bodies.all(JSON.stringify(screenIds)).map((r) => [r.screen_id, JSON.parse(r.body) as Heartbeat]));
    },
  };
}
export type DeliveryListing = ReturnType<typeof createDeliveryListing>;
