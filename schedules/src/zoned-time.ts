/**
 * Time in IANA zones through `Intl` alone (no timezone library): UTC offsets, their transitions, and the
 * one conversion the engine needs, from a wall-clock interval to the instants at which a zone's clock
 * reads inside it.
 *
 * "Floating" time is a wall-clock reading encoded as if it were UTC milliseconds (`Date.UTC(y, m, d, h, mi)`),
 * the way RFC 5545 treats date-times without a TZID. Floating arithmetic is calendar arithmetic: +1 day is the same
 * wall time tomorrow, whatever the zone does in between.
 *
 * Assumption (true for the whole tz database since 1970): a zone changes its offset at most once per UTC day.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Local times in [W0, W1) lie within this much of it in any zone (the tz database's widest offsets are LMT ones). */
export const ZONE_MARGIN_MS = 16 * HOUR_MS;

/** A run of UTC instants over which a zone keeps one offset. */
export interface OffsetPiece {
  start: number;
  end: number;
  /** local = utc + offset */
  offset: number;
}

interface DayOffsets {
  /** Offset at the start of the UTC day. */
  before: number;
  /** First instant of the day with `after` (Infinity when the day has no transition). */
  at: number;
  after: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const dayCache = new Map<string, Map<number, DayOffsets>>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset at one instant, straight from Intl (whole seconds, as the tz database has them). */
function intlOffset(zone: string, utc: number): number {
  const floored = utc - (((utc % 1000) + 1000) % 1000);
  const fields: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(floored))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields['year'] ?? 1970,
    (fields['month'] ?? 1) - 1,
    fields['day'] ?? 1,
    fields['hour'] ?? 0,
    fields['minute'] ?? 0,
    fields['second'] ?? 0,
  );
  return wall - floored;
}

function dayOffsets(zone: string, day: number): DayOffsets {
  let perZone = dayCache.get(zone);
  if (!perZone) {
    perZone = new Map();
    dayCache.set(zone, perZone);
  }
  let info = perZone.get(day);
  if (info) return info;
  // Most weeks have no transition: two Intl calls settle seven days at once. No zone in the tz database keeps
  // an offset for less than a week, so a week that starts and ends on one offset has no change inside it.
  const week = Math.floor(day / 7) * 7;
  const weekStart = intlOffset(zone, week * DAY_MS);
  if (weekStart === intlOffset(zone, (week + 7) * DAY_MS)) {
    const steady: DayOffsets = { before: weekStart, at: Number.POSITIVE_INFINITY, after: weekStart };
    for (let d = week; d < week + 7; d++) perZone.set(d, steady);
    return steady;
  }
  const lo = day * DAY_MS;
  const before = intlOffset(zone, lo);
  const after = intlOffset(zone, lo + DAY_MS);
  if (before === after) {
    info = { before, at: Number.POSITIVE_INFINITY, after };
  } else {
    // Transitions fall on whole seconds: bisect to the second.
    let a = lo;
    let b = lo + DAY_MS;
    while (b - a > 1000) {
      const mid = a + Math.floor((b - a) / 2000) * 1000;
      if (intlOffset(zone, mid) === before) a = mid;
      else b = mid;
    }
    info = { before, at: b, after };
  }
  perZone.set(day, info);
  return info;
}

/** The zone's UTC offset in milliseconds at an instant (local = utc + offset). */
export function offsetAt(zone: string, utc: number): number {
  const info = dayOffsets(zone, Math.floor(utc / DAY_MS));
  return utc < info.at ? info.before : info.after;
}

/** The wall-clock reading (floating ms) of a zone's clock at an instant. */
export function toFloating(zone: string, utc: number): number {
  return utc + offsetAt(zone, utc);
}

const recentPieces = new Map<string, { from: number; to: number; pieces: OffsetPiece[] }[]>();

/**
 * The zone's offsets over [from, to), as consecutive pieces (usually one; two or three across a DST change).
 * The last few answers per zone are kept: a timeline asks once per event for the same window (and the span its
 * occurrences are placed in).
 */
export function offsetPieces(zone: string, from: number, to: number): readonly OffsetPiece[] {
  let recent = recentPieces.get(zone);
  if (!recent) recentPieces.set(zone, (recent = []));
  for (const r of recent) if (r.from === from && r.to === to) return r.pieces;
  const pieces = computePieces(zone, from, to);
  recent.unshift({ from, to, pieces });
  if (recent.length > 4) recent.pop();
  return pieces;
}

function computePieces(zone: string, from: number, to: number): OffsetPiece[] {
  const pieces: OffsetPiece[] = [];
  let start = from;
  let offset = offsetAt(zone, from);
  for (let day = Math.floor(from / DAY_MS); day * DAY_MS < to; day++) {
    const info = dayOffsets(zone, day);
    if (info.at > start && info.at < to && info.after !== offset) {
      pieces.push({ start, end: info.at, offset });
      start = info.at;
      offset = info.after;
    }
  }
  pieces.push({ start, end: to, offset });
  return pieces;
}

/**
 * The instants within the pieces' span at which the zone's clock reads inside the wall-clock interval
 * [a, b), appended to `out` as flat [start, end] pairs in order.
 *
 * This one rule gives DST its behaviour: a window inside a spring-forward gap is never read on the clock,
 * so it does not fire (a window across the gap is shortened); a window inside a fall-back overlap is read
 * twice, so it fires twice.
 */
export function floatingToUtc(pieces: readonly OffsetPiece[], a: number, b: number, out: number[]): void {
  for (const p of pieces) {
    const s = Math.max(p.start, a - p.offset);
    const e = Math.min(p.end, b - p.offset);
    if (s >= e) continue;
    const n = out.length;
    // Pieces are contiguous: a run that continues across a transition stays one interval.
    if (n >= 2 && out[n - 1] === s) out[n - 1] = e;
    else out.push(s, e);
  }
}

/**
 * The first instant within the pieces' span at which the clock reads `floating`: in a fall-back overlap the
 * earlier of the two (RFC 5545 section 3.3.5); NaN when the clock never reads it (a spring-forward gap).
 */
export function firstReading(pieces: readonly OffsetPiece[], floating: number): number {
  for (const p of pieces) {
    const u = floating - p.offset;
    if (u >= p.start && u < p.end) return u;
  }
  return Number.NaN;
}

/** Whether the zone's clock ever reads `floating` (false inside a spring-forward gap). Not cached: for COUNT. */
export function readsOn(zone: string, floating: number): boolean {
  // The instants that could read `floating` lie within ZONE_MARGIN_MS of it: one offset over those UTC days, and
  // the clock reads it exactly once.
  const first = Math.floor((floating - ZONE_MARGIN_MS) / DAY_MS);
  const last = Math.floor((floating + ZONE_MARGIN_MS) / DAY_MS);
  const offset = dayOffsets(zone, first).before;
  let steady = true;
  for (let day = first; day <= last && steady; day++) {
    const info = dayOffsets(zone, day);
    steady = info.at === Number.POSITIVE_INFINITY && info.before === offset;
  }
  if (steady) return true;
  return !Number.isNaN(firstReading(computePieces(zone, (first - 1) * DAY_MS, (last + 2) * DAY_MS), floating));
}

/**
 * The first instant at or after `from`, within the pieces' span, at which the clock reads `floating` or later
 * (the span's end when it never does). Across a gap that is the gap's end; across an overlap, the first pass.
 */
export function firstReadingFrom(pieces: readonly OffsetPiece[], floating: number, from: number): number {
  for (const p of pieces) {
    if (p.end <= from) continue;
    const lo = Math.max(p.start, from);
    if (lo + p.offset >= floating) return lo;
    const u = floating - p.offset;
    if (u < p.end) return u;
  }
  return pieces.length > 0 ? (pieces[pieces.length - 1] as OffsetPiece).end : from;
}

/**
 * A wall-clock window [a, b) read once: from the first instant the clock reads inside it until the clock first
 * reads `b` after that, as [start, end] appended to `out` (nothing when the clock skips the whole window). This is
 * how an explicit DATE-TIME reads (RFC 5545 section 3.3.5): a window in a fall-back overlap is its first pass,
 * one across the overlap an hour longer, one across a spring-forward gap shorter.
 */
export function wallSpan(pieces: readonly OffsetPiece[], a: number, b: number, out: number[]): void {
  const start = firstReadingFrom(pieces, a, Number.NEGATIVE_INFINITY);
  const end = b === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : firstReadingFrom(pieces, b, start);
  if (end > start) out.push(start, end);
}

/** How to read a wall-clock time that happens twice (fall back) or never (spring forward). */
export type Disambiguation = 'earlier' | 'later';

/**
 * The instant at which the zone's clock reads `floating`. In a fall-back overlap, the earlier or later of
 * the two; in a spring-forward gap, the first instant after the gap (the clock never reads that time).
 */
export function fromFloating(zone: string, floating: number, disambiguation: Disambiguation = 'earlier'): number {
  const pieces = offsetPieces(zone, floating - 2 * DAY_MS, floating + 2 * DAY_MS);
  const hits: number[] = [];
  floatingToUtc(pieces, floating, floating + 1, hits);
  if (hits.length > 0) return disambiguation === 'earlier' ? (hits[0] as number) : (hits[hits.length - 2] as number);
  const after: number[] = [];
  floatingToUtc(pieces, floating, floating + DAY_MS, after);
  return after[0] as number;
}

/**
 * The local calendar day containing an instant, as [start, end) instants: from the first instant the
 * clock reads that date to the last. 23 or 25 hours long on DST days.
 */
export function localDayBounds(zone: string, utc: number): { start: number; end: number; date: number } {
  const date = Math.floor(toFloating(zone, utc) / DAY_MS) * DAY_MS;
  const out: number[] = [];
  floatingToUtc(offsetPieces(zone, utc - 2 * DAY_MS, utc + 2 * DAY_MS), date, date + DAY_MS, out);
  return { start: out[0] as number, end: out[out.length - 1] as number, date };
}

/** Day of the week of a floating time: 0 = Monday … 6 = Sunday (RFC 5545 order, MO first). */
export function weekdayOf(floating: number): number {
  // 1970-01-01 was a Thursday (3 in this numbering).
  return (((Math.floor(floating / DAY_MS) + 3) % 7) + 7) % 7;
}

/** `2025-03-01T08:00:00` for a floating time: how the engine names wall-clock moments in messages and tests. */
export function formatFloating(floating: number): string {
  return new Date(floating).toISOString().slice(0, 19);
}
