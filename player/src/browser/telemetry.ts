/**
 * What the player shows and when, as wall-clock milliseconds of the frame that first painted it.
 * Kept on `window.baruga` for the host (screenshots, tests, benchmarks); bounded so it never grows.
 */
export interface ShownRecord {
  itemId: string;
  manifestVersion: number;
  at: number;
}

const LIMIT = 200;

declare global {
  interface Window {
    baruga?: { shown: ShownRecord[]; manifestVersion: number | null; rejected: string[] };
  }
}

function state() {
  window.baruga ??= { shown: [], manifestVersion: null, rejected: [] };
  return window.baruga;
}

export function recordShown(itemId: string, manifestVersion: number): void {
  // The frame after the commit is the one a person sees.
  requestAnimationFrame(() => {
    const s = state();
    s.shown.push({ itemId, manifestVersion, at: performance.timeOrigin + performance.now() });
    if (s.shown.length > LIMIT) s.shown.splice(0, s.shown.length - LIMIT);
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
