import type { ChangeTopic } from '@baruga/protocol';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ApiFailure, api } from './client';

type Listener = (topics: readonly ChangeTopic[]) => void;

/** How long one long poll waits on the controller before asking again. */
const WAIT_MS = 20_000;
const RETRY_MS = 2_000;

/**
 * The console's live updates: one long poll on `GET /api/changes` for the whole console, telling each open page
 * which kinds of thing changed, so it asks again for its own data, and only then. `online` is false while the
 * controller cannot be reached; `onSignedOut` fires when the session has ended.
 */
export function createLiveFeed(onSignedOut: () => void) {
  const listeners = new Set<Listener>();
  const statusListeners = new Set<(online: boolean) => void>();
  let online = true;
  let stopped = false;
  const abort = new AbortController();
  const setOnline = (value: boolean) => {
    if (value === online) return;
    online = value;
    for (const l of statusListeners) l(value);
  };

  async function run() {
    // The first answer says where the counter is; pages have just loaded their data.
    let seq = -1;
    while (!stopped) {
      try {
        const answer = await api.changes(Math.max(seq, 0), seq < 0 ? 0 : WAIT_MS, abort.signal);
        setOnline(true);
        if (seq >= 0 && answer.topics.length > 0) for (const l of [...listeners]) l(answer.topics);
        seq = answer.seq;
      } catch (error) {
        if (stopped) return;
        if (error instanceof ApiFailure && error.status === 401) {
          onSignedOut();
          return;
        }
        setOnline(false);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  return {
    start: () => void run(),
    stop() {
      stopped = true;
      abort.abort();
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStatus(listener: (online: boolean) => void): () => void {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}
export type LiveFeed = ReturnType<typeof createLiveFeed>;

export const LiveContext = createContext<LiveFeed | null>(null);

/** Calls `reload` whenever one of `topics` changes on the controller. */
export function useLiveReload(topics: readonly ChangeTopic[], reload: () => void): void {
  const feed = useContext(LiveContext);
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  const key = topics.join(',');
  useEffect(() => {
    if (!feed) return;
    const wanted = new Set(key.split(','));
    return feed.subscribe((changed) => {
      if (changed.some((t) => wanted.has(t))) latest.current();
    });
  }, [feed, key]);
}

export type Loaded<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; error: unknown };

/**
 * Loads data for a page and keeps it current: again when `deps` change, and when the controller reports a change
 * of one of `topics`. While it asks again after a change the last answer stays on screen; an answer for other
 * `deps` (another screen, another day) is never shown as this one's.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  topics: readonly ChangeTopic[] = [],
): { loaded: Loaded<T>; reload: () => void } {
  const key = JSON.stringify(deps);
  const [answer, setAnswer] = useState<{ key: string; loaded: Loaded<T> } | null>(null);
  const generation = useRef(0);
  const loadRef = useRef(load);
  const keyRef = useRef(key);
  useEffect(() => {
    loadRef.current = load;
  });
  const reload = useCallback(() => {
    const mine = ++generation.current;
    const asked = keyRef.current;
    loadRef.current().then(
      (value) => {
        if (generation.current === mine) setAnswer({ key: asked, loaded: { state: 'ok', value } });
      },
      (error: unknown) => {
        if (generation.current === mine) setAnswer({ key: asked, loaded: { state: 'error', error } });
      },
    );
  }, []);
  useEffect(() => {
    keyRef.current = key;
    reload();
  }, [key, reload]);
  useLiveReload(topics, reload);
  return { loaded: answer?.key === key ? answer.loaded : { state: 'loading' }, reload };
}

/** The current instant, moving every `everyMs`: for checks such as "has this time passed" that rendering makes. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Whether the live feed reaches the controller right now. */
export function useLiveOnline(): boolean {
  const feed = useContext(LiveContext);
  const [online, setOnline] = useState(true);
  useEffect(() => feed?.onStatus(setOnline), [feed]);
  return online;
}
