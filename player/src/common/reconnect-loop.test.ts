import { describe, expect, it } from 'vitest';
import { type AttemptEvents, type AttemptPlan, reconnectLoop } from './reconnect-loop';

/** A broker that can be told to refuse or accept, and a clock and timer queue the test moves by hand. */
function harness() {
  let now = 1_772_352_000_000;
  const timers: { at: number; fn: () => void }[] = [];
  const attempts: { plan: AttemptPlan; events: AttemptEvents; closedByLoop: boolean }[] = [];
  const loop = reconnectLoop({
    open(plan, events) {
      const entry = { plan, events, closedByLoop: false };
      attempts.push(entry);
      return { close: () => (entry.closedByLoop = true) };
    },
    later(ms, fn) {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    now: () => now,
    random: () => 0.5,
  });
  return {
    loop,
    attempts,
    timers,
    last: () => attempts.at(-1) as (typeof attempts)[number],
    /** Runs the next timer, moving the clock to it; answers the delay waited. */
    next() {
      timers.sort((a, b) => a.at - b.at);
      const timer = timers.shift();
      if (!timer) throw new Error('no timer pending');
      const waited = timer.at - now;
      now = timer.at;
      timer.fn();
      return waited;
    },
    stepClock: (ms: number) => (now += ms),
  };
}

describe('the reconnect loop', () => {
  it('waits longer after each refused attempt, and each attempt waits longer for the broker', () => {
    const h = harness();
    expect(h.last().plan).toMatchObject({ failures: 0, connectTimeoutMs: 10_000 });
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      h.last().events.closed();
      waits.push(h.next());
    }
    // Half of each cap (random 0.5): 1, 2, 4 … s, capped at 60 s.
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(h.attempts.map((a) => a.plan.connectTimeoutMs)).toEqual([
      10_000, 20_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('starts again from the shortest wait once an attempt is accepted, and numbers every attempt upwards', () => {
    const h = harness();
    h.last().events.closed();
    h.next();
    h.last().events.accepted();
    h.last().events.closed(); // the live connection drops: back at once-ish, not after the grown delay
    expect(h.next()).toBe(500);
    // The clock steps back an hour (NTP): the next attempt is still numbered above the last.
    h.stepClock(-3_600_000);
    h.last().events.closed();
    h.next();
    const seqs = h.attempts.map((a) => a.plan.connectionSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('stops for good when disposed: the open attempt is closed and no retry is left', () => {
    const h = harness();
    h.last().events.closed();
    h.next();
    h.loop.dispose();
    expect(h.last().closedByLoop).toBe(true);
    h.last().events.closed();
    expect(h.timers).toHaveLength(0);
  });
});
