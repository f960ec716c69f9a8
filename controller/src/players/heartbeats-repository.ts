import type { Heartbeat } from '@baruga/protocol';
import type { Db } from '../db/database';

export interface StoredHeartbeat {
  screenId: string;
  playerId: string;
  receivedAt: string;
  heartbeat: Heartbeat;
}

/** The newest heartbeat of each screen (older ones are not kept: telemetry history is the log's job). */
export function createHeartbeatsRepository(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO screen_heartbeats (screen_id, player_id, received_at, body) VALUES (?, ?, ?, ?)
     ON CONFLICT (screen_id) DO UPDATE SET player_id = excluded.player_id, received_at = excluded.received_at,
       body = excluded.body`,
  );
  const exists = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM screens WHERE id = ?');
  const all = db.prepare<[], { screen_id: string; player_id: string; received_at: string; body: string }>(
    'SELECT screen_id, player_id, received_at, body FROM screen_heartbeats',
  );
  const toStored = (r: { screen_id: string; player_id: string; received_at: string; body: string }) => ({
    screenId: r.screen_id,
    playerId: r.player_id,
    receivedAt: r.received_at,
    heartbeat: JSON.parse(r.body) as Heartbeat, // stored only after Heartbeat.parse
  });
  return {
    record(heartbeat: Heartbeat, receivedAt = new Date()): void {
      // Heartbeats may arrive for a screen deleted meanwhile: ignore them.
      if ((exists.get(heartbeat.screenId)?.n ?? 0) === 0) return;
      upsert.run(heartbeat.screenId, heartbeat.playerId, receivedAt.toISOString(), JSON.stringify(heartbeat));
    },
    all: (): StoredHeartbeat[] => all.all().map(toStored),
  };
}
export type HeartbeatsRepository = ReturnType<typeof createHeartbeatsRepository>;
