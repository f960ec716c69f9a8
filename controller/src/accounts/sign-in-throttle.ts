/**
 * Login throttling (docs/security.md). Two locks, both answered 429 with `Retry-After`:
 * - one username from one address: after {@link PAIR.free} wrong passwords in a row, locked for 30 s, doubling
 *   with every further failure up to 15 minutes; the right password during the lock is refused too, or the lock
 *   would only slow guessing down. A success clears it.
 * - one address, any usernames: {@link ADDRESS.max} failures within 15 minutes lock the address for 15 minutes,
 *   so spraying one password over many names goes no faster.
 * Guessing from one place is held to a few dozen tries an hour; a person who mistypes twice never notices. Kept in
 * memory: a restart forgets the counts, which only the operator of the controller can cause.
 */
export const PAIR = { free: 5, firstLockMs: 30_000, maxLockMs: 15 * 60_000 } as const;
export const ADDRESS = { max: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;
/** Bounds the memory an attacker can make it hold; the oldest entries go first. */
const MAX_ENTRIES = 10_000;

interface PairState {
  failures: number;
  lockedUntil: number;
}
interface AddressState {
  failures: number[];
  lockedUntil: number;
}

export type ThrottleVerdict = { ok: true } | { ok: false; retryAfterS: number };

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_ENTRIES) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}

export function createSignInThrottle(now: () => number = Date.now) {
  const pairs = new Map<string, PairState>();
  const addresses = new Map<string, AddressState>();
  const pairKey = (username: string, address: string) => `${address}\n${username.toLowerCase()}`;
  const wait = (until: number): ThrottleVerdict => ({
    ok: false,
    retryAfterS: Math.max(1, Math.ceil((until - now()) / 1000)),
  });

  return {
    /** Whether a sign-in may be tried now; checked before the password, so a locked attempt costs no hashing. */
    check(username: string, address: string): ThrottleVerdict {
      const t = now();
      const byAddress = addresses.get(address);
      const byPair = pairs.get(pairKey(username, address));
      const until = Math.max(byAddress?.lockedUntil ?? 0, byPair?.lockedUntil ?? 0);
      return until > t ? wait(until) : { ok: true };
    },
    /** A wrong password: counts it, and says whether (and for how long) this failure locked. */
    failed(username: string, address: string): { lockedForS: number | null } {
      const t = now();
      const key = pairKey(username, address);
      const pair = pairs.get(key) ?? { failures: 0, lockedUntil: 0 };
      pair.failures += 1;
      let lockedUntil = 0;
      if (pair.failures >= PAIR.free) {
        const lockMs = Math.min(PAIR.maxLockMs, PAIR.firstLockMs * 2 ** (pair.failures - PAIR.free));
        pair.lockedUntil = t + lockMs;
        lockedUntil = pair.lockedUntil;
      }
      remember(pairs, key, pair);

      const byAddress = addresses.get(address) ?? { failures: [], lockedUntil: 0 };
      byAddress.failures = [...byAddress.failures.filter((at) => at > t - ADDRESS.windowMs), t];
      if (byAddress.failures.length >= ADDRESS.max) {
        byAddress.lockedUntil = t + ADDRESS.lockMs;
        byAddress.failures = [];
        lockedUntil = Math.max(lockedUntil, byAddress.lockedUntil);
      }
      remember(addresses, address, byAddress);
      return { lockedForS: lockedUntil > t ? Math.ceil((lockedUntil - t) / 1000) : null };
    },
    /** The right password, unlocked: this username from this address starts again from zero. */
    succeeded(username: string, address: string): void {
      pairs.delete(pairKey(username, address));
    },
  };
}
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
