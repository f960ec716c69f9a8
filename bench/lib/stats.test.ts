import { describe, expect, it } from 'vitest';
import { NotEnoughSamples, median, pairUp, percentile, samplesNeeded, stat } from './stats';

describe('percentiles', () => {
  it('interpolate between ranks: the median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(percentile([10, 20, 30, 40, 50], 25)).toBe(20);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90)).toBe(91);
  });

  it('give a p99 of 100 samples that is not simply their maximum', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(values, 99)).toBeCloseTo(99.01, 10);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
  });

  it('refuse a p99 of fewer than 100 samples, as the old nearest-rank p99 of 50 was their maximum', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => i);
    expect(() => percentile(fifty, 99)).toThrow(NotEnoughSamples);
    expect(() => percentile(fifty, 99)).toThrow(/p99 needs at least 100 samples, got 50/);
    expect(percentile(fifty, 95)).toBeCloseTo(46.55, 10);
    expect(() => median([])).toThrow(NotEnoughSamples);
  });

  it('name how many samples each percentile needs', () => {
    expect(samplesNeeded(50)).toBe(1);
    expect(samplesNeeded(90)).toBe(10);
    expect(samplesNeeded(95)).toBe(20);
    expect(samplesNeeded(99)).toBe(100);
    expect(samplesNeeded(99.9)).toBe(1000);
    expect(samplesNeeded(1)).toBe(100);
    expect(() => samplesNeeded(101)).toThrow(RangeError);
  });

  it('refuse samples that are not numbers rather than sort them somewhere', () => {
    expect(() => median([1, Number.NaN, 3])).toThrow(RangeError);
    expect(() => stat.mean([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('stats carry their sample count', () => {
  it('for medians, means, maxima and sums', () => {
    expect(stat.median([3, 1, 2])).toEqual({ value: 2, samples: 3 });
    expect(stat.mean([1, 2, 3, 6])).toEqual({ value: 3, samples: 4 });
    expect(stat.max([1, 9, 3])).toEqual({ value: 9, samples: 3 });
    expect(stat.sum([1, 2])).toEqual({ value: 3, samples: 2 });
    expect(stat.single(5)).toEqual({ value: 5, samples: 1 });
  });

  it('and a derived figure counts the fewest samples of what it comes from', () => {
    expect(stat.derived(2, { value: 1, samples: 200 }, { value: 2, samples: 40 })).toEqual({ value: 2, samples: 40 });
  });
});

describe('pairs with a missing anchor', () => {
  it('keep every measurement of ours and count the anchor samples that are missing', () => {
    const paired = pairUp([
      { ours: 50, anchor: 20 },
      { ours: 60, anchor: undefined },
      { ours: 55, anchor: 21 },
    ]);
    expect(paired).toEqual({ ours: [50, 60, 55], anchor: [20, 21], dropped: 1 });
  });
});
