import { describe, expect, it } from 'vitest';
import { frameAt, frameOffsets, matchTransitions, starvedTransitions } from './figures';

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
      spans: [],
      unmatched: 1,
    });
  });

  it('tells the transitions a tile missed frames around from those every tile drew on time', () => {
    const spans = [
      { from: 1000, to: 1016.7 },
      { from: 2000, to: 2000 },
      { from: 3000, to: 3000 },
    ];
    const gaps = [
      // Tile 1 skipped the slot at 1000: it drew 983.3 and then 1016.7, so it showed the change a frame late.
      [{ from: 983.3, to: 1016.7 }],
      // Tile 2 skipped a slot well before the second transition's window, and one just after the third.
      [
        { from: 1900, to: 1933.4 },
        { from: 3016.7, to: 3050 },
      ],
      [],
    ];
    const result = starvedTransitions(spans, gaps, 50);
    expect(result.starved).toEqual([true, false, false]);
    expect(result.perTile).toEqual([1, 0, 0]);
    // A gap ending inside the lead before the earliest presentation counts: that frame could have been the one.
    expect(starvedTransitions([{ from: 2000, to: 2000 }], [[{ from: 1950, to: 1983.4 }]], 50).starved).toEqual([true]);
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
