import { type Expander, type RuleShape, emit, selectPositions, timesOfDay } from './calendar';
import { Freq } from './rule-parser';
import { DAY_MS, weekdayOf } from './zoned-time';

/**
 * MONTHLY and YEARLY rules: each period's set is built as RFC 5545 defines it (section 3.3.10, the table of which
 * BYxxx parts expand and which limit), then BYSETPOS picks from the whole set. Only the periods that meet the
 * window are built, counted from DTSTART's in steps of INTERVAL, and the last few are kept: a timeline asks about
 * the same period for every screen.
 *
 * These were expanded through rrule.js until 2.8.1, whose BYSETPOS picks the first day for a negative position
 * past the set's size, and emits one day twice when two positions land on it (its fixes are still open upstream).
 */

const daysInMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** The floating midnight on which week 1 of `year` starts: the first week (from WKST) with 4 or more days in it. */
function weekOneStart(year: number, wkst: number): number {
  const jan1 = Date.UTC(year, 0, 1);
  const back = (weekdayOf(jan1) - wkst + 7) % 7;
  return jan1 - back * DAY_MS + (back > 3 ? 7 * DAY_MS : 0);
}

/** Whether a day's week number (within the week-numbering year it belongs to) is one BYWEEKNO names. */
function weekMatcher(year: number, wkst: number, byweekno: readonly number[]): (day: number) => boolean {
  const starts = [year - 1, year, year + 1, year + 2].map((y) => weekOneStart(y, wkst));
  return (day) => {
    // The week-numbering year: the last whose week 1 has begun by `day`.
    let i = 2;
    while (i > 0 && day < (starts[i] as number)) i--;
    const start = starts[i] as number;
    const weeks = Math.round(((starts[i + 1] as number) - start) / (7 * DAY_MS));
    const week = Math.floor((day - start) / (7 * DAY_MS)) + 1;
    return byweekno.includes(week) || byweekno.includes(week - weeks - 1);
  };
}

/** The days (floating midnights) of one month (month0 ≥ 0) or year (month0 = -1) that the rule's day parts keep. */
function periodDays(shape: RuleShape, year: number, month0: number): number[] {
  const { bymonth, bymonthday, byyearday, byweekday, bynweekday, byweekno } = shape;
  const yearly = month0 < 0;
  const months = yearly ? (bymonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).map((m) => m - 1) : [month0];
  if (!yearly && bymonth && !bymonth.includes(month0 + 1)) return [];
  const yearStart = Date.UTC(year, 0, 1);
  const yearLength = Math.round((Date.UTC(year + 1, 0, 1) - yearStart) / DAY_MS);
  const inWeek = byweekno ? weekMatcher(year, shape.wkst, byweekno) : null;
  // A numbered BYDAY counts within the month, or within the year when a YEARLY rule has no BYMONTH.
  const nthInYear = yearly && !bymonth;
  const days: number[] = [];
  for (const m of months) {
    const monthStart = Date.UTC(year, m, 1);
    const monthLength = daysInMonth(year, m);
    for (let d = 1; d <= monthLength; d++) {
      if (bymonthday && !bymonthday.includes(d) && !bymonthday.includes(d - monthLength - 1)) continue;
      const day = monthStart + (d - 1) * DAY_MS;
      const yday = Math.round((day - yearStart) / DAY_MS) + 1;
      if (byyearday && !byyearday.includes(yday) && !byyearday.includes(yday - yearLength - 1)) continue;
      if (inWeek && !inWeek(day)) continue;
      if (byweekday || bynweekday) {
        const weekday = weekdayOf(day);
        let kept = byweekday?.includes(weekday) ?? false;
        if (!kept && bynweekday) {
          const [pos, length] = nthInYear ? [yday, yearLength] : [d, monthLength];
          const nth = Math.floor((pos - 1) / 7) + 1;
          const nthFromEnd = -Math.floor((length - pos) / 7) - 1;
          kept = bynweekday.some((x) => x.weekday === weekday && (x.n === nth || x.n === nthFromEnd));
        }
        if (!kept) continue;
      }
      days.push(day);
    }
  }
  return days;
}

/** Start (floating midnight) of the MONTHLY or YEARLY period, counted in INTERVALs from DTSTART's, containing `t`. */
function periodStart(yearly: boolean, interval: number, dtstart: number, t: number): number {
  const d0 = new Date(dtstart);
  const d = new Date(t);
  if (yearly) {
    const y0 = d0.getUTCFullYear();
    return Date.UTC(y0 + Math.floor((d.getUTCFullYear() - y0) / interval) * interval, 0, 1);
  }
  const m0 = d0.getUTCFullYear() * 12 + d0.getUTCMonth();
  const m = m0 + Math.floor((d.getUTCFullYear() * 12 + d.getUTCMonth() - m0) / interval) * interval;
  return Date.UTC(Math.floor(m / 12), m % 12, 1);
}

function nextPeriod(yearly: boolean, interval: number, period: number): number {
  const d = new Date(period);
  return yearly
    ? Date.UTC(d.getUTCFullYear() + interval, 0, 1)
    : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + interval, 1);
}

/** MONTHLY and YEARLY rules, one period at a time. */
export function periodExpander(shape: RuleShape, dtstart: number): Expander {
  const yearly = shape.freq === Freq.YEARLY;
  const times = timesOfDay(shape);
  const setpos = shape.bysetpos;
  const kept = new Map<number, readonly number[]>();
  const occurrencesOf = (period: number): readonly number[] => {
    let list = kept.get(period);
    if (!list) {
      const d = new Date(period);
      const days = periodDays(shape, d.getUTCFullYear(), yearly ? -1 : d.getUTCMonth());
      const all: number[] = [];
      for (const day of days) for (const off of times) all.push(day + off);
      list = setpos ? selectPositions(all, setpos) : all;
      if (kept.size >= 8) kept.delete(kept.keys().next().value as number);
      kept.set(period, list);
    }
    return list;
  };
  return (lo, hi, limit) => {
    const out: number[] = [];
    for (
      let period = periodStart(yearly, shape.interval, dtstart, lo);
      period <= hi;
      period = nextPeriod(yearly, shape.interval, period)
    ) {
      if (!emit(occurrencesOf(period), lo, hi, limit, out)) break;
    }
    return out;
  };
}
