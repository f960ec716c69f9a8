/**
 * A token bucket per client key (an address): `burst` requests at once, then one more every `perMs / burst`.
 * In memory, bounded: past `maxKeys` clients the fullest buckets (those that would be full anyway) are dropped,
 * so a flood from many addresses cannot grow it without end. The clock is a parameter so tests move time.
 */
export interface RateLimiter {
  /** Takes a token for `key`: 0 when allowed, else how many ms until the next one (for Retry-After). */
  take(key: string): number;
}

export function createRateLimiter(options: {
  burst: number;
  perMs: number;
  maxKeys?: number;
  now?: () => number;
}): RateLimiter {
  const { burst, perMs } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const msPerToken = perMs / burst;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const level = (b: { tokens: number; at: number }, t: number) => Math.min(burst, b.tokens + (t - b.at) / msPerToken);

  function prune(t: number): void {
    for (const [key, b] of buckets) if (level(b, t) >= burst) buckets.delete(key);
    // Still full of drained buckets: the oldest entries go (Map keeps insertion order).
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) break;
      buckets.delete(key);
    }
  }

  return {
    take(key) {
      const t = now();
      const found = buckets.get(key);
      const tokens = found ? level(found, t) : burst;
      // Rounded to a microsecond first, so floating-point dust does not add a whole millisecond.
      if (tokens < 1) return Math.ceil(Math.round((1 - tokens) * msPerToken * 1000) / 1000);
      if (!found && buckets.size >= maxKeys) prune(t);
      buckets.set(key, { tokens: tokens - 1, at: t });
      return 0;
    },
  };
}
