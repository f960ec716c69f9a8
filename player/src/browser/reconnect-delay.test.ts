import { describe, expect, it } from 'vitest';
import { RECONNECT_MAX_MS, reconnectDelay } from './reconnect-delay';

describe('reconnect backoff', () => {
  it('doubles from a second to half a minute, never more', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => reconnectDelay(n, middle))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('spreads players that failed as often by up to a fifth either way', () => {
    expect(reconnectDelay(3, () => 0)).toBe(6400);
    expect(reconnectDelay(3, () => 0.999999)).toBe(9600);
    expect(reconnectDelay(30, () => 0.999999)).toBeLessThanOrEqual(RECONNECT_MAX_MS * 1.2);
  });
});
