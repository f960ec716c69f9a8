import { describe, expect, it } from 'vitest';
import { ADDRESS, PAIR, createSignInThrottle } from './sign-in-throttle';

function clock() {
  let now = Date.parse('2026-03-01T08:00:00Z');
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the sign-in throttle', () => {
  it('lets a person mistype a few times, then locks that name from that address, doubling the wait', () => {
    const time = clock();
    const throttle = createSignInThrottle(time.now);
    for (let i = 1; i < PAIR.free; i++) expect(throttle.failed('admin', '10.0.0.9')).toEqual({ lockedForS: null });
    // 1. The fifth wrong password locks for 30 s.
    expect(throttle.failed('admin', '10.0.0.9')).toEqual({ lockedForS: 30 });
    expect(throttle.check('admin', '10.0.0.9')).toEqual({ ok: false, retryAfterS: 30 });
    time.advance(10_000);
    expect(throttle.check('admin', '10.0.0.9')).toEqual({ ok: false, retryAfterS: 20 });
    // 2. Another address, or another name from this one, is not held up.
    expect(throttle.check('admin', '10.0.0.10')).toEqual({ ok: true });
    expect(throttle.check('editor', '10.0.0.9')).toEqual({ ok: true });
    // 3. After the wait, one more failure locks for twice as long, and so on up to 15 minutes.
    time.advance(20_000);
    expect(throttle.check('admin', '10.0.0.9')).toEqual({ ok: true });
    expect(throttle.failed('admin', '10.0.0.9')).toEqual({ lockedForS: 60 });
    for (let i = 0; i < 10; i++) {
      time.advance(PAIR.maxLockMs);
      throttle.failed('admin', '10.0.0.9');
    }
    expect(throttle.check('admin', '10.0.0.9')).toEqual({ ok: false, retryAfterS: PAIR.maxLockMs / 1000 });
    // 4. A success (after the lock) starts again from zero.
    time.advance(PAIR.maxLockMs);
    throttle.succeeded('admin', '10.0.0.9');
    expect(throttle.failed('admin', '10.0.0.9')).toEqual({ lockedForS: null });
  });

  it('locks an address that sprays one password over many names', () => {
    const time = clock();
    const throttle = createSignInThrottle(time.now);
    for (let i = 1; i < ADDRESS.max; i++) {
      expect(throttle.failed(`user${i}`, '10.0.0.66').lockedForS).toBeNull();
      time.advance(1000);
    }
    expect(throttle.failed('user-last', '10.0.0.66')).toEqual({ lockedForS: ADDRESS.lockMs / 1000 });
    expect(throttle.check('someone-new', '10.0.0.66')).toEqual({ ok: false, retryAfterS: ADDRESS.lockMs / 1000 });
    expect(throttle.check('someone-new', '10.0.0.67')).toEqual({ ok: true });
  });

  it('forgets failures older than its window', () => {
    const time = clock();
    const throttle = createSignInThrottle(time.now);
    for (let i = 1; i < ADDRESS.max; i++) throttle.failed(`user${i}`, '10.0.0.70');
    time.advance(ADDRESS.windowMs + 1);
    expect(throttle.failed('user-late', '10.0.0.70').lockedForS).toBeNull();
  });
});
