/**
 * Owner-scoped timers for player logic (STYLE.md: no raw timers): everything that waits takes a `Timers`, so
 * tests and benchmarks run hours of playback in seconds, and every timer dies with its owner. In a player the
 * source is the clock (player-clock.ts): `now()` is the controller's time as this player estimates it.
 */
export interface Timers {
  /** Ms since the epoch, on the controller's clock as far as this player knows it. */
  now(): number;
  /** Calls `fn` after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
  /** Calls `fn` once `now()` reaches `instant`, even if the clock estimate moves meanwhile; returns the cancel. */
  at(instant: number, fn: () => void): () => void;
  /**
   * Listens for jumps of `now()` (a new clock estimate more than a second away from the last): what was planned
   * for instants of the old estimate is planned again. Returns the function that stops listening.
   */
  onJump?(listener: () => void): () => void;
  /** How much faster than real time `after` runs (1 unless accelerated); network timeouts undo it. */
  speed?: number;
}

/** A timer a hair early by `now()` (timers and clocks round differently) is armed again for the rest. */
const EARLY_MS = 0.5;

/**
 * `at` on any clock and timer source: armed for the time left, and armed again if it fires early; `rearm`
 * receives the function that arms it again, for sources whose clock can be stepped.
 */
export function atInstant(
  source: Pick<Timers, 'now' | 'after'>,
  instant: number,
  fn: () => void,
  rearm?: { add(arm: () => void): void; delete(arm: () => void): void },
): () => void {
  let cancel: () => void = () => undefined;
  const fire = () => {
    if (source.now() < instant - EARLY_MS) return arm();
    rearm?.delete(arm);
    fn();
  };
  const arm = () => {
    cancel();
    cancel = source.after(instant - source.now(), fire);
  };
  rearm?.add(arm);
  arm();
  return () => {
    rearm?.delete(arm);
    cancel();
  };
}

/** The browser's own clock and timers: the one place player code touches setTimeout. */
export const realTimers: Timers = {
  now: () => performance.timeOrigin + performance.now(),
  after(ms, fn) {
    const handle = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(handle);
  },
  at: (instant, fn) => atInstant(realTimers, instant, fn),
};

/**
 * A timer source `factor` times faster than `base`: an accelerated day for soak tests. Its `now()` runs fast too
 * (from the moment it was made), so playback positions, which are functions of time, advance at the same pace.
 */
export function acceleratedTimers(factor: number, base: Timers = realTimers): Timers {
  if (factor === 1) return base;
  const origin = base.now();
  const timers: Timers = {
    now: () => origin + (base.now() - origin) * factor,
    after: (ms, fn) => base.after(ms / factor, fn),
    at: (instant, fn) => atInstant(timers, instant, fn),
    speed: factor * (base.speed ?? 1),
  };
  if (base.onJump) timers.onJump = (listener) => base.onJump?.(listener) ?? (() => undefined);
  return timers;
}
