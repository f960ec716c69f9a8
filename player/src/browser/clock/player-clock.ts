import { type ClockEstimate, type ClockSample, type EstimatorOptions, createClockEstimator } from './clock-estimator';
import { type Timers, atInstant } from './timers';

/** One exchange with the controller, timed on the local clock `local`; null when it failed. */
export type TimeExchange = (local: () => number) => Promise<ClockSample | null>;

export interface ClockSchedule {
  /** Exchanges at start, `burstMs` apart, so a fresh player has a good estimate within seconds. */
  burst: number;
  burstMs: number;
  /** Then one every `everyMs`: drift and a stepped controller clock are followed. */
  everyMs: number;
}

/**
 * A wall needs its tiles within a frame of each other, and best-of-N only beats network jitter with a large N: 16
 * exchanges in the first 4 s give a fresh player a good estimate before its first switch, then one every 10 s keeps
 * the window (32) fresh. Each is one small GET: 1,000 screens cost the controller 100 a second.
 */
export const CLOCK_SCHEDULE: ClockSchedule = { burst: 16, burstMs: 250, everyMs: 10_000 };

/**
 * The player keeps 32 samples (the estimator's own default is 8): with 20 ± 10 ms of jitter each way the best round
 * trip of 32 leaves a wall's tiles about 3 ms apart, of 8 about 5 ms (bench/wall-sync). The price: a stepped
 * controller clock is followed once most of the window agrees, after about 3 minutes instead of 1.
 */
export const PLAYER_ESTIMATOR: Partial<EstimatorOptions> = { window: 32 };

/** A new estimate further than this from the last is a jump: owners plan again from the new time. */
export const JUMP_MS = 1_000;

export interface PlayerClock {
  /** Owner-scoped timers whose `now()` is the controller's time as this player estimates it. */
  readonly timers: Timers;
  /** The offset to the controller and its error bound, for the heartbeat; null before the first exchange. */
  estimate(): ClockEstimate | null;
  /** Exchanges now, off schedule; resolves once the sample is counted (or the exchange failed). */
  sync(): Promise<void>;
  dispose(): void;
}

/**
 * The player's one clock (DESIGN.md, "One clock"): the local monotonic clock plus the estimated offset to the
 * controller, re-estimated on a schedule (clock-estimator.ts). Until the first exchange succeeds (a player
 * booting offline) it is the local clock. Timers set for an instant (`at`) are armed again whenever the
 * estimate moves, so they fire at that instant of the controller's clock.
 */
export function createPlayerClock(deps: {
  /** The local clock and timer source (realTimers in a browser, a simulated one in tests). */
  local: Timers;
  exchange: TimeExchange;
  schedule?: ClockSchedule;
  estimator?: Partial<EstimatorOptions>;
}): PlayerClock {
  const { local, exchange } = deps;
  const schedule = deps.schedule ?? CLOCK_SCHEDULE;
  const estimator = createClockEstimator({ ...PLAYER_ESTIMATOR, ...deps.estimator });
  let offset = 0;
  let disposed = false;
  const armed = new Set<() => void>();
  const jumpListeners = new Set<() => void>();

  const timers: Timers = {
    now: () => local.now() + offset,
    after: (ms, fn) => local.after(ms, fn),
    at: (instant, fn) => atInstant(timers, instant, fn, armed),
    onJump(listener) {
      jumpListeners.add(listener);
      return () => jumpListeners.delete(listener);
    },
  };
  const localFrame = local.frame;
  // A frame's time on the controller's clock: its local timestamp plus the offset in force when it is drawn.
  if (localFrame) timers.frame = (fn) => localFrame((time) => fn(time + offset));

  function adopt(next: number) {
    const step = next - offset;
    if (step === 0) return;
    offset = next;
    for (const arm of [...armed]) arm();
    if (Math.abs(step) > JUMP_MS) for (const listener of [...jumpListeners]) listener();
  }

  async function sync(): Promise<void> {
    const sample = await exchange(local.now).catch(() => null);
    if (disposed || !sample || !estimator.add(sample)) return;
    const estimate = estimator.estimate(local.now());
    if (estimate) adopt(estimate.offsetMs);
  }

  let cancel: () => void = () => undefined;
  const loop = (count: number) => {
    void sync().finally(() => {
      if (disposed) return;
      cancel = local.after(count + 1 < schedule.burst ? schedule.burstMs : schedule.everyMs, () => loop(count + 1));
    });
  };
  loop(0);

  return {
    timers,
    estimate: () => estimator.estimate(local.now()),
    sync,
    dispose() {
      disposed = true;
      cancel();
      armed.clear();
      jumpListeners.clear();
    },
  };
}
