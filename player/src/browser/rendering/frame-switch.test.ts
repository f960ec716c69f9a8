import { describe, expect, it } from 'vitest';
import { simulatedTime } from '../clock/simulated-time';
import type { Timers } from '../clock/timers';
import { atFrame } from './frame-switch';

/** Simulated time with frames every 16.7 ms at fixed phase: what a tile's compositor does. */
function withFrames(timers: Timers, phase: number, period = 1000 / 60): Timers {
  return {
    ...timers,
    frame(fn) {
      const now = timers.now();
      // Always the next frame, strictly after now, as requestAnimationFrame does.
      const next = phase + (Math.floor((now - phase) / period) + 1) * period;
      return timers.after(next - now, () => fn(next));
    },
  };
}

describe('switching at a frame', () => {
  it('fires in the first frame at or after the instant, and the frame`s time is what it reads', async () => {
    const time = simulatedTime(1_000_000);
    const machine = time.machine(0);
    const timers = withFrames(machine, 3);
    const fired: number[] = [];
    atFrame(timers, 1_000_500, () => fired.push(machine.now()));
    await time.runUntil(1_000_600);
    // Frames at 3 + k × 16.67 ms: the first at or after 1 000 500 is 1 000 503.0.
    expect(fired).toHaveLength(1);
    expect(fired[0]).toBeCloseTo(1_000_503, 0);
  });

  it('falls back to the instant where there are no frames, and cancels', async () => {
    const time = simulatedTime(0);
    const machine = time.machine(0);
    const fired: number[] = [];
    atFrame(machine, 100, () => fired.push(machine.now()));
    const cancel = atFrame(withFrames(machine, 0), 200, () => fired.push(-1));
    cancel();
    await time.runUntil(300);
    expect(fired).toEqual([100]);
  });
});
