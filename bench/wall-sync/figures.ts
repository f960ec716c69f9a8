/**
 * The arithmetic of the wall-sync benchmark, apart from the browsers so it can be tested: matching each tile's
 * record of a transition with the other tiles' records of the same one, the skew between tiles, and which video
 * frame each tile shows at the same true instant.
 */

/** One tile saw `item` appear in `zone` at true time `t` (ms since the epoch: the machine's own clock). */
export interface TransitionRecord {
  zone: string;
  item: string | null;
  t: number;
}

/** One presented video frame: its true display time and its media time (s). */
export interface VideoFrameRecord {
  t: number;
  media: number;
}

export interface Matched {
  /** max − min of the tiles' presentation instants, ms. */
  skews: number[];
  /** For each skew, the earliest and latest of the tiles' presentation instants. */
  spans: { from: number; to: number }[];
  /** Transitions one or more tiles did not record (a dropped frame, a tile that started late): left out. */
  unmatched: number;
}

/**
 * Matches transitions across tiles. The first tile's records are the reference; for each, every other tile's record
 * of the same item in the same zone nearest in time, within `windowMs`, is the same transition (a zone's items
 * repeat once per cycle, so the window must be under half a cycle, and over the worst clock error). Transitions in
 * the first and last `marginMs` of the window are left out: a tile may have started or stopped around them.
 */
export function matchTransitions(
  tiles: readonly (readonly TransitionRecord[])[],
  options: { windowMs: number; from: number; to: number },
): Matched {
  const [reference, ...others] = tiles;
  if (!reference) return { skews: [], spans: [], unmatched: 0 };
  const index = others.map((records) => {
    const byKey = new Map<string, number[]>();
    for (const r of records) {
      const key = `${r.zone}\u0000${r.item}`;
      const list = byKey.get(key) ?? [];
      list.push(r.t);
      byKey.set(key, list);
    }
    return byKey;
  });
  const skews: number[] = [];
  const spans: { from: number; to: number }[] = [];
  let unmatched = 0;
  for (const r of reference) {
    if (r.item === null || r.t < options.from || r.t > options.to) continue;
    const key = `${r.zone}\u0000${r.item}`;
    const times = [r.t];
    for (const byKey of index) {
      let best: number | null = null;
      for (const t of byKey.get(key) ?? []) {
        if (Math.abs(t - r.t) <= options.windowMs && (best === null || Math.abs(t - r.t) < Math.abs(best - r.t))) {
          best = t;
        }
      }
      if (best !== null) times.push(best);
    }
    if (times.length === tiles.length) {
      const from = Math.min(...times);
      const to = Math.max(...times);
      skews.push(to - from);
      spans.push({ from, to });
    } else unmatched += 1;
  }
  return { skews, spans, unmatched };
}

/** A gap in a tile's frames: the true times of the frames either side of one or more missed 60 Hz slots. */
export interface FrameGap {
  from: number;
  to: number;
}

/**
 * Which matched transitions some tile may have presented late because it missed frames: for each transition, the
 * tiles with a gap in their frames that overlaps the transition's window, from `leadMs` before the earliest tile's
 * presentation to the latest's. A tile that skipped the frame its clock chose presents the change at its next frame,
 * which is skew from the CPU, not the clock; the transitions no tile missed a frame around show the clock alone.
 */
export function starvedTransitions(
  spans: readonly { from: number; to: number }[],
  tileGaps: readonly (readonly FrameGap[])[],
  leadMs: number,
): { starved: boolean[]; perTile: number[] } {
  const perTile = tileGaps.map(() => 0);
  const starved = spans.map((span) => {
    let any = false;
    tileGaps.forEach((gaps, i) => {
      if (gaps.some((g) => g.to > span.from - leadMs && g.from < span.to)) {
        any = true;
        perTile[i] = (perTile[i] ?? 0) + 1;
      }
    });
    return any;
  });
  return { starved, perTile };
}

/** The frame a tile shows at true instant `t`: the last frame displayed at or before it; null before its first. */
export function frameAt(frames: readonly VideoFrameRecord[], t: number, fps: number): number | null {
  let lo = 0;
  let hi = frames.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((frames[mid]?.t ?? Infinity) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const frame = frames[found];
  return frame ? Math.round(frame.media * fps) : null;
}

/**
 * At every `stepMs` from `from` to `to`, how many frames apart the tiles are (the highest frame number shown minus
 * the lowest), counting a looping clip's frames the short way round its `loopFrames`.
 */
export function frameOffsets(
  tiles: readonly (readonly VideoFrameRecord[])[],
  options: { from: number; to: number; stepMs: number; fps: number; loopFrames: number },
): { offsets: number[]; missing: number } {
  const sorted = tiles.map((frames) => [...frames].sort((a, b) => a.t - b.t));
  const offsets: number[] = [];
  let missing = 0;
  for (let t = options.from; t <= options.to; t += options.stepMs) {
    const shown = sorted.map((frames) => frameAt(frames, t, options.fps));
    if (shown.some((f) => f === null)) {
      missing += 1;
      continue;
    }
    const base = shown[0] as number;
    // Relative to the first tile, the short way round the loop: a tile just past the loop's end is a frame ahead.
    const rel = shown.map((f) => {
      const d = (f as number) - base;
      return d - Math.round(d / options.loopFrames) * options.loopFrames;
    });
    offsets.push(Math.max(...rel) - Math.min(...rel));
  }
  return { offsets, missing };
}
