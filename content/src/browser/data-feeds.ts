import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DataTable } from '../data-table';

/**
 * Live rows for data widgets, by feed id. The player owns one registry; a widget subscribes to its
 * feed and re-renders when rows change. Feeds are filled by whatever delivers data (a data-widget
 * manifest, a host, a test), never by the widget itself.
 */
export interface DataFeeds {
  get(feedId: string): DataTable | undefined;
  subscribe(feedId: string, listener: () => void): () => void;
  publish(feedId: string, table: DataTable): void;
}

export function createDataFeeds(): DataFeeds {
  const tables = new Map<string, DataTable>();
  const listeners = new Map<string, Set<() => void>>();
  return {
    get: (id) => tables.get(id),
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
    publish(id, table) {
      tables.set(id, table);
      for (const l of listeners.get(id) ?? []) l();
    },
  };
}

export const DataFeedsContext = createContext<DataFeeds | null>(null);

const noSubscribe = () => () => {};

/** The feed's current rows when `feedId` names one that has data, else the rows the props carry. */
export function useDataTable(fallback: DataTable, feedId: string | undefined): DataTable {
  const feeds = useContext(DataFeedsContext);
  const live = useSyncExternalStore(feeds && feedId ? (l) => feeds.subscribe(feedId, l) : noSubscribe, () =>
    feeds && feedId ? feeds.get(feedId) : undefined,
  );
  return live ?? fallback;
}
