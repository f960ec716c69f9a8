import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DataTable } from '../data-table';

/** What a widget prints under its data: who it comes from, as of when, and whether the newest fetch failed. */
export interface FeedMeta {
  name: string;
  credit: string;
  /** When the rows were fetched (ms since the epoch); null before the first good fetch. */
  fetchedAt: number | null;
  stale: boolean;
}

export interface FeedState {
  table: DataTable;
  meta: FeedMeta | null;
}

/**
 * Live rows for data widgets, by feed id (a data source's id). The player owns one registry; a widget subscribes to
 * its feed and re-renders when rows change. Feeds are filled by whatever delivers data (the player's feed link, a
 * host, a test), never by the widget itself.
 */
export interface DataFeeds {
  get(feedId: string): DataTable | undefined;
  state(feedId: string): FeedState | undefined;
  subscribe(feedId: string, listener: () => void): () => void;
  publish(feedId: string, table: DataTable, meta?: FeedMeta): void;
  /** New "as of" and staleness for the rows already held (a refresh that found the same rows, or failed). */
  touch(feedId: string, meta: FeedMeta): void;
}

export function createDataFeeds(): DataFeeds {
  const states = new Map<string, FeedState>();
  const listeners = new Map<string, Set<() => void>>();
  const notify = (id: string) => {
    for (const l of listeners.get(id) ?? []) l();
  };
  return {
    get: (id) => states.get(id)?.table,
    state: (id) => states.get(id),
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
    publish(id, table, meta) {
      states.set(id, { table, meta: meta ?? null });
      notify(id);
    },
    touch(id, meta) {
      const held = states.get(id);
      if (!held) return;
      states.set(id, { table: held.table, meta });
      notify(id);
    },
  };
}

export const DataFeedsContext = createContext<DataFeeds | null>(null);

const noSubscribe = () => () => {};

/** The feed's current rows and their credit when `feedId` names one that has data, else the props' own rows. */
export function useDataFeed(fallback: DataTable, feedId: string | undefined): FeedState {
  const feeds = useContext(DataFeedsContext);
  const snapshot = () => (feeds && feedId ? feeds.state(feedId) : undefined);
  // The same snapshot serves a render outside the browser (the views' tests render to markup).
  const live = useSyncExternalStore(
    feeds && feedId ? (l) => feeds.subscribe(feedId, l) : noSubscribe,
    snapshot,
    snapshot,
  );
  return live ?? { table: fallback, meta: null };
}

/** The feed's current rows when `feedId` names one that has data, else the rows the props carry. */
export function useDataTable(fallback: DataTable, feedId: string | undefined): DataTable {
  return useDataFeed(fallback, feedId).table;
}
