import type { PlayRecord, PlayRecordView } from '@baruga/protocol';
import type { Db } from '../db/database';

export interface PlayFilter {
  screen?: string | undefined;
  item?: string | undefined;
  player?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

interface RawPlay {
  id: string;
  player_id: string;
  screen_id: string;
  item_id: string;
  item_type: string;
  zone_id: string;
  started_at: string;
  ended_at: string;
  duration_ms: number;
  manifest_version: number;
  received_at: string;
}

const toView = (r: RawPlay): PlayRecordView => ({
  id: r.id,
  playerId: r.player_id,
  screenId: r.screen_id,
  itemId: r.item_id,
  itemType: r.item_type,
  zoneId: r.zone_id,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  durationMs: r.duration_ms,
  manifestVersion: r.manifest_version,
  receivedAt: r.received_at,
});

/** Times are stored as UTC ISO strings (toISOString), so text order is time order. */
const utc = (iso: string) => new Date(iso).toISOString();

function where(filter: PlayFilter): { sql: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (filter.screen) {
    clauses.push('screen_id = @screen');
    params.screen = filter.screen;
  }
  if (filter.item) {
    clauses.push('item_id = @item');
    params.item = filter.item;
  }
  if (filter.player) {
    clauses.push('player_id = @player');
    params.player = filter.player;
  }
  if (filter.from) {
    clauses.push('started_at >= @from');
    params.from = utc(filter.from);
  }
  if (filter.to) {
    clauses.push('started_at < @to');
    params.to = utc(filter.to);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * Two records of the same screen, zone, item and manifest version are one play (docs/delivery.md, "What counts as
 * one play") when they start within this of each other: two windows showing one unclaimed screen follow the same
 * clock and start each pass of an item at the same instant. One zone never starts the same item twice this close
 * (no item is shorter than a second).
 */
export const SAME_PLAY_TOLERANCE_MS = 500;
/**
 * …or when their times on screen overlap by more than this: a window opened late joins the pass under way, from
 * then on. One window's consecutive passes of an item touch (one ends as the next begins); two windows' passes
 * touch within a few frames.
 */
export const SAME_PLAY_OVERLAP_MS = 250;
/** The longest an item stays on screen (LoopItem.durationMs), so the search for a twin looks back no further. */
const MAX_PLAY_MS = 3_600_000;

export function createProofOfPlayRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO proof_of_play (id, player_id, screen_id, item_id, item_type, zone_id, started_at, ended_at,
       duration_ms, manifest_version, received_at)
     VALUES (@id, @playerId, @screenId, @itemId, @itemType, @zoneId, @startedAt, @endedAt, @durationMs,
       @manifestVersion, @receivedAt)
     ON CONFLICT (id) DO NOTHING`,
  );
  const prune = db.prepare('DELETE FROM proof_of_play WHERE started_at < ?');
  // Served by proof_of_play_by_screen (screen_id, started_at).
  const samePlay = db.prepare<Record<string, string | number>, { id: string }>(
    `SELECT id FROM proof_of_play
     WHERE screen_id = @screenId AND started_at >= @searchFrom AND started_at <= @latest
       AND zone_id = @zoneId AND item_id = @itemId AND manifest_version = @manifestVersion AND id <> @id
       AND (started_at BETWEEN @earliest AND @startLatest OR (started_at < @overlapBefore AND ended_at > @overlapAfter))
     LIMIT 1`,
  );

  return {
    /**
     * Stores a batch in one transaction. Returns how many were new; the rest were already here (a batch sent
     * again because its acknowledgement was lost, or the same play reported by a second window of the screen)
     * and are left as they were.
     */
    insertBatch(playerId: string, records: readonly PlayRecord[], receivedAt = new Date()): number {
      return db.transaction(() => {
        let added = 0;
        for (const r of records) {
          const startedAt = utc(r.startedAt);
          const endedAt = utc(r.endedAt);
          const started = Date.parse(startedAt);
          const ended = Date.parse(endedAt);
          const at = (ms: number) => new Date(ms).toISOString();
          // Starts within the tolerance; or a stored play that began before this one ends and ended after it began,
          // each by more than the overlap. A play lasts at most an hour, so the search looks back no further.
          const twin = samePlay.get({
            screenId: r.screenId,
            zoneId: r.zoneId,
            itemId: r.itemId,
            manifestVersion: r.manifestVersion,
            id: r.id,
            searchFrom: at(started - MAX_PLAY_MS),
            latest: at(Math.max(started + SAME_PLAY_TOLERANCE_MS, ended - SAME_PLAY_OVERLAP_MS)),
            earliest: at(started - SAME_PLAY_TOLERANCE_MS),
            startLatest: at(started + SAME_PLAY_TOLERANCE_MS),
            overlapBefore: at(ended - SAME_PLAY_OVERLAP_MS),
            overlapAfter: at(started + SAME_PLAY_OVERLAP_MS),
          });
          if (twin) continue;
          added += insert.run({
            id: r.id,
            playerId,
            screenId: r.screenId,
            itemId: r.itemId,
            itemType: r.itemType,
            zoneId: r.zoneId,
            startedAt,
            endedAt,
            durationMs: Date.parse(endedAt) - Date.parse(startedAt),
            manifestVersion: r.manifestVersion,
            receivedAt: receivedAt.toISOString(),
          }).changes;
        }
        return added;
      })();
    },

    count(filter: PlayFilter): number {
      const w = where(filter);
      return (
        db
          .prepare<Record<string, string>, { n: number }>(`SELECT count(*) AS n FROM proof_of_play ${w.sql}`)
          .get(w.params)?.n ?? 0
      );
    },

    /** A page in start order, oldest first unless `newestFirst`. */
    page(filter: PlayFilter, limit: number, offset: number, newestFirst = false): PlayRecordView[] {
      const w = where(filter);
      const direction = newestFirst ? 'DESC' : 'ASC';
      return db
        .prepare<Record<string, string | number>, RawPlay>(
          `SELECT * FROM proof_of_play ${w.sql} ORDER BY started_at ${direction}, id ${direction} LIMIT @limit OFFSET @offset`,
        )
        .all({ ...w.params, limit, offset })
        .map(toView);
    },

    /**
     * Every matching record in time order, fetched in chunks by keyset: no statement stays open between
     * chunks, so a long CSV export never blocks the connection for records arriving meanwhile.
     */
    *iterate(filter: PlayFilter, chunk = 5000): Generator<PlayRecordView> {
      const w = where(filter);
      const after = w.sql
        ? `${w.sql} AND (started_at, id) > (@lastStart, @lastId)`
        : 'WHERE (started_at, id) > (@lastStart, @lastId)';
      const next = db.prepare<Record<string, string | number>, RawPlay>(
        `SELECT * FROM proof_of_play ${after} ORDER BY started_at, id LIMIT @chunk`,
      );
      let lastStart = '';
      let lastId = '';
      for (;;) {
        const rows = next.all({ ...w.params, lastStart, lastId, chunk });
        for (const r of rows) yield toView(r);
        const last = rows.at(-1);
        if (!last || rows.length < chunk) return;
        lastStart = last.started_at;
        lastId = last.id;
      }
    },

    pruneBefore: (instant: Date): number => prune.run(instant.toISOString()).changes,
  };
}
export type ProofOfPlayRepository = ReturnType<typeof createProofOfPlayRepository>;
