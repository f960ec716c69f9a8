import { DEFAULT_PLAYLIST_ID, type HiddenEvent, type ScheduleWarning, type SegmentSource } from '@baruga/protocol';
import type { CompiledEvent } from './event';
import { overlaps } from './intervals';
import type { ScreenSchedule } from './schedule';
import { sweep } from './sweep';
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

interface Track {
  ce: CompiledEvent;
  /** Active instants (for an interrupt: while its event is on, not just its slots). */
  iv: number[];
  activeInRange: boolean;
  hidden: Partial<Record<HiddenEvent['reason'], HiddenEvent>>;
  source: SegmentSource | null;
  /** Whether it played anywhere in [from, to), and what first hid it (for "hidden throughout"). */
  played: boolean;
  hiddenBy: Track | null;
}

interface SlotTrack {
  track: Track;
  /** Slot intervals and, in parallel, each one's number within its hour. */
  iv: number[];
  slot: number[];
  cursor: number;
  sources: SegmentSource[];
}

const DEFAULT_SOURCE: SegmentSource = { kind: 'default' };
const NOTHING_HIDDEN: readonly HiddenEvent[] = [];

function hiddenAs(t: Track, reason: HiddenEvent['reason']): HiddenEvent {
  return (t.hidden[reason] ??= {
    eventId: t.ce.id,
    name: t.ce.name,
    priority: t.ce.priority,
    kind: t.ce.interrupt ? 'interrupt' : 'event',
    reason,
  });
}

class Warnings {
  private readonly same = new Set<ScheduleWarning>();
  private readonly seen = new Map<string, ScheduleWarning>();
  /** An event's own problems are the same objects for every screen: those dedupe by identity, cheaply. */
  addStatic(w: ScheduleWarning): void {
    this.same.add(w);
  }
  add(w: ScheduleWarning): void {
    const key = `${w.code}|${w.eventIds.join(',')}`;
    if (!this.seen.has(key)) this.seen.set(key, w);
  }
  list(): ScheduleWarning[] {
    const out = [...this.same];
    for (const w of this.seen.values()) out.push(w);
    return out;
  }
}

/**
 * The interrupt slots of each hour: the interrupts active in that hour, in priority order, each spread evenly
 * over the hour, and each offset by the slots of those before it so they take turns rather than collide.
 */
function planSlots(interrupts: Track[], w0: number, w1: number, warnings: Warnings): SlotTrack[] {
  const out: SlotTrack[] = interrupts.map((track) => ({ track, iv: [], slot: [], cursor: 0, sources: [] }));
  const cursors = out.map(() => 0);
  for (let h = w0; h < w1; h += HOUR_MS) {
    let phase = 0;
    let share = 0;
    let ids: string[] | null = null;
    for (let t = 0; t < out.length; t++) {
      const st = out[t] as SlotTrack;
      const plan = st.track.ce.interrupt;
      const on = st.track.iv;
      if (!plan || !overlaps(on, h, h + HOUR_MS)) continue;
      const spacing = HOUR_MS / plan.slotsPerHour;
      const offset = phase % spacing;
      let c = cursors[t] as number;
      for (let k = 0; k < plan.slotsPerHour; k++) {
        const s = h + Math.floor(offset + k * spacing);
        const e = s + plan.slotMs;
        while (c < on.length && (on[c + 1] as number) <= s) c += 2;
        // The slot, where the interrupt's event is on.
        for (let j = c; j < on.length && (on[j] as number) < e; j += 2) {
          const ps = Math.max(on[j] as number, s);
          const pe = Math.min(on[j + 1] as number, e);
          if (ps >= pe) continue;
          const n = st.iv.length;
          // A slot spilling past the hour yields to the next hour's own slots.
          if (n > 0 && (st.iv[n - 1] as number) > ps) {
            st.iv[n - 1] = ps;
            if ((st.iv[n - 1] as number) <= (st.iv[n - 2] as number)) {
              st.iv.length -= 2;
              st.slot.length -= 1;
            }
          }
          st.iv.push(ps, pe);
          st.slot.push(k);
        }
      }
      cursors[t] = c;
      phase += plan.slotMs;
      share += plan.shareMs;
      (ids ??= []).push(st.track.ce.id);
    }
    if (share > HOUR_MS && ids) {
      warnings.add({
        code: 'share-over-100',
        message: `interrupts ${ids.map((i) => `"${i}"`).join(', ')} ask for ${Math.round(share / 36_000)} % of an hour together; their slots collide and the lower priority ones lose time`,
        eventIds: ids,
      });
    }
  }
  return out;
}

interface NormalSeg {
  end: number;
  /** Active tracks in priority order (events, and interrupts while their event is on). */
  active: Track[];
  winner: Track | null;
  /** Built once per stretch and shared by its segments. */
  hides: readonly HiddenEvent[] | null;
  hidesUnder: Map<SlotTrack, readonly HiddenEvent[]> | null;
}

interface SlotSeg {
  end: number;
  st: SlotTrack | null;
  slot: number;
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
    const iv = ce.active(ce.zone ?? zone, w0, w1);
    if (iv.length === 0) continue;
    const track: Track = {
      ce,
      iv,
      activeInRange: overlaps(iv, from, to),
      hidden: {},
      source: null,
      played: false,
      hiddenBy: null,
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
      const tracks = active.map((i) => all[i] as Track);
      let winner: Track | null = null;
      for (const t of tracks) {
        if (!t.ce.interrupt) {
          winner = t;
          break;
        }
      }
      if (winner) for (const t of tracks) if (t !== winner && t.hiddenBy === null) t.hiddenBy = winner;
      normalSegs.push({ end, active: tracks, winner, hides: null, hidesUnder: null });
    },
  );

  // 2. Interrupt slots: which interrupt holds the screen, hour by hour.
  const slotTracks = planSlots(interrupts, w0, w1, warnings);
  const slotSegs: SlotSeg[] = [];
  const only = slotTracks.length === 1 ? (slotTracks[0] as SlotTrack) : null;
  if (slotTracks.length === 0) {
    slotSegs.push({ end: to, st: null, slot: -1 });
  } else if (only) {
    // One interrupt: its slots, and the gaps between them.
    let at = from;
    for (let i = 0; i < only.iv.length; i += 2) {
      const s = Math.max(only.iv[i] as number, from);
      const e = Math.min(only.iv[i + 1] as number, to);
      if (s >= e) continue;
      if (s > at) slotSegs.push({ end: s, st: null, slot: -1 });
      const slot = only.slot[i / 2] as number;
      const prev = slotSegs[slotSegs.length - 1];
      if (prev && prev.st === only && prev.slot === slot && s === at) prev.end = e;
      else slotSegs.push({ end: e, st: only, slot });
      at = e;
    }
    if (at < to) slotSegs.push({ end: to, st: null, slot: -1 });
  } else
    sweep(
      slotTracks.map((s) => s.iv),
      from,
      to,
      (start, end, active) => {
        const st = active.length > 0 ? (slotTracks[active[0] as number] as SlotTrack) : null;
        let slot = -1;
        if (st) {
          while ((st.iv[st.cursor + 1] as number) <= start) st.cursor += 2;
          slot = st.slot[st.cursor / 2] as number;
        }
        const prev = slotSegs[slotSegs.length - 1];
        if (prev && prev.st === st && prev.slot === slot) prev.end = end;
        else slotSegs.push({ end, st, slot });
      },
    );

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

  // Warnings that only a sweep can see.
  for (const ns of normalSegs) {
    let first: Track | null = null;
    for (const t of ns.active) {
      if (t.ce.interrupt) continue;
      if (!first) first = t;
      else {
        if (first.ce.priority === t.ce.priority) {
          warnings.add({
            code: 'same-priority-overlap',
            message: `"${first.ce.name}" and "${t.ce.name}" overlap at priority ${first.ce.priority}; "${first.ce.name}" plays (id order). Give one a higher priority.`,
            eventIds: [first.ce.id, t.ce.id],
          });
        }
        break;
      }
    }
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

function interruptSource(st: SlotTrack, slot: number): SegmentSource {
  let source = st.sources[slot];
  if (!source) {
    const ce = st.track.ce;
    source = {
      kind: 'interrupt',
      eventId: ce.id,
      name: ce.name,
      priority: ce.priority,
      slot,
      slotsPerHour: ce.interrupt?.slotsPerHour ?? 1,
    };
    st.sources[slot] = source;
  }
  return source;
}

function buildSegment(start: number, end: number, ns: NormalSeg, st: SlotTrack | null, slot: number): Segment {
  if (st) {
    const winner = st.track;
    let hides = ns.hidesUnder?.get(st);
    if (!hides) {
      const list: HiddenEvent[] = [];
      for (const t of ns.active) {
        if (t === winner) continue;
        if (!t.ce.interrupt) list.push(hiddenAs(t, 'interrupted'));
        else list.push(hiddenAs(t, t.ce.priority < winner.ce.priority ? 'priority' : 'tie'));
      }
      hides = list.length > 0 ? list : NOTHING_HIDDEN;
      (ns.hidesUnder ??= new Map()).set(st, hides);
    }
    winner.played = true;
    return { start, end, playlistId: winner.ce.playlistId, source: interruptSource(st, slot), hides };
  }
  const winner = ns.winner;
  if (!winner) return { start, end, playlistId: DEFAULT_PLAYLIST_ID, source: DEFAULT_SOURCE, hides: NOTHING_HIDDEN };
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
  winner.played = true;
  winner.source ??= { kind: 'event', eventId: winner.ce.id, name: winner.ce.name, priority: winner.ce.priority };
  return { start, end, playlistId: winner.ce.playlistId, source: winner.source, hides: ns.hides };
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
    ...seg,
    at: instant,
    since: (segments[first] as Segment).start,
    until: (segments[lastIdx] as Segment).end,
    explanation: explain(seg),
  };
}
