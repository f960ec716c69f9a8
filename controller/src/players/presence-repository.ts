import type { Db } from '../db/database';

export interface Presence {
  connected: boolean;
  playerId: string;
  lastSeenAt: string;
  manifestVersion: number | null;
  /** The player's connection this came from (PlayerStatus `connectionSeq`); null when it did not say. */
  connectionSeq?: number | null;
}

export function createPresenceRepository(db: Db) {
  // A status from an older connection of the same player than the one stored is superseded: the WHERE of the
  // upsert leaves the row alone (0 changes). Statuses that name no connection, or another player, apply as before.
  const upsert = db.prepare(
    `INSERT INTO screen_presence (screen_id, connected, player_id, last_seen_at, manifest_version, connection_seq)
     SELECT @screenId, @connected, @playerId, @lastSeenAt, @manifestVersion, @connectionSeq
     WHERE EXISTS (SELECT 1 FROM screens WHERE id = @screenId)
     ON CONFLICT (screen_id) DO UPDATE SET connected = excluded.connected, player_id = excluded.player_id,
       last_seen_at = excluded.last_seen_at, manifest_version = coalesce(excluded.manifest_version, manifest_version),
       connection_seq = CASE WHEN excluded.player_id = screen_presence.player_id
                             THEN coalesce(excluded.connection_seq, screen_presence.connection_seq)
                             ELSE excluded.connection_seq END
     WHERE NOT (excluded.player_id = screen_presence.player_id AND excluded.connection_seq IS NOT NULL
                AND screen_presence.connection_seq IS NOT NULL AND excluded.connection_seq < screen_presence.connection_seq)`,
  );
  const one = db.prepare<
    [string],
    {
      connected: number;
      player_id: string;
      last_seen_at: string;
      manifest_version: number | null;
      connection_seq: number | null;
    }
  >(
    'SELECT connected, player_id, last_seen_at, manifest_version, connection_seq FROM screen_presence WHERE screen_id = ?',
  );

  return {
    /**
     * Stores a screen's presence; false when it was not stored: the screen is gone (retained messages outlive
     * rows), or the status comes from an older connection of the player than the one already recorded.
     */
    record(screenId: string, p: Presence): boolean {
      return (
        upsert.run({
          screenId,
          connected: p.connected ? 1 : 0,
          playerId: p.playerId,
          lastSeenAt: p.lastSeenAt,
          manifestVersion: p.manifestVersion,
          connectionSeq: p.connectionSeq ?? null,
        }).changes > 0
      );
    },
    get(screenId: string): Presence | null {
      const r = one.get(screenId);
      return r
        ? {
            connected: r.connected === 1,
            playerId: r.player_id,
            lastSeenAt: r.last_seen_at,
            manifestVersion: r.manifest_version,
            connectionSeq: r.connection_seq,
          }
        : null;
    },
  };
}
export type PresenceRepository = ReturnType<typeof createPresenceRepository>;
