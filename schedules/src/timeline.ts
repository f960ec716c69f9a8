import { DEFAULT_PLAYLIST_ID, type HiddenEvent, type ScheduleWarning, type SegmentSource } from '@baruga/protocol';
import { type SlotSeg, type SlotTrack, interruptSource, planSlots, slotLayer } from './interrupts';
import { overlaps } from './intervals';
import type { ScreenSchedule } from './schedule';
import { sweep } from './sweep';
import { type Track, Warnings, hiddenAs } from './tracks';
import { HOUR_MS, localDayBounds } from './zoned-time';

/** One stretch of a screen's timeline: which playlist plays, where it comes from, and what it hides. */
export interface Segment {
  start: number;
  end: number;
  playlistId: string;
  source: SegmentSource;
  hides: readonly HiddenEvent[];
}

export interface Timeline {
  screenId: string;
  timezone: string;
  from: number;
  to: number;
  /** Cover [from, to) exactly, in order, without gaps or overlaps. */
  segments: Segment[];
  warnings: ScheduleWarning[];
}

/** What plays at one instant; `since`/`until` bound the run of this same source (within the local day). */
export interface Resolution extends Segment {
  at: number;
  since: number;
  until: number;
  explanation: string;
}

const DEFAULT_SOURCE: SegmentSource = { kind: 'default' };
const NOTHING_HIDDEN: readonly HiddenEvent[] = [];
const NO_TRACKS: Track[] = [];

interface NormalSeg {
  end: number;
  /** Active tracks in priority order (events, and interrupts while their event is on). */
  active: Track[];
  winner: Track | null;
  /** Built once per stretch and shared by its segments. */
  hides: readonly HiddenEvent[] | null;
  hidesUnder: Map<SlotTrack, readonly HiddenEvent[]> | null;
}

/** The segments of [from, to) for a screen; `timeline` and `resolve` both come here. */
export function computeSegments(
  ss: ScreenSchedule,
  from: number,
  to: number,
): { segments: Segment[]; warnings: ScheduleWarning[] } {
  const warnings = new Warnings();
  for (const p of ss.problems) warnings.addStatic(p);
  if (!(to > from)) return { segments: [], warnings: warnings.list() };
  const zone = ss.screen.timezone;
  // Whole hours around the range, and the hour before: interrupt slots are planned per clock hour.
  const w0 = Math.floor(from / HOUR_MS) * HOUR_MS - HOUR_MS;
  const w1 = Math.ceil(to / HOUR_MS) * HOUR_MS;

  // In priority order, highest first: the first active track wins.
  const all: Track[] = [];
  const interrupts: Track[] = [];
  for (const ce of ss.schedule.relevant(ss.screen)) {
    for (const p of ce.problems) warnings.addStatic(p);
    if (!ce.playable) continue;
    const iv = ss.schedule.active(ce, ce.zone ?? zone, w0, w1);
    if (iv.length === 0) continue;
    const track: Track = {
      ce,
      iv,
      activeInRange: overlaps(iv, from, to),
      hidden: { priority: null, tie: null, interrupted: null },
      source: null,
      played: false,
      hiddenBy: null,
      tiedWith: null,
      tieChecked: null,
    };
    all.push(track);
    if (ce.interrupt) interrupts.push(track);
  }

  // 1. Scheduled events, and interrupts' windows: who is on, in priority order.
  const normalSegs: NormalSeg[] = [];
  sweep(
    all.map((t) => t.iv),
    from,
    to,
    (_start, end, active) => {
      if (active.length === 0) {
        normalSegs.push({ end, active: NO_TRACKS, winner: null, hides: null, hidesUnder: null });
        return;
      }
      // One pass: the active tracks in priority order, the first scheduled event among them (the winner), and
      // for the ones after it, what hides them and whether it is a tie.
      const tracks: Track[] = new Array<Track>(active.length);
      let winner: Track | null = null;
      let before = 0;
      for (let k = 0; k < active.length; k++) {
        const t = all[active[k] as number] as Track;
        tracks[k] = t;
        if (winner) {
          t.hiddenBy ??= winner;
          if (t.tieChecked !== winner && !t.ce.interrupt && t.ce.priority === winner.ce.priority) {
            t.tieChecked = winner;
            tie(warnings, winner, t);
          }
        } else if (!t.ce.interrupt) {
          winner = t;
          before = k;
        }
      }
      // Interrupts above the winner are held back by nothing, but name it if they never play.
      if (winner) for (let k = 0; k < before; k++) (tracks[k] as Track).hiddenBy ??= winner;
      normalSegs.push({ end, active: tracks, winner, hides: null, hidesUnder: null });
    },
  );

  // 2. Interrupt slots: which interrupt holds the screen, hour by hour.
  const slotTracks = planSlots(interrupts, w0, w1, warnings);
  const slotSegs = slotLayer(slotTracks, from, to);

  // 3. Both together: an interrupt slot plays unless a scheduled event of higher priority is on.
  const segments: Segment[] = [];
  let lastNs: NormalSeg | null = null;
  let lastSt: SlotTrack | null = null;
  let lastSlot = -2;
  let ni = 0;
  let si = 0;
  let at = from;
  while (at < to && ni < normalSegs.length && si < slotSegs.length) {
    const ns = normalSegs[ni] as NormalSeg;
    const sl = slotSegs[si] as SlotSeg;
    const end = Math.min(ns.end, sl.end);
    const interrupting = sl.st !== null && (ns.winner === null || sl.st.track.ce.priority >= ns.winner.ce.priority);
    const st = interrupting ? sl.st : null;
    const slot = interrupting ? sl.slot : -1;
    if (lastNs === ns && lastSt === st && lastSlot === slot) {
      (segments[segments.length - 1] as Segment).end = end;
    } else {
      segments.push(buildSegment(at, end, ns, st, slot));
      lastNs = ns;
      lastSt = st;
      lastSlot = slot;
    }
    at = end;
    if (ns.end === end) ni++;
    if (sl.end === end) si++;
  }

  for (const t of all) {
    if (t.activeInRange && !t.played) {
      const by = t.hiddenBy ? ` by "${t.hiddenBy.ce.name}"` : '';
      warnings.add({
        code: 'hidden-throughout',
        message: `"${t.ce.name}" is on in this range but hidden throughout${by}`,
        eventIds: [t.ce.id],
      });
    }
  }
  return { segments, warnings: warnings.list() };
}

/** Two events on together at the same priority: warned once per pair. */
function tie(warnings: Warnings, first: Track, other: Track): void {
  const seen = (first.tiedWith ??= new Set());
  if (seen.has(other)) return;
  seen.add(other);
  warnings.add({
    code: 'same-priority-overlap',
    message: `"${first.ce.name}" and "${other.ce.name}" overlap at priority ${first.ce.priority}; "${first.ce.name}" plays (id order). Give one a higher priority.`,
    eventIds: [first.ce.id, other.ce.id],
  });
}

/** What a segment hides: the events on beside what plays. Built when first asked for, once per layer and slot. */
function hidesOf(ns: NormalSeg, st: SlotTrack | null): readonly HiddenEvent[] {
  if (st) {
    const over = st.track;
    let hides = ns.hidesUnder?.get(st);
    if (!hides) {
      const list: HiddenEvent[] = [];
      for (const t of ns.active) {
        if (t === over) continue;
        if (!t.ce.interrupt) list.push(hiddenAs(t, 'interrupted'));
        else list.push(hiddenAs(t, t.ce.priority < over.ce.priority ? 'priority' : 'tie'));
      }
      hides = list.length > 0 ? list : NOTHING_HIDDEN;
      (ns.hidesUnder ??= new Map()).set(st, hides);
    }
    return hides;
  }
  const winner = ns.winner;
  if (!winner) return NOTHING_HIDDEN;
  if (!ns.hides) {
    const list: HiddenEvent[] = [];
    for (const t of ns.active) {
      if (t === winner) continue;
      // An interrupt between its slots hides nothing and is not hidden; below the winner's priority it is.
      if (t.ce.interrupt && t.ce.priority >= winner.ce.priority) continue;
      list.push(hiddenAs(t, t.ce.priority < winner.ce.priority ? 'priority' : 'tie'));
    }
    ns.hides = list.length > 0 ? list : NOTHING_HIDDEN;
  }
  return ns.hides;
}

/**
 * A segment whose `hides` list is built only when read: a preview reads it for every segment, a batch of a
 * thousand timelines mostly does not, and building them all was a fifth of the work.
 */
class TimelineSegment implements Segment {
  readonly #layer: NormalSeg;
  readonly #slot: SlotTrack | null;
  constructor(
    public start: number,
    public end: number,
    readonly playlistId: string,
    readonly source: SegmentSource,
    layer: NormalSeg,
    slot: SlotTrack | null,
  ) {
    this.#layer = layer;
    this.#slot = slot;
  }
  get hides(): readonly HiddenEvent[] {
    return hidesOf(this.#layer, this.#slot);
  }
  toJSON(): Segment {
    const { start, end, playlistId, source, hides } = this;
    return { start, end, playlistId, source, hides };
  }
}

function buildSegment(start: number, end: number, ns: NormalSeg, st: SlotTrack | null, slot: number): Segment {
  if (st) {
    st.track.played = true;
    return new TimelineSegment(start, end, st.track.ce.playlistId, interruptSource(st, slot), ns, st);
  }
  const winner = ns.winner;
  if (!winner) return new TimelineSegment(start, end, DEFAULT_PLAYLIST_ID, DEFAULT_SOURCE, ns, null);
  winner.played = true;
  winner.source ??= { kind: 'event', eventId: winner.ce.id, name: winner.ce.name, priority: winner.ce.priority };
  return new TimelineSegment(start, end, winner.ce.playlistId, winner.source, ns, null);
}

function describe(h: HiddenEvent): string {
  const what = h.kind === 'interrupt' ? 'interrupt ' : '';
  const why = h.reason === 'tie' ? `priority ${h.priority}, same priority, later by id` : `priority ${h.priority}`;
  return `${what}"${h.name}" (${why})`;
}

/** A sentence a person can act on: "Event "Budget" (priority 5) plays; it hides "Morning loop" (priority 1)." */
export function explain(segment: Segment): string {
  const s = segment.source;
  const hides = segment.hides.length > 0 ? `; it hides ${segment.hides.map(describe).join(', ')}` : '';
  switch (s.kind) {
    case 'default':
      return 'Nothing is scheduled: the default loop plays.';
    case 'event':
      return `Event "${s.name}" (priority ${s.priority}) plays${hides}.`;
    case 'interrupt':
      return `Interrupt "${s.name}" (priority ${s.priority}) plays, slot ${s.slot + 1} of ${s.slotsPerHour} this hour${hides}.`;
  }
}

/** The timeline of a screen over [from, to): segments that cover it exactly, and what an operator should know. */
export function timeline(screen: ScreenSchedule, from: number, to: number): Timeline {
  const { segments, warnings } = computeSegments(screen, from, to);
  return { screenId: screen.screen.id, timezone: screen.screen.timezone, from, to, segments, warnings };
}

const sameSource = (a: SegmentSource, b: SegmentSource) =>
  a.kind === b.kind &&
  (a.kind === 'default' ||
    (b.kind !== 'default' &&
      a.eventId === b.eventId &&
      (a.kind !== 'interrupt' || (b.kind === 'interrupt' && a.slot === b.slot))));

/**
 * What plays on a screen at an instant, and why. Computed over the screen's local day, so any caller at any
 * time gets the same answer for the same instant (and repeated calls within a day cost a lookup).
 */
export function resolve(screen: ScreenSchedule, instant: number): Resolution {
  const version = screen.schedule.version;
  let cache = screen.dayCache;
  if (!cache || cache.version !== version || instant < cache.start || instant >= cache.end) {
    const day = localDayBounds(screen.screen.timezone, instant);
    cache = { version, start: day.start, end: day.end, value: computeSegments(screen, day.start, day.end).segments };
    screen.dayCache = cache;
  }
  const segments = cache.value as Segment[];
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as Segment).start <= instant) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo] as Segment;
  let first = lo;
  while (first > 0 && sameSource((segments[first - 1] as Segment).source, seg.source)) first--;
  let lastIdx = lo;
  while (lastIdx + 1 < segments.length && sameSource((segments[lastIdx + 1] as Segment).source, seg.source)) lastIdx++;
  return {
    start: seg.start,
    end: seg.end,
    playlistId: seg.playlistId,
    source: seg.source,
    hides: seg.hides,
    at: instant,
    since: (segments[first] as Segment).start,
    until: (segments[lastIdx] as Segment).end,
    explanation: explain(seg),
  };
}
