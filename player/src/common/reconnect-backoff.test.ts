import { describe, expect, it } from 'vitest';
import { connectTimeoutMs, nextConnectionSeq, reconnectDelayMs } from './reconnect-backoff';

describe('reconnecting after a herd', () => {
  it('draws each delay from 0 up to a cap that doubles from 1 s to 60 s', () => {
    expect([0, 1, 2, 5, 6, 7, 50].map((attempt) => reconnectDelayMs(attempt, () => 0.999999))).toEqual([
      999, 1999, 3999, 31_999, 59_999, 59_999, 59_999,
    ]);
    expect(reconnectDelayMs(3, () => 0)).toBe(0);
  });

  it('spreads a thousand players that lost the broker together over the whole first second', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = Array.from({ length: 1000 }, () => reconnectDelayMs(0, random));
    const perTenth = Array.from({ length: 10 }, (_, i) => delays.filter((d) => Math.floor(d / 100) === i).length);
    // No tenth of a second gets more than twice its share: no wave.
    expect(Math.max(...perTenth)).toBeLessThan(200);
    expect(Math.min(...perTenth)).toBeGreaterThan(50);
  });

  it('waits longer for a busy broker on each attempt, up to 30 s', () => {
    expect([0, 1, 2, 9].map((attempt) => connectTimeoutMs(attempt))).toEqual([10_000, 20_000, 30_000, 30_000]);
  });

  it('numbers connections upwards even when the clock steps back', () => {
    expect(nextConnectionSeq(0, 1_772_352_000_000.7)).toBe(1_772_352_000_000);
    expect(nextConnectionSeq(1_772_352_000_000, 1_772_351_000_000)).toBe(1_772_352_000_001);
  });
});
