import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('a token bucket per client', () => {
  it('lets a burst through, then one per interval, and says how long to wait', () => {
    let t = 0;
    const limit = createRateLimiter({ burst: 3, perMs: 3000, now: () => t });
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([0, 0, 0]);
    expect(limit.take('a')).toBe(1000);
    // Another client has its own bucket.
    expect(limit.take('b')).toBe(0);
    t += 999;
    expect(limit.take('a')).toBe(1);
    t += 1;
    expect(limit.take('a')).toBe(0);
    t += 60_000;
    expect([limit.take('a'), limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([0, 0, 0, 1000]);
  });

  it('keeps at most maxKeys clients, dropping those that would be full anyway first', () => {
    let t = 0;
    const limit = createRateLimiter({ burst: 2, perMs: 1000, maxKeys: 3, now: () => t });
    limit.take('drained');
    limit.take('drained');
    t += 10_000;
    for (const key of ['x', 'y', 'z', 'w']) expect(limit.take(key)).toBe(0);
    limit.take('w');
    // "w" is drained and still remembered: its next request waits.
    expect(limit.take('w')).toBeGreaterThan(0);
  });
});
