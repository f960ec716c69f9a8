/**
 * Sets of half-open intervals as flat, sorted arrays `[s0, e0, s1, e1, …]` with s < e and e_i < s_(i+1).
 * Flat number arrays keep the hot path free of per-interval objects.
 */
export type IntervalSet = number[];

/** Sorts and merges arbitrary [s, e] pairs (overlapping or touching) into a set. */
export function normalize(pairs: readonly number[]): IntervalSet {
  const n = pairs.length / 2;
  // Most callers pass pairs already in start order (occurrences, windows): merge without sorting.
  let sorted = true;
  for (let i = 2; i < pairs.length && sorted; i += 2) sorted = (pairs[i] as number) >= (pairs[i - 2] as number);
  if (sorted) {
    const out: IntervalSet = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const s = pairs[i] as number;
      const e = pairs[i + 1] as number;
      if (s >= e) continue;
      const last = out.length - 1;
      if (last > 0 && s <= (out[last] as number)) {
        if (e > (out[last] as number)) out[last] = e;
      } else out.push(s, e);
    }
    return out;
  }
  if (n <= 1) return pairs[0] !== undefined && (pairs[0] as number) < (pairs[1] as number) ? [...pairs] : [];
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => (pairs[2 * i] as number) - (pairs[2 * j] as number),
  );
  const out: IntervalSet = [];
  for (const i of order) {
    const s = pairs[2 * i] as number;
    const e = pairs[2 * i + 1] as number;
    if (s >= e) continue;
    const last = out.length - 1;
    if (last > 0 && s <= (out[last] as number)) {
      if (e > (out[last] as number)) out[last] = e;
    } else out.push(s, e);
  }
  return out;
}

export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: IntervalSet = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i] as number, b[j] as number);
    const e = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (s < e) out.push(s, e);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

/** What of `a` is not in `b`. */
export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: IntervalSet = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let s = a[i] as number;
    const e = a[i + 1] as number;
    while (j < b.length && (b[j + 1] as number) <= s) j += 2;
    let k = j;
    while (k < b.length && (b[k] as number) < e) {
      if ((b[k] as number) > s) out.push(s, b[k] as number);
      s = Math.max(s, b[k + 1] as number);
      k += 2;
    }
    if (s < e) out.push(s, e);
  }
  return out;
}

export function clip(a: IntervalSet, from: number, to: number): IntervalSet {
  return intersect(a, [from, to]);
}

export function isEmpty(a: IntervalSet): boolean {
  return a.length === 0;
}

/** Total length covered. */
export function measure(a: IntervalSet): number {
  let total = 0;
  for (let i = 0; i < a.length; i += 2) total += (a[i + 1] as number) - (a[i] as number);
  return total;
}

/** Whether any interval of `a` meets [from, to). */
export function overlaps(a: IntervalSet, from: number, to: number): boolean {
  // Binary search for the first interval ending after `from`.
  let lo = 0;
  let hi = a.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[2 * mid + 1] as number) <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < a.length / 2 && (a[2 * lo] as number) < to;
}
