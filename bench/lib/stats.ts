/**
 * The arithmetic behind every benchmark figure. A figure is a number together with how many measurements it
 * summarises (`Stat`), so that the README can print "p99 of 120" and a reader can judge it.
 */

/** A summary of measurements: the value, and how many measurements it comes from. */
export interface Stat {
  value: number;
  samples: number;
}

/** Thrown when a figure is asked of fewer measurements than it needs (a p99 of 50 samples is their maximum). */
export class NotEnoughSamples extends Error {
  readonly code = 'BENCH_NOT_ENOUGH_SAMPLES';
  constructor(what: string, have: number, need: number) {
    super(`${what} needs at least ${need} samples, got ${have}: run more, or report a lower percentile`);
  }
}

/**
 * How many samples a percentile needs before it says more than "the extreme": a p99 needs 100 (below that it
 * is the maximum, or an interpolation towards it), a p95 20, a p90 10. The median needs one.
 */
export function samplesNeeded(p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0–100`);
  if (p === 50) return 1;
  const tail = Math.min(p, 100 - p);
  if (tail === 0) return 1; // p0 and p100 are the minimum and the maximum, defined for any count
  return Math.ceil(100 / tail - 1e-9);
}

/**
 * The p-th percentile, linearly interpolated between the two nearest ranks (Hyndman & Fan type 7, numpy's and
 * R's default): the median of an even count is the mean of the two middle values. Throws `NotEnoughSamples`
 * when there are fewer samples than `samplesNeeded(p)`, and for non-finite samples.
 */
export function percentile(values: readonly number[], p: number): number {
  const need = samplesNeeded(p);
  if (values.length < need) throw new NotEnoughSamples(`p${p}`, values.length, need);
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError(`p${p} of samples that are not all finite`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(sorted.length - 1, below + 1);
  const lo = sorted[below] as number;
  const hi = sorted[above] as number;
  return lo + (hi - lo) * (rank - below);
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function nonEmpty(values: readonly number[], what: string): void {
  if (values.length === 0) throw new NotEnoughSamples(what, 0, 1);
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError(`${what} of samples that are not all finite`);
}

/** Builders of `Stat`s, so a figure never travels without its sample count. */
export const stat = {
  percentile: (values: readonly number[], p: number): Stat => ({
    value: percentile(values, p),
    samples: values.length,
  }),
  median: (values: readonly number[]): Stat => ({ value: median(values), samples: values.length }),
  mean(values: readonly number[]): Stat {
    nonEmpty(values, 'a mean');
    return { value: values.reduce((a, b) => a + b, 0) / values.length, samples: values.length };
  },
  max(values: readonly number[]): Stat {
    nonEmpty(values, 'a maximum');
    return { value: Math.max(...values), samples: values.length };
  },
  sum(values: readonly number[]): Stat {
    nonEmpty(values, 'a sum');
    return { value: values.reduce((a, b) => a + b, 0), samples: values.length };
  },
  /** One measurement, or a count: a figure that summarises nothing. */
  single: (value: number): Stat => ({ value, samples: 1 }),
  /** A value derived from other figures (a ratio, a growth): it counts the fewest samples of its inputs. */
  derived: (value: number, ...from: Stat[]): Stat => ({
    value,
    samples: Math.min(...from.map((s) => s.samples)),
  }),
};

/**
 * Pairs measured together where the second can be missing (an anchor that never saw a message): keeps the
 * complete pairs and counts the rest, so a dropped sample is reported instead of silently shortening a list.
 */
export function pairUp<A, B>(
  rows: readonly { ours: A; anchor: B | undefined }[],
): { ours: A[]; anchor: B[]; dropped: number } {
  const ours: A[] = [];
  const anchor: B[] = [];
  let dropped = 0;
  for (const row of rows) {
    ours.push(row.ours);
    if (row.anchor === undefined) dropped += 1;
    else anchor.push(row.anchor);
  }
  return { ours, anchor, dropped };
}
