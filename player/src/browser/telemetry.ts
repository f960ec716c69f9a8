/**
 * What the player shows and when, as wall-clock milliseconds of the frame that first painted it.
 * Kept on `window.baruga` for the host (screenshots, tests, benchmarks); bounded so it never grows.
 */
export interface ShownRecord {
  itemId: string;
  manifestVersion: number;
  at: number;
  /** The layout zone it was shown in (`main` for a full-screen playlist). */
  zoneId?: string;
}

/** Called at the frame that painted an item: proof of play (delivery/proof-of-play.ts) listens here. */
type ShownListener = (record: Required<ShownRecord>) => void;
const listeners = new Set<ShownListener>();

/** Returns the function that stops listening. */
export function onShown(listener: ShownListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const LIMIT = 200;

declare global {
  interface Window {
    baruga?: {
      shown: ShownRecord[];
      manifestVersion: number | null;
      rejected: string[];
      /** The clock's offset to the controller and its error bound, read when asked; null before the first exchange. */
      readonly clock?: { offsetMs: number; errorMs: number } | null;
      /** Wall-clock times of the broker connection attempts after the first (reconnects), newest last. */
      reconnects?: number[];
    };
  }
}

function state() {
  window.baruga ??= { shown: [], manifestVersion: null, rejected: [] };
  return window.baruga;
}

export function recordReconnect(): void {
  const s = state();
  const list = (s.reconnects ??= []);
  list.push(Date.now());
  if (list.length > LIMIT) list.splice(0, list.length - LIMIT);
}

export function recordShown(itemId: string, manifestVersion: number, zoneId = 'main'): void {
  // The frame after the commit is the one a person sees.
  requestAnimationFrame(() => {
    const s = state();
    const record = { itemId, manifestVersion, zoneId, at: performance.timeOrigin + performance.now() };
    s.shown.push(record);
    if (s.shown.length > LIMIT) s.shown.splice(0, s.shown.length - LIMIT);
    for (const listener of listeners) listener(record);
  });
}

export function recordManifest(version: number): void {
  state().manifestVersion = version;
}

export function recordRejected(reason: string): void {
  const s = state();
  s.rejected.push(reason);
  if (s.rejected.length > LIMIT) s.rejected.splice(0, s.rejected.length - LIMIT);
}

/**
 * Where `window.baruga.clock` reads the clock estimate from (the page's latest session): tests and benchmarks compare
 * it with the truth, at full precision (the heartbeat rounds it).
 */
export function recordClockSource(source: () => { offsetMs: number; errorMs: number } | null): void {
  Object.defineProperty(state(), 'clock', { get: source, configurable: true, enumerable: true });
}
