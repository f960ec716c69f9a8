import type { IntervalSet } from './intervals';

/**
 * Walks several interval sets at once, in time order: for each stretch of [from, to) over which the same sets
 * are active, calls `emit` with the indices of the active sets in ascending order. The stretches cover
 * [from, to) exactly. `active` is reused between calls: copy it to keep it.
 *
 * Cost: one sort of the endpoints and a small insert or delete per endpoint; a screen has a few hundred.
 */
/** Reused between calls (the engine is synchronous): a screen's endpoints need no fresh array each time. */
let scratch = new Float64Array(4096);

export function sweep(
  sets: readonly IntervalSet[],
  from: number,
  to: number,
  emit: (start: number, end: number, active: readonly number[]) => void,
): void {
  let n = 0;
  for (const s of sets) n += s.length;
  // Endpoint (time, set, start-or-end) packed into one float, so a plain numeric sort orders them.
  let mult = 2;
  while (mult < 2 * sets.length + 2) mult *= 2;
  const packable = (to - from) * mult < 2 ** 52;
  if (packable && scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
  const keys = packable ? scratch : null;
  const loose: [number, number][] = [];
  let k = 0;
  for (let i = 0; i < sets.length; i++) {
    const iv = sets[i] as IntervalSet;
    for (let j = 0; j < iv.length; j += 2) {
      const s = Math.max(iv[j] as number, from);
      const e = Math.min(iv[j + 1] as number, to);
      if (s >= e) continue;
      if (keys) {
        keys[k++] = (s - from) * mult + 2 * i + 1;
        keys[k++] = (e - from) * mult + 2 * i;
      } else {
        loose.push([s, 2 * i + 1], [e, 2 * i]);
      }
    }
  }
  const active: number[] = [];
  let at = from;
  const apply = (t: number, code: number) => {
    if (t > at) {
      emit(at, t, active);
      at = t;
    }
    const index = code >> 1;
    if (code & 1) {
      let p = active.length;
      while (p > 0 && (active[p - 1] as number) > index) p--;
      active.splice(p, 0, index);
    } else {
      const p = active.indexOf(index);
      if (p >= 0) active.splice(p, 1);
    }
  };
  if (keys) {
    const sorted = keys.subarray(0, k).sort();
    for (let i = 0; i < sorted.length; i++) {
      const key = sorted[i] as number;
      const code = key % mult;
      apply((key - code) / mult + from, code);
    }
  } else {
    loose.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [t, code] of loose) apply(t, code);
  }
  if (at < to) emit(at, to, active);
}
