import type { Heartbeat } from '@baruga/protocol';
import type { Db } from '../db/database';

/**
 * The newest heartbeat of each screen (older ones are not kept: telemetry history is the log's job). The delivery
 * view reads them a page at a time (delivery-listing.ts).
 */
export function createHeartbeatsRepository(db: Db) {
  // A heartbeat for a screen deleted meanwhile is dropped by the EXISTS, in the same statement.
  const upsert = db.prepare(
    `INSERT INTO screen_heartbeats (screen_id, player_id, received_at, body)
     SELECT @screenId, @playerId, @receivedAt, @body WHERE EXISTS (SELECT 1 FROM screens WHERE id = @screenId)
     ON CONFLICT (screen_id) DO UPDATE SET player_id = excluded.player_id, received_at = excluded.received_at,
       body = excluded.body`,
  );
  return {
    record(heartbeat: Heartbeat, receivedAt = new Date()): void {
      upsert.run({
        screenId: heartbeat.screenId,
        playerId: heartbeat.playerId,
        receivedAt: receivedAt.toISOString(),
        body: JSON.stringify(heartbeat),
      });
    },
  };
}
export type HeartbeatsRepository = ReturnType<typeof createHeartbeatsRepository>;
