import { type Timers, atInstant } from './timers';

/**
 * Simulated time for tests (STYLE.md: a fake is for what the machine cannot have, a clock to fast-forward):
 * one true timeline, and per simulated machine a local clock that is off from it by a fixed amount. Timers of
 * every machine share one queue, so exchanges between them interleave as they would on a network.
 */
export function simulatedTime(start: number) {
  let now = start;
  let seq = 0;
  const queue = new Map<number, { at: number; fn: () => void }>();
  const after = (ms: number, fn: () => void) => {
    const id = seq++;
    queue.set(id, { at: now + Math.max(0, ms), fn });
    return () => void queue.delete(id);
  };
  /** Lets promise continuations run, as the event loop would between timers. */
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    /** The true time. */
    now: () => now,
    /** A machine whose clock reads `offsetMs` more than the true time. */
    machine(offsetMs: number): Timers {
      const timers: Timers = {
        now: () => now + offsetMs,
        after,
        at: (instant, fn) => atInstant(timers, instant, fn),
      };
      return timers;
    },
    /** Waits `ms` of true time. */
    sleep: (ms: number) => new Promise<void>((resolve) => after(ms, resolve)),
    /** Runs every timer due up to `until`, in order, letting promises settle between them. */
    async runUntil(until: number): Promise<void> {
      await settle();
      for (;;) {
        let next: [number, { at: number; fn: () => void }] | undefined;
        for (const entry of queue) if (!next || entry[1].at < next[1].at) next = entry;
        if (!next || next[1].at > until) break;
        queue.delete(next[0]);
        now = next[1].at;
        next[1].fn();
        await settle();
      }
      now = Math.max(now, until);
    },
  };
}
export type SimulatedTime = ReturnType<typeof simulatedTime>;
