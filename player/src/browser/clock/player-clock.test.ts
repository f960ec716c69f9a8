import { describe, expect, it } from 'vitest';
import { createPlayerClock } from './player-clock';
import { simulatedTime } from './simulated-time';
import type { TimeExchange } from './player-clock';

const T0 = Date.parse('2026-03-01T08:00:00Z');

/** The controller on the true timeline, reached with these delays (ms) each way. */
function controller(sim: ReturnType<typeof simulatedTime>, up: number, down: number, step = { at: Infinity, by: 0 }) {
  const read = () => Math.floor(sim.now() + (sim.now() >= step.at ? step.by : 0));
  const exchange: TimeExchange = async (local) => {
    const sent = local();
    await sim.sleep(up);
    const controllerReceived = read();
    await sim.sleep(down);
    return { sent, received: local(), controllerReceived, controllerSent: controllerReceived };
  };
  return exchange;
}

describe('the player clock', () => {
  it('reads the local clock until the first exchange, then the controller’s time within its bound', async () => {
    // 1. A player whose own clock is 40 minutes fast boots with its controller 30 ms away (20 up, 10 down).
    const sim = simulatedTime(T0);
    const clock = createPlayerClock({ local: sim.machine(40 * 60_000), exchange: controller(sim, 20, 10) });
    expect(clock.timers.now()).toBe(T0 + 40 * 60_000);
    expect(clock.estimate()).toBeNull();
    // 2. After the first exchanges it tells the controller's time, and how sure it is.
    await sim.runUntil(T0 + 10_000);
    const estimate = clock.estimate();
    expect(estimate?.errorMs).toBeLessThan(20);
    expect(Math.abs(clock.timers.now() - sim.now())).toBeLessThanOrEqual(estimate?.errorMs ?? 0);
    clock.dispose();
  });

  it('fires a timer at an instant of the controller’s clock, armed again when the estimate moves', async () => {
    const sim = simulatedTime(T0);
    const clock = createPlayerClock({ local: sim.machine(-5_000), exchange: controller(sim, 1, 1) });
    let firedAt: number | null = null;
    // Set before the first exchange: by the local clock the instant is 5 s further away than it is.
    clock.timers.at(T0 + 3_000, () => (firedAt = sim.now()));
    await sim.runUntil(T0 + 20_000);
    expect(firedAt).not.toBeNull();
    expect(Math.abs((firedAt ?? 0) - (T0 + 3_000))).toBeLessThan(10);
    clock.dispose();
  });

  it('tells owners when its time jumps, and follows a stepped controller clock', async () => {
    const sim = simulatedTime(T0);
    const step = { at: T0 + 60_000, by: 7_000 };
    const clock = createPlayerClock({
      local: sim.machine(0),
      exchange: controller(sim, 2, 2, step),
      schedule: { burst: 4, burstMs: 1_000, everyMs: 10_000 },
    });
    let jumps = 0;
    clock.timers.onJump?.(() => (jumps += 1));
    await sim.runUntil(T0 + 30_000);
    expect(jumps).toBe(0);
    // The controller's NTP steps it 7 s forward; once most recent samples say so, the player follows.
    await sim.runUntil(T0 + 200_000);
    expect(jumps).toBe(1);
    expect(Math.abs(clock.timers.now() - (sim.now() + 7_000))).toBeLessThan(10);
    clock.dispose();
  });

  it('stops exchanging when disposed', async () => {
    const sim = simulatedTime(T0);
    let exchanges = 0;
    const counted: TimeExchange = async (local) => {
      exchanges += 1;
      return controller(sim, 1, 1)(local);
    };
    const clock = createPlayerClock({ local: sim.machine(0), exchange: counted });
    await sim.runUntil(T0 + 5_000);
    clock.dispose();
    const before = exchanges;
    await sim.runUntil(T0 + 600_000);
    expect(exchanges).toBe(before);
  });
});
