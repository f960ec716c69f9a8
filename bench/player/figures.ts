import { type Figure, type Stat, figure, stat } from '../lib/result';

/** One player's three runs, as measured (see index.ts). */
export interface PlayerRuns {
  blank: {
    /** Items the player put on screen, by its own count, during the judged run. */
    transitions: number;
    /** From the frame probe: frames with any blank zone, zone-frames judged and blank, switch gaps (ms). */
    frames: number;
    blankFrames: number;
    zoneFrames: number;
    blankZoneFrames: number;
    switchGaps: number[];
  };
  soak: {
    transitions: number;
    /** JS heap after forced GC (bytes) and renderer RSS (MiB), at the end of the warm-up and at the end. */
    warm: { heap: number; rss: number };
    end: { heap: number; rss: number };
  };
  ticker: { frames: number; dropped: number; steps: number; uneven: number };
}

export const FRAME_60HZ_MS = 1000 / 60;

const growth = (from: number, to: number) => ((to - from) / from) * 100;
const pct = (part: number, whole: number, samples: number): Stat => ({
  value: whole > 0 ? (part / whole) * 100 : 0,
  samples,
});

/** One player's figures; the benchmark sets Baruga's beside the naive player's under the same keys. */
function figuresOf(r: PlayerRuns): Record<string, Stat> {
  return {
    blank_frames_per_1000: { value: (r.blank.blankFrames / r.blank.transitions) * 1000, samples: r.blank.transitions },
    blank_zone_frames_pct: pct(r.blank.blankZoneFrames, r.blank.zoneFrames, r.blank.zoneFrames),
    switch_gap_p50_ms: stat.percentile(r.blank.switchGaps, 50),
    switch_gap_p99_ms: stat.percentile(r.blank.switchGaps, 99),
    heap_growth_pct: stat.single(growth(r.soak.warm.heap, r.soak.end.heap)),
    rss_growth_pct: stat.single(growth(r.soak.warm.rss, r.soak.end.rss)),
    ticker_dropped_frames_pct: pct(r.ticker.dropped, r.ticker.frames, r.ticker.frames),
    ticker_uneven_steps_pct: pct(r.ticker.uneven, r.ticker.steps, r.ticker.steps),
    soak_transitions: stat.single(r.soak.transitions),
    heap_end_mib: stat.single(r.soak.end.heap / 2 ** 20),
    rss_end_mib: stat.single(r.soak.end.rss),
  };
}

const UNITS: Record<string, [unit: string, digits: number]> = {
  blank_frames_per_1000: ['frames', 1],
  blank_zone_frames_pct: ['%', 2],
  switch_gap_p50_ms: ['ms', 1],
  switch_gap_p99_ms: ['ms', 1],
  heap_growth_pct: ['%', 1],
  rss_growth_pct: ['%', 1],
  ticker_dropped_frames_pct: ['%', 2],
  ticker_uneven_steps_pct: ['%', 1],
  soak_transitions: ['transitions', 0],
  heap_end_mib: ['MiB', 1],
  rss_end_mib: ['MiB', 0],
};

const CAVEATS: Record<string, string> = {
  blank_frames_per_1000:
    'a frame is blank if any of 12 zones is; the naive player is blank in nearly every frame, so its figure saturates: read blank_zone_frames_pct',
  blank_zone_frames_pct: 'zone-frames judged blank by the frame probe, the same probe on both players',
  switch_gap_p50_ms: 'last frame of the old item to first frame of the new; headless software GL paints below 60 Hz',
  switch_gap_p99_ms: 'as switch_gap_p50_ms; interpolated over every switch the probe saw',
  heap_growth_pct: 'one soak each, the same length, no probe on either; from the end of a warm-up (a tenth) to the end',
  rss_growth_pct: 'as heap_growth_pct; summed RSS of all renderer processes',
  ticker_dropped_frames_pct: 'frames missed against 60 Hz over 10 s',
};

/** Baruga's figures with the naive player's as the anchor, and one frame at 60 Hz as the switch limit. */
export function playerFigures(baruga: PlayerRuns, naive: PlayerRuns): Record<string, Figure> {
  const ours = figuresOf(baruga);
  const theirs = figuresOf(naive);
  const limit = { value: FRAME_60HZ_MS, what: 'one frame at 60 Hz' };
  const out: Record<string, Figure> = {};
  for (const [key, s] of Object.entries(ours)) {
    const [unit, digits] = UNITS[key] ?? ['', 1];
    out[key] = figure(s, unit, {
      digits,
      anchor: theirs[key],
      ...(key.startsWith('switch_gap') ? { limit } : {}),
      ...(CAVEATS[key] ? { caveat: CAVEATS[key] } : {}),
    });
  }
  return out;
}
