import { describe, expect, it } from 'vitest';
import { frameAt, frameOffsets, matchTransitions } from './figures';

describe('wall-sync figures', () => {
  it('matches each transition across tiles and measures the spread of their presentation instants', () => {
    const at = (t: number, item: string) => ({ zone: 'a', item, t });
    const tiles = [
      [at(1000, 'x'), at(2000, 'y'), at(3000, 'x')],
      [at(1016.7, 'x'), at(2000, 'y'), at(3000, 'x')],
      // Tile 3 missed the second transition (it had not started yet, say).
      [at(1000, 'x'), at(3016.7, 'x')],
    ];
    const matched = matchTransitions(tiles, { windowMs: 500, from: 0, to: 10_000 });
    expect(matched.skews.map((s) => Math.round(s * 10) / 10)).toEqual([16.7, 16.7]);
    expect(matched.unmatched).toBe(1);
    // A record too far away to be the same showing is not matched to it.
    expect(matchTransitions([[at(1000, 'x')], [at(1600, 'x')]], { windowMs: 500, from: 0, to: 5000 })).toEqual({
      skews: [],
      unmatched: 1,
    });
  });

  it('reads the frame each tile shows at an instant, and the spread between tiles, the short way round a loop', () => {
    const frames = (start: number, media0: number) =>
      Array.from({ length: 50 }, (_, i) => ({ t: start + i * 40, media: (media0 + i * 0.04) % 2 }));
    expect(frameAt(frames(0, 0), 85, 25)).toBe(2);
    expect(frameAt(frames(100, 0), 50, 25)).toBeNull();
    // Tile B is one frame behind, also while A has wrapped round the 2 s (50-frame) loop and B has not yet.
    const a = frames(0, 1.2);
    const b = frames(0, 1.16);
    const c = frames(0, 1.2);
    const result = frameOffsets([a, b, c], { from: 0, to: 1900, stepMs: 100, fps: 25, loopFrames: 50 });
    expect(new Set(result.offsets)).toEqual(new Set([1]));
    expect(result.missing).toBe(0);
  });
});
