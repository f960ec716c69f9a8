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

export const CLOCK_SCHEDULE: ClockSchedule = { burst: 4, burstMs: 1_500, everyMs: 60_000 };

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
  const estimator = createClockEstimator(deps.estimator);
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
