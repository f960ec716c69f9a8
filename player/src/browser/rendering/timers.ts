/**
 * Owner-scoped timers for player logic (STYLE.md: no raw timers): a view or zone takes a `Timers`, so
 * tests and benchmarks can run hours of playback in seconds, and every timer dies with its owner.
 */
export interface Timers {
  now(): number;
  /** Calls `fn` after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
  /** How much faster than real time `after` runs (1 unless accelerated); network timeouts undo it. */
  speed?: number;
}

export const realTimers: Timers = {
  now: () => performance.timeOrigin + performance.now(),
  after(ms, fn) {
    const handle = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(handle);
  },
};

/** A timer source whose durations are divided by `factor`: an accelerated day for soak tests. */
export function acceleratedTimers(factor: number, base: Timers = realTimers): Timers {
  return { now: base.now, after: (ms, fn) => base.after(ms / factor, fn), speed: factor * (base.speed ?? 1) };
}
