import { describe, expect, it } from 'vitest';
import { loopDrift, mediaCorrection, targetTime } from './media-sync';

const at = (mediaTime: number, target: number, more: Partial<Parameters<typeof mediaCorrection>[0]> = {}) =>
  mediaCorrection({
    mediaTime,
    target,
    duration: 10,
    loop: true,
    frameS: 1 / 25,
    msSinceSeek: 5_000,
    seekLatencyS: 0.05,
    ...more,
  });

describe('video on the shared timeline', () => {
  it('says where a clip should be: a looping one wraps, another one stops at its end', () => {
    expect(targetTime(2_500, 10, true)).toBe(2.5);
    expect(targetTime(12_500, 10, true)).toBeCloseTo(2.5, 9);
    expect(targetTime(12_500, 10, false)).toBe(10);
    // Before the metadata is known, the elapsed time itself.
    expect(targetTime(1_000, Number.NaN, true)).toBe(1);
  });

  it('measures drift the short way round a loop', () => {
    expect(loopDrift(0.01, 9.99, 10, true)).toBeCloseTo(0.02, 9);
    expect(loopDrift(9.99, 0.01, 10, true)).toBeCloseTo(-0.02, 9);
    expect(loopDrift(0.01, 9.99, 10, false)).toBeCloseTo(-9.98, 9);
  });

  it('nudges the rate for drift within a frame, and leaves it at 1 inside the dead band', () => {
    expect(at(5.02, 5)).toEqual({ kind: 'rate', rate: expect.closeTo(0.98, 9) });
    expect(at(4.98, 5)).toEqual({ kind: 'rate', rate: expect.closeTo(1.02, 9) });
    expect(at(5.001, 5)).toEqual({ kind: 'rate', rate: 1 });
  });

  it('seeks ahead by the seek latency when more than a frame off, but not while a seek settles', () => {
    expect(at(5.2, 5)).toEqual({ kind: 'seek', to: expect.closeTo(5.05, 9) });
    expect(at(5.2, 5, { msSinceSeek: 200 })).toEqual({ kind: 'rate', rate: 0.95 });
    // Across the loop's end the seek wraps.
    expect(at(9.5, 9.98)).toEqual({ kind: 'seek', to: expect.closeTo(0.03, 9) });
  });
});
