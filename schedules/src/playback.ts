import { type LoopItem, type Manifest, OVERLAYS_CUE } from '@baruga/protocol';
import { type PlaylistAt, playlistAt } from './manifest-schedule';

/**
 * Where a zone is in its playlist at an instant: a pure function of its items' durations, the instant its cycle
 * began and the instant asked about (STYLE.md, "Time is an input"). Never of when a player booted or when it last
 * switched, so every tile of a wall, the controller's preview and a player agree.
 */

/** A zone's cycle: item `index` began at `start` (ms since the epoch, controller clock); the rest follow in order. */
export interface Cycle {
  start: number;
  index: number;
}

/** One showing of one item: the item and the instant it begins. */
export interface Showing {
  index: number;
  at: number;
}

export interface Position {
  /** The item on screen. */
  index: number;
  /** How far into it, in ms. */
  offsetMs: number;
  /** When this showing of it began. */
  startedAt: number;
  /** When the next item is due. */
  dueAt: number;
  /** The next item. */
  nextIndex: number;
}

/** Below this a showing "begins now": instants in ms may carry fractions from the clock estimate. */
const EPSILON_MS = 0.001;

const mod = (a: number, n: number) => ((a % n) + n) % n;

/** The item playing at `instant`; null for a zone without items (or whose items all last nothing). */
export function positionAt(durations: readonly number[], cycle: Cycle, instant: number): Position | null {
  const count = durations.length;
  const pass = durations.reduce((sum, d) => sum + Math.max(0, d), 0);
  if (count === 0 || !(pass > 0)) return null;
  const first = mod(Math.trunc(cycle.index), count);
  // Before `start` the cycle runs backwards in the same order: an instant a little before a cue (a clock estimate
  // a few ms behind) gets the item that ends at the cue, as every other player does.
  // Boundaries are whole multiples from `start`, so every caller computes the very same instants for them,
  // whatever the fraction of its `instant`.
  let passStart = cycle.start + Math.floor((instant - cycle.start) / pass) * pass;
  if (passStart > instant) passStart -= pass;
  else if (instant - passStart >= pass) passStart += pass;
  const phase = instant - passStart;
  let elapsed = 0;
  for (let k = 0; k < count; k++) {
    const index = (first + k) % count;
    const duration = Math.max(0, durations[index] ?? 0);
    if (phase < elapsed + duration) {
      const startedAt = passStart + elapsed;
      return {
        index,
        offsetMs: phase - elapsed,
        startedAt,
        dueAt: startedAt + duration,
        nextIndex: (index + 1) % count,
      };
    }
    elapsed += duration;
  }
  // Only rounding gets here (phase within a hair of the pass): the pass is over, its first item begins.
  return {
    index: first,
    offsetMs: 0,
    startedAt: passStart + pass,
    dueAt: passStart + pass + (durations[first] ?? 0),
    nextIndex: (first + 1) % count,
  };
}

/**
 * The showing after `after`: the one that begins when it ends or, when that instant has already passed at `now`
 * (a zone that fell behind: a slow download, a failed item), the first one that begins after `now`. So a late
 * zone catches up at the next boundary, on the same grid as everyone else.
 */
export function showingAfter(durations: readonly number[], cycle: Cycle, after: Showing, now: number): Showing | null {
  const end = after.at + Math.max(0, durations[after.index] ?? 0);
  const from = end > now ? end : now;
  const p = positionAt(durations, cycle, from);
  if (!p) return null;
  return p.offsetMs < EPSILON_MS ? { index: p.index, at: p.startedAt } : { index: p.nextIndex, at: p.dueAt };
}

/** A zone's cycle: from its segment's start, or from its cue when the cue is later (a publish changed the zone). */
export function cycleOf(since: number, cue: { at: number; index: number } | undefined): Cycle {
  const start = Number.isFinite(since) ? since : 0;
  return cue && cue.at > start ? { start: cue.at, index: cue.index } : { start, index: 0 };
}

/** The cue of one zone in a manifest, its instant parsed. */
export function cueOf(manifest: Manifest, programme: string, zone: string): { at: number; index: number } | undefined {
  const cue = manifest.cues.find((c) => c.programme === programme && c.zone === zone);
  return cue ? { at: Date.parse(cue.at), index: cue.index } : undefined;
}

/** Overlays play above every schedule: their cycles count from the epoch (or their cue), not from a segment. */
export const OVERLAY_SINCE = 0;

/** The zone a playlist fills when it plays full screen. */
export const MAIN_ZONE = 'main';

/** What one zone shows at an instant. */
export interface ZoneOnScreen {
  /** The playlist or layout id (`default` for the loop), or {@link OVERLAYS_CUE} for an overlay zone. */
  programme: string;
  zone: string;
  cycle: Cycle;
  /** Null when the zone has nothing to play. */
  position: Position | null;
  itemId: string | null;
}

const durationsOf = (items: readonly LoopItem[]) => items.map((i) => i.durationMs);

function zoneOnScreen(
  manifest: Manifest,
  programme: string,
  zone: string,
  items: readonly LoopItem[],
  since: number,
  instant: number,
): ZoneOnScreen {
  const cycle = cycleOf(since, cueOf(manifest, programme, zone));
  const position = positionAt(durationsOf(items), cycle, instant);
  return { programme, zone, cycle, position, itemId: position ? (items[position.index]?.id ?? null) : null };
}

/** What a screen shows at an instant: the schedule's answer, and every zone with where it is. */
export interface ScreenOnScreen {
  playlist: PlaylistAt;
  /** The scheduled playlist's one zone (`main`) or the layout's zones, then the overlays. */
  zones: ZoneOnScreen[];
}

/**
 * Every zone a manifest's screen shows at `instant` and where each is in its items: the scheduled playlist or
 * layout (from `playlistAt`), then the overlays. What a player puts on screen (items it cannot play aside), and
 * what the controller can show as "on screen now", from the same code.
 */
export function onScreenAt(manifest: Manifest, instant: number): ScreenOnScreen {
  const playlist = playlistAt(manifest, instant);
  const layout = manifest.layouts[playlist.playlistId];
  const scheduled = layout
    ? layout.zones.map((z) => zoneOnScreen(manifest, playlist.playlistId, z.id, z.items, playlist.since, instant))
    : [zoneOnScreen(manifest, playlist.playlistId, MAIN_ZONE, playlist.items, playlist.since, instant)];
  const overlays = manifest.overlays.map((z) =>
    zoneOnScreen(manifest, OVERLAYS_CUE, z.id, z.items, OVERLAY_SINCE, instant),
  );
  return { playlist, zones: [...scheduled, ...overlays] };
}
