import {
  DEFAULT_TIMEZONE,
  type Daypart,
  type ScheduleEvent,
  type ScheduleWarning,
  isKnownTimezone,
} from '@baruga/protocol';
import { type CompiledDaypart, compileDaypart } from './dayparts';
import { type CompiledEvent, type EventContext, compileEvent } from './event';
import type { IntervalSet } from './intervals';

/** What the engine needs: the events, the dayparts they name, and how long one pass of each playlist lasts. */
export interface ScheduleInput {
  events: readonly ScheduleEvent[];
  dayparts: readonly Daypart[];
  /** One pass of each playlist in ms, by id; `default` is the screen's own loop. */
  playlistDurations: Readonly<Record<string, number>>;
}

/** The facts about a screen that decide which events are its own, and how it reads wall-clock times. */
export interface ScreenContext {
  id: string;
  /** IANA zone; an unknown one falls back to Asia/Makassar with a warning. */
  timezone: string;
  wallId: string | null;
  groups: readonly string[];
}

/**
 * A compiled set of events, shared by every screen it serves: rules are parsed once, and expansions are cached
 * per event and window, so the second screen asking for the same window pays only for its own sweep.
 */
export interface Schedule {
  /** Grows with every change, so per-screen caches know when they are stale. */
  readonly version: number;
  event(id: string): CompiledEvent | undefined;
  events(): Iterable<CompiledEvent>;
  /** Adds or replaces one event; the others keep their caches. */
  upsertEvent(event: ScheduleEvent): CompiledEvent;
  removeEvent(id: string): boolean;
  /** The events whose targets match the screen, highest priority first, ties by id. */
  relevant(screen: ScreenContext): readonly CompiledEvent[];
  /**
   * An event's active instants in [w0, w1) on a clock of `zone`, cached per window and zone: screens in the same
   * zone asking about the same window share one conversion.
   */
  active(event: CompiledEvent, zone: string, w0: number, w1: number): IntervalSet;
}

/** A schedule bound to one screen: what `resolve` and `timeline` take. */
export interface ScreenSchedule {
  readonly schedule: Schedule;
  readonly screen: ScreenContext;
  /** Set when the screen's own timezone was unusable. */
  readonly problems: readonly ScheduleWarning[];
  /** resolve()'s cache of the local day it last computed. */
  dayCache: { version: number; start: number; end: number; value: unknown } | null;
}

export function matchesScreen(event: ScheduleEvent, screen: ScreenContext): boolean {
  const t = event.targets;
  return (
    t.all ||
    t.screens.includes(screen.id) ||
    (screen.wallId !== null && t.walls.includes(screen.wallId)) ||
    t.groups.some((g) => screen.groups.includes(g))
  );
}

/** Priority order: higher first, then by id so the outcome never depends on input order. */
export function byPriority(a: CompiledEvent, b: CompiledEvent): number {
  return b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function createSchedule(input: ScheduleInput): Schedule {
  const dayparts = new Map<string, CompiledDaypart>(input.dayparts.map((d) => [d.id, compileDaypart(d)]));
  const durations = new Map(Object.entries(input.playlistDurations));
  const ctx: EventContext = { dayparts, playlistMs: (id) => durations.get(id) };
  const compiled = new Map<string, CompiledEvent>();
  // Target index: a screen looks up only the events that can be its own.
  const byScreen = new Map<string, Set<CompiledEvent>>();
  const byWall = new Map<string, Set<CompiledEvent>>();
  const byGroup = new Map<string, Set<CompiledEvent>>();
  const forAll = new Set<CompiledEvent>();
  let version = 0;
  let nextOrdinal = 0;
  // Every event in priority order; an event's rank is its place here. Kept in order on each edit (a binary
  // search and one splice), so an edit does not re-sort ten thousand events by name.
  let ordered: CompiledEvent[] | null = null;
  // A few recent windows (a timeline's, resolve()'s local days): per zone, results by event ordinal.
  const windows: { w0: number; w1: number; byZone: Map<string, (IntervalSet | undefined)[]> }[] = [];

  function rank(): CompiledEvent[] {
    if (!ordered) {
      ordered = [...compiled.values()].sort(byPriority);
      renumber(ordered, 0);
    }
    return ordered;
  }

  function renumber(list: CompiledEvent[], from: number): void {
    for (let i = from; i < list.length; i++) (list[i] as CompiledEvent).rank = i;
  }

  function unorder(ce: CompiledEvent): void {
    if (!ordered) return;
    const i = ordered.indexOf(ce);
    if (i < 0) return;
    ordered.splice(i, 1);
    renumber(ordered, i);
  }

  function order(ce: CompiledEvent): void {
    if (!ordered) return;
    let lo = 0;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byPriority(ordered[mid] as CompiledEvent, ce) < 0) lo = mid + 1;
      else hi = mid;
    }
    ordered.splice(lo, 0, ce);
    renumber(ordered, lo);
  }

  const add = (index: Map<string, Set<CompiledEvent>>, key: string, ce: CompiledEvent) => {
    let set = index.get(key);
    if (!set) index.set(key, (set = new Set()));
    set.add(ce);
  };

  function unindex(ce: CompiledEvent): void {
    const t = ce.event.targets;
    for (const s of t.screens) byScreen.get(s)?.delete(ce);
    for (const w of t.walls) byWall.get(w)?.delete(ce);
    for (const g of t.groups) byGroup.get(g)?.delete(ce);
    forAll.delete(ce);
  }

  function upsertEvent(event: ScheduleEvent): CompiledEvent {
    const previous = compiled.get(event.id);
    if (previous) {
      unindex(previous);
      unorder(previous);
    }
    const ce = compileEvent(event, ctx);
    ce.ordinal = nextOrdinal++;
    compiled.set(event.id, ce);
    order(ce);
    for (const s of event.targets.screens) add(byScreen, s, ce);
    for (const w of event.targets.walls) add(byWall, w, ce);
    for (const g of event.targets.groups) add(byGroup, g, ce);
    if (event.targets.all) forAll.add(ce);
    version++;
    return ce;
  }

  for (const event of input.events) upsertEvent(event);

  return {
    get version() {
      return version;
    },
    event: (id) => compiled.get(id),
    events: () => compiled.values(),
    upsertEvent,
    removeEvent(id) {
      const previous = compiled.get(id);
      if (!previous) return false;
      unindex(previous);
      unorder(previous);
      compiled.delete(id);
      version++;
      return true;
    },
    relevant(screen) {
      rank();
      const found: CompiledEvent[] = [...forAll];
      for (const ce of byScreen.get(screen.id) ?? []) found.push(ce);
      if (screen.wallId !== null) for (const ce of byWall.get(screen.wallId) ?? []) found.push(ce);
      for (const g of screen.groups) for (const ce of byGroup.get(g) ?? []) found.push(ce);
      found.sort((a, b) => a.rank - b.rank);
      // An event reached twice (its screen and its group) appears twice, side by side: keep one.
      return found.filter((ce, i) => i === 0 || found[i - 1] !== ce);
    },
    active(event, zone, w0, w1) {
      let win = windows.find((w) => w.w0 === w0 && w.w1 === w1);
      if (!win) {
        win = { w0, w1, byZone: new Map() };
        windows.unshift(win);
        if (windows.length > 4) windows.pop();
      }
      let byEvent = win.byZone.get(zone);
      if (!byEvent) win.byZone.set(zone, (byEvent = []));
      return (byEvent[event.ordinal] ??= event.active(zone, w0, w1));
    },
  };
}

const knownZones = new Map<string, boolean>();
/** Intl builds a formatter to answer; screens ask again and again. */
function knownZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) knownZones.set(zone, (known = isKnownTimezone(zone)));
  return known;
}

/** Binds a schedule to one screen. */
export function forScreen(schedule: Schedule, screen: ScreenContext): ScreenSchedule {
  const problems: ScheduleWarning[] = [];
  let timezone = screen.timezone;
  if (!knownZone(timezone)) {
    problems.push({
      code: 'unknown-timezone',
      message: `screen ${screen.id}: timezone "${timezone}" is unknown here; using ${DEFAULT_TIMEZONE}`,
      eventIds: [],
    });
    timezone = DEFAULT_TIMEZONE;
  }
  return { schedule, screen: { ...screen, timezone }, problems, dayCache: null };
}
