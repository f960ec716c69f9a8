import { type PlayRecord, PlayRecord as PlayRecordSchema, type ZoneNow } from '@baruga/protocol';
import { type PlayerDb, STORES } from './idb';

/**
 * A record as kept on the player. `open` while its item is still on screen: its end is moved forward at
 * every checkpoint, so a crash loses seconds of one record's duration, never the record. `session` tells
 * this page's open records from those a crashed or reloaded page left behind.
 */
export interface StoredPlay extends PlayRecord {
  open: boolean;
  session: string;
}

export interface ShownItem {
  itemId: string;
  itemType: string;
  zoneId: string;
  manifestVersion: number;
  /** Wall-clock ms of the frame that painted it. */
  at: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** No item plays shorter than this (LoopItem.durationMs in protocol/src/manifest.ts). */
const MIN_ITEM_MS = 1000;

/**
 * Writes proof of play to IndexedDB as items change on screen (delivery.ts feeds it from telemetry's
 * `onShown`). Writes are queued in order, so a zone's previous record is closed before the next opens.
 */
export function createPlayRecorder(deps: { db: PlayerDb; screenId: string; session: string; now: () => number }) {
  const { db, screenId, session } = deps;
  const open = new Map<string, StoredPlay>();
  const latest = new Map<string, ShownItem>();
  let paused = false;
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch(() => undefined);
    return queue;
  };

  const close = async (zoneId: string, at: number) => {
    const record = open.get(zoneId);
    if (!record) return;
    open.delete(zoneId);
    const endedAt = iso(Math.max(at, Date.parse(record.startedAt)));
    await db.put(STORES.pop, { ...record, endedAt, open: false } satisfies StoredPlay);
  };
  const start = async (item: ShownItem, at: number) => {
    const record: StoredPlay = {
      id: crypto.randomUUID(),
      screenId,
      itemId: item.itemId,
      itemType: item.itemType,
      zoneId: item.zoneId,
      startedAt: iso(at),
      endedAt: iso(at),
      manifestVersion: item.manifestVersion,
      open: true,
      session,
    };
    // Only what the controller would accept is kept: a record that cannot be delivered is never made.
    if (!PlayRecordSchema.safeParse(record).success) return;
    open.set(item.zoneId, record);
    await db.put(STORES.pop, record);
  };

  return {
    /** An item reached the screen in its zone: the zone's previous record ends here. */
    shown(item: ShownItem): Promise<void> {
      // The same item reported again within the shortest item duration is one appearance, not two.
      const previous = latest.get(item.zoneId);
      if (
        previous &&
        previous.itemId === item.itemId &&
        previous.manifestVersion === item.manifestVersion &&
        item.at - previous.at < MIN_ITEM_MS
      ) {
        return queue;
      }
      latest.set(item.zoneId, item);
      if (paused) return queue;
      return enqueue(async () => {
        await close(item.zoneId, item.at);
        await start(item, item.at);
      });
    },
    /** Nothing is visible (blackout): every open record ends now. */
    pause(at = deps.now()): Promise<void> {
      paused = true;
      return enqueue(async () => {
        for (const zoneId of [...open.keys()]) await close(zoneId, at);
      });
    },
    /** Visible again: what each zone shows starts a new record now. */
    resume(at = deps.now()): Promise<void> {
      if (!paused) return queue;
      paused = false;
      return enqueue(async () => {
        for (const item of latest.values()) await start(item, at);
      });
    },
    /** Moves every open record's end to now, so a crash loses at most one checkpoint interval. */
    checkpoint(at = deps.now()): Promise<void> {
      return enqueue(async () => {
        for (const [zoneId, record] of open) {
          const next = { ...record, endedAt: iso(Math.max(at, Date.parse(record.startedAt))) };
          open.set(zoneId, next);
          await db.put(STORES.pop, next);
        }
      });
    },
    /** The page is going away: close what is open (a crash skips this; `recover` covers it). */
    closeAll(at = deps.now()): Promise<void> {
      return enqueue(async () => {
        for (const zoneId of [...open.keys()]) await close(zoneId, at);
      });
    },
    /** At boot: records a previous page left open end at their last checkpoint. */
    recover(): Promise<void> {
      return enqueue(async () => {
        const all = await db.all<StoredPlay>(STORES.pop, { name: 'screen', value: screenId });
        for (const record of all) {
          if (record.open && record.session !== session) await db.put(STORES.pop, { ...record, open: false });
        }
      });
    },
    /** What each zone shows now, for the heartbeat. */
    zones(): ZoneNow[] {
      return [...latest.values()].map((i) => ({ zoneId: i.zoneId, itemId: i.itemId, since: iso(i.at) }));
    },
    /** Resolves when every write so far is committed. */
    settled: () => queue,
  };
}
export type PlayRecorder = ReturnType<typeof createPlayRecorder>;

/** How long a batch may wait for its acknowledgement before it is sent again. */
export const ACK_TIMEOUT_MS = 15_000;
const BATCH = 200;

/**
 * Sends closed records in batches and deletes them only once the controller acknowledges their ids:
 * at least once on the wire, exactly once in the controller's table (it drops ids it has).
 */
export function createPlayUploader(deps: {
  db: PlayerDb;
  screenId: string;
  playerId: string;
  /** Publishes a batch; false when not connected. */
  publish: (payload: string) => boolean;
  now: () => number;
}) {
  const { db, screenId } = deps;
  let inFlight: { ids: Set<string>; sentAt: number } | null = null;
  let sending = false;

  const toWire = (r: StoredPlay): PlayRecord => ({
    id: r.id,
    screenId: r.screenId,
    itemId: r.itemId,
    itemType: r.itemType,
    zoneId: r.zoneId,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    manifestVersion: r.manifestVersion,
  });

  async function send(): Promise<void> {
    if (sending) return;
    if (inFlight && deps.now() - inFlight.sentAt < ACK_TIMEOUT_MS) return;
    sending = true;
    try {
      const all = await db.all<StoredPlay>(STORES.pop, { name: 'screen', value: screenId });
      const ready = all.filter((r) => !r.open).slice(0, BATCH);
      if (ready.length === 0) {
        inFlight = null;
        return;
      }
      const payload = JSON.stringify({ playerId: deps.playerId, records: ready.map(toWire) });
      if (deps.publish(payload)) inFlight = { ids: new Set(ready.map((r) => r.id)), sentAt: deps.now() };
    } finally {
      sending = false;
    }
  }

  return {
    /** Sends the next batch if none is waiting for its acknowledgement (or it waited too long). */
    send,
    /** The controller holds these ids: delete them here, and send the next batch at once. */
    async acknowledged(ids: readonly string[]): Promise<void> {
      await db.delete(STORES.pop, ids);
      if (inFlight) {
        for (const id of ids) inFlight.ids.delete(id);
        if (inFlight.ids.size === 0) inFlight = null;
      }
      await send();
    },
    /** A new connection: whatever was in flight may have been lost with the old one. */
    reconnected(): Promise<void> {
      inFlight = null;
      return send();
    },
    backlog: () => db.count(STORES.pop, { name: 'screen', value: screenId }),
  };
}
export type PlayUploader = ReturnType<typeof createPlayUploader>;
