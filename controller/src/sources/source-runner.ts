import { type FeedSnapshot, type SourceDefinition, messages } from '@baruga/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Messaging } from '../messaging/messaging';
import { createLimit } from '../library/limit';
import { fetchSource } from './fetch-source';
import type { SourcesRepository, StoredData, StoredSource } from './sources-repository';

/** Timers the runner uses: real ones in the controller, a fake in tests that run hours in milliseconds. */
export interface Timers {
  set(fn: () => void, ms: number): { cancel(): void };
}

export const realTimers: Timers = {
  set(fn, ms) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** At most this many sources fetch at once: a slow portal holds one lane, not the controller. */
const LANES = 4;

export function snapshotOf(source: StoredSource, data: StoredData): FeedSnapshot {
  return {
    sourceId: source.id,
    version: data.version,
    name: source.definition.name,
    credit: source.definition.credit,
    columns: data.columns,
    rows: data.rows,
    fetchedAt: data.fetchedAt,
    checkedAt: data.checkedAt,
    stale: data.error !== null,
    error: data.error,
  };
}

/**
 * Fetches each source on its interval, keeps the last good table, and tells players: a retained snapshot when the
 * rows or their staleness change (a player that connects later gets it at once), a small update otherwise (the new
 * "as of"). A failing source keeps its rows, marked stale with the reason; nothing it sends can crash the runner.
 * A source that never fetched well sends nothing, so widgets keep the rows in their props.
 */
export function createSourceRunner(deps: {
  sources: SourcesRepository;
  messaging: Messaging;
  log: FastifyBaseLogger;
  timers?: Timers;
  /** Told after every fetch is recorded (its rows, staleness or error may have changed), for the console. */
  onFetched?: (id: string) => void;
}) {
  const { sources, messaging, log } = deps;
  const timers = deps.timers ?? realTimers;
  const lane = createLimit(LANES);
  const scheduled = new Map<string, { cancel(): void; at: number }>();
  const running = new Map<string, Promise<StoredData | null>>();
  let stopped = false;

  async function tell(source: StoredSource, before: StoredData | null, after: StoredData): Promise<void> {
    if (after.fetchedAt === null) return;
    const flipped = (before?.error === null) !== (after.error === null) || before?.fetchedAt === null;
    if (!before || before.version !== after.version || flipped) {
      const payload = JSON.stringify(snapshotOf(source, after));
      // Players refuse a snapshot over the kind's limit: say so here rather than send what nobody will read.
      if (Buffer.byteLength(payload) > messages.feed.maxBytes) {
        log.error(
          { source: source.id, bytes: Buffer.byteLength(payload) },
          'data feed too large to send; lower maxRows',
        );
        return;
      }
      await messaging.sendEncoded('feed', source.id, payload);
    } else if (after.checkedAt) {
      await messaging.send('feedUpdate', source.id, {
        sourceId: source.id,
        version: after.version,
        fetchedAt: after.fetchedAt,
        checkedAt: after.checkedAt,
        stale: after.error !== null,
        error: after.error,
      });
    }
  }

  async function runOnce(id: string): Promise<StoredData | null> {
    const source = sources.get(id);
    if (!source) return null;
    const before = sources.data(id);
    let after: StoredData;
    try {
      const fetched = await fetchSource(source.definition, source.apiToken);
      const at = new Date().toISOString();
      after = fetched.ok ? sources.recordGood(id, fetched.value, at) : sources.recordFailure(id, fetched.error, at);
      if (!fetched.ok)
        log.warn({ source: id, code: fetched.error.code }, `data source failed: ${fetched.error.message}`);
    } catch (error) {
      // A bug in a fetcher, or the source removed mid-fetch: record it if the source is still there.
      log.error({ err: error, source: id }, 'data source fetch crashed');
      if (!sources.get(id)) return null;
      after = sources.recordFailure(
        id,
        { code: 'BARUGA_ERR_INTERNAL', message: 'the fetch failed; see the controller log' },
        new Date().toISOString(),
      );
    }
    deps.onFetched?.(id);
    try {
      await tell(source, before, after);
    } catch (error) {
      log.warn({ err: error, source: id }, 'data feed not sent; players get it with the next change');
    }
    return after;
  }

  /** Fetches now (joining a fetch already running), then waits `refreshS` for the next. */
  function refresh(id: string): Promise<StoredData | null> {
    const inFlight = running.get(id);
    if (inFlight) return inFlight;
    scheduled.get(id)?.cancel();
    scheduled.delete(id);
    const run = lane(() => runOnce(id)).finally(() => {
      running.delete(id);
      const source = sources.get(id);
      if (source && !stopped) schedule(source);
    });
    running.set(id, run);
    return run;
  }

  function schedule(source: StoredSource, inMs = source.definition.refreshS * 1000): void {
    scheduled.get(source.id)?.cancel();
    const timer = timers.set(() => {
      scheduled.delete(source.id);
      void refresh(source.id);
    }, inMs);
    scheduled.set(source.id, { cancel: timer.cancel, at: Date.now() + inMs });
  }

  return {
    refresh,
    nextRefreshAt: (id: string): string | null => {
      const s = scheduled.get(id);
      return s ? new Date(s.at).toISOString() : null;
    },
    /** Sends every source's last good table again (the embedded broker keeps no retained message across restarts), then starts the timers. */
    async start(): Promise<void> {
      for (const source of sources.list()) {
        const data = sources.data(source.id);
        if (data?.fetchedAt) {
          await messaging.send('feed', source.id, snapshotOf(source, data)).catch((error: unknown) => {
            log.warn({ err: error, source: source.id }, 'data feed not sent at start');
          });
        }
        // Spread the first fetches over a few seconds rather than all at once.
        schedule(source, 1000 + Math.floor(Math.random() * 4000));
      }
    },
    /** A source removed: no more fetches, and players stop getting it. */
    async forget(id: string): Promise<void> {
      scheduled.get(id)?.cancel();
      scheduled.delete(id);
      await messaging.clearRetained('feed', id);
    },
    stop(): void {
      stopped = true;
      for (const s of scheduled.values()) s.cancel();
      scheduled.clear();
    },
  };
}
export type SourceRunner = ReturnType<typeof createSourceRunner>;

/** A definition tried once, without storing anything (the console's "test" before saving). */
export async function previewSource(definition: SourceDefinition, apiToken: string | null) {
  return fetchSource(definition, apiToken);
}
