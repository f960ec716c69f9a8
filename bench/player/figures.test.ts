import { describe, expect, it } from 'vitest';
import { outcome } from '../lib/result';
import { type PlayerRuns, playerFigures } from './figures';

const gaps = (n: number, ms: number) => Array.from({ length: n }, (_, i) => ms + (i % 10));

function runs(over: Partial<PlayerRuns['blank']> = {}): PlayerRuns {
  return {
    blank: {
      transitions: 1000,
      frames: 700,
      blankFrames: 0,
      zoneFrames: 8400,
      blankZoneFrames: 0,
      switchGaps: gaps(990, 30),
      ...over,
    },
    soak: {
      transitions: 20_000,
      warm: { heap: 5 * 2 ** 20, rss: 460 },
      end: { heap: 5.05 * 2 ** 20, rss: 455.4 },
    },
    ticker: { frames: 600, dropped: 3, steps: 590, uneven: 5 },
  };
}

describe('player figures', () => {
  it('grade a naive player that is blank in every frame by its blank zone-frames, which do not saturate', () => {
    const naive = runs({ blankFrames: 700, blankZoneFrames: 2100, switchGaps: gaps(900, 200) });
    const r = outcome({ anchor: 'naive', notes: '', figures: playerFigures(runs(), naive) });
    expect(r.figures.blank_frames_per_1000).toBe(0);
    expect(r.anchor.figures.blank_frames_per_1000).toBe(700);
    expect(r.anchor.figures.blank_zone_frames_pct).toBe(25);
    expect(r.samples?.blank_zone_frames_pct).toBe(8400);
  });

  it('time switches against one frame at 60 Hz, with interpolated percentiles over every switch', () => {
    const naive = runs({ switchGaps: gaps(900, 200) });
    const r = outcome({ anchor: 'naive', notes: '', figures: playerFigures(runs(), naive) });
    expect(r.figures.switch_gap_p50_ms).toBe(34.5);
    expect(r.figures.switch_gap_p99_ms).toBe(39);
    expect(r.anchor.figures.switch_gap_p50_ms).toBe(204.5);
    expect(r.samples?.switch_gap_p99_ms).toBe(990);
    expect(r.anchor.samples?.switch_gap_p99_ms).toBe(900);
    expect(r.limits?.switch_gap_p50_ms).toEqual({ value: 16.7, what: 'one frame at 60 Hz' });
  });

  it('refuse a p99 of switch gaps when the probe saw too few switches', () => {
    expect(() => playerFigures(runs({ switchGaps: gaps(60, 30) }), runs())).toThrow(/p99 needs at least 100/);
  });

  it('report memory growth from the warm-up to the end, and ticker shares of the frames seen', () => {
    const r = outcome({ anchor: 'naive', notes: '', figures: playerFigures(runs(), runs()) });
    expect(r.figures.heap_growth_pct).toBe(1);
    expect(r.figures.rss_growth_pct).toBe(-1);
    expect(r.figures.ticker_dropped_frames_pct).toBe(0.5);
    expect(r.figures.ticker_uneven_steps_pct).toBe(0.8);
    expect(r.samples?.ticker_dropped_frames_pct).toBe(600);
    expect(r.figures.soak_transitions).toBe(20_000);
  });
});
