import { type Locale, type Screen, type ScreenListQuery, sortKey } from '@baruga/protocol';
import type { Db } from '../db/database';
import { likePattern, statementCache } from '../db/statement-cache';

interface RawListed {
  id: string;
  name: string;
  width: number;
  height: number;
  timezone: string;
  locale: string;
  public: number;
  wall_id: string | null;
  latitude: number | null;
  longitude: number | null;
  connected: number | null;
  last_seen_at: string | null;
  published_version: number | null;
}

const toScreen = (r: RawListed): Screen => ({
  id: r.id,
  name: r.name,
  width: r.width,
  height: r.height,
  timezone: r.timezone,
  locale: r.locale as Locale, // written only through CreateScreen, which validated it
  public: r.public === 1,
  wallId: r.wall_id,
  location: r.latitude === null || r.longitude === null ? null : { lat: r.latitude, lon: r.longitude },
  connected: r.connected === 1,
  lastSeenAt: r.last_seen_at,
  publishedVersion: r.published_version,
});

/**
 * A screen with its presence and published version, in one query however many screens there are: the list
 * joins screen_presence and the manifests' (screen_id, version) index, so no manifest body is read and no query
 * runs per row.
 */
const SELECT = `SELECT s.id, s.name, s.width, s.height, s.timezone, s.locale, s.public, s.wall_id,
    s.latitude, s.longitude, p.connected, p.last_seen_at, m.version AS published_version
  FROM screens s
  LEFT JOIN screen_presence p ON p.screen_id = s.id
  LEFT JOIN manifests m INDEXED BY manifests_versions ON m.screen_id = s.id`;

const ORDER: Readonly<Record<string, string>> = {
  id: 's.id',
  name: 's.name',
  lastSeenAt: 'p.last_seen_at',
  publishedVersion: 'm.version',
};

function orderBy(sort: ScreenListQuery['sort']): string {
  // Walls first, by wall, then single screens: the order the console has always shown.
  if (!sort) return 's.wall_id IS NULL, s.wall_id, s.id';
  const { key, descending } = sortKey(sort);
  return `${ORDER[key] ?? 's.id'} ${descending ? 'DESC' : 'ASC'}, s.id`;
}

function where(query: ScreenListQuery): { sql: string; params: Record<string, string | number> } {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (query.q) {
    clauses.push("(s.id LIKE @q ESCAPE '\\' OR s.name LIKE @q ESCAPE '\\')");
    params.q = likePattern(query.q);
  }
  if (query.group) {
    clauses.push('EXISTS (SELECT 1 FROM screen_groups g WHERE g.screen_id = s.id AND g.group_id = @group)');
    params.group = query.group;
  }
  if (query.wall) {
    clauses.push('s.wall_id = @wall');
    params.wall = query.wall;
  }
  if (query.connected !== undefined) {
    clauses.push('coalesce(p.connected, 0) = @connected');
    params.connected = query.connected ? 1 : 0;
  }
  if (query.public !== undefined) {
    clauses.push('s.public = @public');
    params.public = query.public ? 1 : 0;
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function createScreenListing(db: Db) {
  const prepared = statementCache(db);
  const one = db.prepare<[string], RawListed>(`${SELECT} WHERE s.id = ?`);
  return {
    /** One page of screens as the API shows them, and how many match in all. */
    page(query: ScreenListQuery): { rows: Screen[]; total: number } {
      const w = where(query);
      const rows = prepared<Record<string, string | number>, RawListed>(
        `${SELECT} ${w.sql} ORDER BY ${orderBy(query.sort)} LIMIT @limit OFFSET @offset`,
      ).all({ ...w.params, limit: query.limit, offset: query.offset });
      // Counting joins presence only when the filter needs it.
      const total =
        prepared<Record<string, string | number>, { n: number }>(
          `SELECT count(*) AS n FROM screens s ${query.connected !== undefined ? 'LEFT JOIN screen_presence p ON p.screen_id = s.id' : ''} ${w.sql}`,
        ).get(w.params)?.n ?? 0;
      return { rows: rows.map(toScreen), total };
    },
    get(id: string): Screen | null {
      const row = one.get(id);
      return row ? toScreen(row) : null;
    },
  };
}
export type ScreenListing = ReturnType<typeof createScreenListing>;
