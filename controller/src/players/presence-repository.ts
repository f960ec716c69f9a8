import type { Db } from '../db/database';

export interface Presence {
  connected: boolean;
  playerId: string;
  lastSeenAt: string;
  manifestVersion: number | null;
}

export function createPresenceRepository(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO screen_presence (screen_id, connected, player_id, last_seen_at, manifest_version)
     VALUES (@screenId, @connected, @playerId, @lastSeenAt, @manifestVersion)
     ON CONFLICT (screen_id) DO UPDATE SET connected = excluded.connected, player_id = excluded.player_id,
       last_seen_at = excluded.last_seen_at, manifest_version = coalesce(excluded.manifest_version, manifest_version)`,
  );
  const one = db.prepare<
    [string],
    { connected: number; player_id: string; last_seen_at: string; manifest_version: number | null }
  >('SELECT connected, player_id, last_seen_at, manifest_version FROM screen_presence WHERE screen_id = ?');
  const exists = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM screens WHERE id = ?');

  return {
    record(screenId: string, p: Presence): void {
      // Status may arrive for a screen deleted meanwhile (retained messages outlive rows): ignore it.
      if ((exists.get(screenId)?.n ?? 0) === 0) return;
      upsert.run({ screenId, ...p, connected: p.connected ? 1 : 0 });
    },
    get(screenId: string): Presence | null {
      const r = one.get(screenId);
      return r
        ? {
            connected: r.connected === 1,
            playerId: r.player_id,
            lastSeenAt: r.last_seen_at,
            manifestVersion: r.manifest_version,
          }
        : null;
    },
  };
}
export type PresenceRepository = ReturnType<typeof createPresenceRepository>;
