import { Freq } from './rule-parser';
import { DAY_MS, HOUR_MS, MINUTE_MS, weekdayOf } from './zoned-time';

/**
 * Calendar arithmetic for DAILY, WEEKLY, HOURLY and MINUTELY rules (with the parts RFC 5545 allows them:
 * BYMONTH, BYMONTHDAY, plain BYDAY, BYYEARDAY for the sub-daily ones, BYHOUR/BYMINUTE/BYSECOND, BYSETPOS), and
 * the pieces MONTHLY and YEARLY rules share with them (periods.ts).
 *
 * Every expansion is bounded by the window it is asked about: a rule is never walked from DTSTART on the hot
 * path, and a rule that never matches costs the periods in the window, not a walk to the end of the calendar.
 */

/** A rule's parts as numbers, with the defaults RFC 5545 takes from DTSTART filled in. */
export interface RuleShape {
  freq: Freq;
  interval: number;
  /** 0 = Monday … 6 = Sunday. */
  wkst: number;
  byhour: readonly number[] | null;
  byminute: readonly number[] | null;
  bysecond: readonly number[] | null;
  bymonth: readonly number[] | null;
  /** Positive and negative (from the month's end) month days together. */
  bymonthday: readonly number[] | null;
  /** Positive and negative year days together. */
  byyearday: readonly number[] | null;
  /** Plain weekdays, 0 = Monday. */
  byweekday: readonly number[] | null;
  /** Numbered weekdays (1MO, -1FR), MONTHLY and YEARLY only: within the month, or the year without BYMONTH. */
  bynweekday: readonly { weekday: number; n: number }[] | null;
  /** YEARLY only. */
  byweekno: readonly number[] | null;
  bysetpos: readonly number[] | null;
}

/** An expander: occurrence starts within [lo, hi] (lo ≥ DTSTART), ascending, at most `limit`. */
export type Expander = (lo: number, hi: number, limit: number) => number[];

/** Whether a day (its floating midnight) passes the rule's day parts; null when every day does. */
export function dayFilter(shape: RuleShape): ((dayStart: number) => boolean) | null {
  const { bymonth, bymonthday, byyearday, byweekday } = shape;
  if (!bymonth && !bymonthday && !byyearday && !byweekday) return null;
  return (dayStart) => {
    if (byweekday && !byweekday.includes(weekdayOf(dayStart))) return false;
    if (!bymonth && !bymonthday && !byyearday) return true;
    const d = new Date(dayStart);
    const year = d.getUTCFullYear();
    if (bymonth && !bymonth.includes(d.getUTCMonth() + 1)) return false;
    if (bymonthday) {
      const mday = d.getUTCDate();
      const monthLength = new Date(Date.UTC(year, d.getUTCMonth() + 1, 0)).getUTCDate();
      if (!bymonthday.includes(mday) && !bymonthday.includes(mday - monthLength - 1)) return false;
    }
    if (byyearday) {
      const yday = Math.round((dayStart - Date.UTC(year, 0, 1)) / DAY_MS) + 1;
      const yearLength = Math.round((Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS);
      if (!byyearday.includes(yday) && !byyearday.includes(yday - yearLength - 1)) return false;
    }
    return true;
  };
}

export const floorTo = (t: number, unit: number) => Math.floor(t / unit) * unit;

/** The start (floating midnight) of the week containing `t`, weeks starting on `wkst`. */
export function weekStart(t: number, wkst: number): number {
  return floorTo(t, DAY_MS) - ((weekdayOf(t) - wkst + 7) % 7) * DAY_MS;
}

/**
 * BYSETPOS: the chosen positions (1-based; negative from the end) of a period's ordered candidates. A position
 * past either end of the set chooses nothing, and two positions on one candidate choose it once (RFC 5545: BYSETPOS
 * picks members of the set; rrule.js 2.8.1 gets both wrong).
 */
export function selectPositions(candidates: number[], setpos: readonly number[]): number[] {
  const picked = new Set<number>();
  for (const pos of setpos) {
    const i = pos > 0 ? pos - 1 : candidates.length + pos;
    const c = candidates[i];
    if (c !== undefined) picked.add(c);
  }
  return [...picked].sort((a, b) => a - b);
}

/** Pushes the candidates within [lo, hi]; false once past `hi` or at `limit` (the caller stops). */
export function emit(candidates: readonly number[], lo: number, hi: number, limit: number, out: number[]): boolean {
  for (const t of candidates) {
    if (t < lo) continue;
    if (t > hi) return false;
    out.push(t);
    if (out.length >= limit) return false;
  }
  return true;
}

/** Times of day (ms from midnight) at which a DAILY, WEEKLY, MONTHLY or YEARLY rule fires, ascending. */
export function timesOfDay(shape: RuleShape): number[] {
  const out: number[] = [];
  for (const h of shape.byhour ?? [0]) {
    for (const m of shape.byminute ?? [0])
      for (const s of shape.bysecond ?? [0]) out.push(h * HOUR_MS + m * MINUTE_MS + s * 1000);
  }
  return out.sort((a, b) => a - b);
}

/** DAILY and WEEKLY: every INTERVAL-th period (day, or week from WKST) counted from DTSTART's. */
export function dayExpander(shape: RuleShape, dtstart: number): Expander {
  const weekly = shape.freq === Freq.WEEKLY;
  const filter = dayFilter(shape);
  const times = timesOfDay(shape);
  const periodDays = weekly ? 7 : 1;
  const anchor = weekly ? weekStart(dtstart, shape.wkst) : floorTo(dtstart, DAY_MS);
  const span = shape.interval * periodDays * DAY_MS;
  const setpos = shape.bysetpos;
  return (lo, hi, limit) => {
    const out: number[] = [];
    const first = weekly ? weekStart(lo, shape.wkst) : floorTo(lo, DAY_MS);
    for (let period = anchor + Math.max(0, Math.floor((first - anchor) / span)) * span; period <= hi; period += span) {
      // BYSETPOS counts in the whole week, DTSTART's too: the days before DTSTART are members of the set, they
      // only do not occur (rrule.js and dateutil start that week's set at DTSTART, and pick other days).
      const candidates: number[] = [];
      for (let day = period; day < period + periodDays * DAY_MS; day += DAY_MS) {
        if (!setpos && (day > hi || day + DAY_MS <= lo)) continue;
        if (filter && !filter(day)) continue;
        for (const off of times) candidates.push(day + off);
      }
      if (!emit(setpos ? selectPositions(candidates, setpos) : candidates, lo, hi, limit, out)) return out;
    }
    return out;
  };
}

/**
 * HOURLY and MINUTELY: counter steps at DTSTART's hour (or minute) + k × INTERVAL, kept where BYHOUR, BYMINUTE
 * and the day parts allow; each kept step fires at its BYMINUTE/BYSECOND offsets.
 *
 * With MINUTELY, BYHOUR and an INTERVAL that does not divide 60, the INTERVAL's rhythm goes on across the hours
 * BYHOUR leaves out, as RFC 5545 says (rrule.js jumps over them in whole hours; recurrence.test.ts pins the case).
 */
export function subDailyExpander(shape: RuleShape, dtstart: number): Expander {
  const hourly = shape.freq === Freq.HOURLY;
  const unit = hourly ? HOUR_MS : MINUTE_MS;
  const step = shape.interval * unit;
  const days = dayFilter(shape);
  const byhour = shape.byhour ? new Set(shape.byhour) : null;
  const byminute = !hourly && shape.byminute ? new Set(shape.byminute) : null;
  const offsets: number[] = [];
  const seconds = shape.bysecond ?? [0];
  if (hourly) {
    for (const m of shape.byminute ?? [0]) for (const s of seconds) offsets.push(m * MINUTE_MS + s * 1000);
  } else {
    for (const s of seconds) offsets.push(s * 1000);
  }
  offsets.sort((a, b) => a - b);
  const first = floorTo(dtstart, unit);
  const setpos = shape.bysetpos;
  return (lo, hi, limit) => {
    const out: number[] = [];
    let lastDay = Number.NaN;
    let dayOk = true;
    let k = Math.max(0, Math.floor((lo - first - unit) / step));
    for (let c = first + k * step; c <= hi; k++, c = first + k * step) {
      const dayStart = floorTo(c, DAY_MS);
      const inDay = c - dayStart;
      if (byhour && !byhour.has(Math.floor(inDay / HOUR_MS))) continue;
      if (byminute && !byminute.has(Math.floor((inDay % HOUR_MS) / MINUTE_MS))) continue;
      if (days) {
        if (dayStart !== lastDay) {
          lastDay = dayStart;
          dayOk = days(dayStart);
        }
        if (!dayOk) continue;
      }
      const candidates = offsets.map((off) => c + off);
      if (!emit(setpos ? selectPositions(candidates, setpos) : candidates, lo, hi, limit, out)) return out;
    }
    return out;
  };
}
