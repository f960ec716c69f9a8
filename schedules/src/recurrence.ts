import type { Result } from '@baruga/protocol';
import { ok } from '@baruga/protocol';
import { type Expander, type RuleShape, dayExpander, subDailyExpander } from './calendar';
import { periodExpander } from './periods';
import { Freq, type RuleParts, parseRule } from './rule-parser';
import { DAY_MS, ZONE_MARGIN_MS, firstReading, offsetPieces, readsOn, weekdayOf } from './zoned-time';

/**
 * RFC 5545 recurrence rules, parsed strictly (rule-parser.ts) and expanded near the query window, never from DTSTART.
 *
 * Expanding from DTSTART costs time in proportion to the rule's age, so it may not run on the hot path. Rules are
 * expanded in floating time (wall-clock, see zoned-time.ts): an expansion visits only the recurrence periods that
 * meet the window, DAILY, WEEKLY, HOURLY and MINUTELY rules by calendar arithmetic (calendar.ts), MONTHLY and
 * YEARLY rules period by period (periods.ts).
 *
 * A zone's clock then decides where each wall-clock start falls (RFC 5545 sections 3.3.5 and 3.3.10): a start the
 * clock reads twice (fall back) is the first reading; a start it never reads (spring forward) is no instance at
 * all, and COUNT does not count it. So COUNT, the one part defined by counting from DTSTART, ends at a different
 * wall-clock start in a zone that skips one of its instances: it is worked out once per zone, when first asked.
 */

export interface Recurrence {
  /** Occurrence starts (floating ms) in [after, before], ascending, at most `limit`: on a clock without DST. */
  between(after: number, before: number, limit?: number): number[];
  /** Occurrence starts as instants in [after, before] on a clock of `zone`, ascending, at most `limit`. */
  instants(zone: string, after: number, before: number, limit?: number): number[];
  /** The last occurrence start (floating) when the rule ends (UNTIL or COUNT), on a clock without DST; else +Infinity. */
  readonly lastStart: number;
  /** COUNT could not be reached within the scan horizon; the rule is treated as ending there. */
  readonly countNotReached: boolean;
  /** How far ahead a search for the next occurrence may reasonably look (the finer the rule, the less). */
  readonly scanHorizonMs: number;
}

/** Our calendar (LocalDateTime) ends at 2200. */
const HORIZON = Date.UTC(2201, 0, 1);
/** The clock without DST that `between` reads on. */
const NO_DST = 'UTC';

const COUNT_CHUNK: Record<Freq, number> = {
  [Freq.YEARLY]: 20 * 366 * DAY_MS,
  [Freq.MONTHLY]: 5 * 366 * DAY_MS,
  [Freq.WEEKLY]: 366 * DAY_MS,
  [Freq.DAILY]: 366 * DAY_MS,
  [Freq.HOURLY]: 30 * DAY_MS,
  [Freq.MINUTELY]: 2 * DAY_MS,
};
/**
 * How far ahead COUNT, or a first occurrence, is looked for: far enough for any sensible rule, near enough that
 * a rule which never matches costs milliseconds. A rule that has not reached COUNT by then ends there.
 */
const SCAN_HORIZON_MS: Record<Freq, number> = {
  [Freq.YEARLY]: 100 * 366 * DAY_MS,
  [Freq.MONTHLY]: 20 * 366 * DAY_MS,
  [Freq.WEEKLY]: 30 * 366 * DAY_MS,
  [Freq.DAILY]: 30 * 366 * DAY_MS,
  [Freq.HOURLY]: 3 * 366 * DAY_MS,
  [Freq.MINUTELY]: 60 * DAY_MS,
};

/**
 * The rule's parts with the defaults RFC 5545 takes from DTSTART written in: its time of day for the parts finer
 * than FREQ; its weekday for a WEEKLY rule without BYDAY; its day of the month for a MONTHLY rule (and its month
 * too for a YEARLY one) that names no day.
 */
function shapeOf(rule: RuleParts, dtstart: number): RuleShape {
  const start = new Date(dtstart);
  const { freq } = rule;
  const plain = rule.byday?.filter((d) => d.n === 0).map((d) => d.weekday) ?? [];
  const numbered = rule.byday?.filter((d) => d.n !== 0) ?? [];
  const namesDay = rule.byday || rule.bymonthday || rule.byyearday || rule.byweekno;
  const periodic = freq === Freq.MONTHLY || freq === Freq.YEARLY;
  return {
    freq,
    interval: rule.interval,
    wkst: rule.wkst,
    byhour: rule.byhour ?? (freq < Freq.HOURLY ? [start.getUTCHours()] : null),
    byminute: rule.byminute ?? (freq < Freq.MINUTELY ? [start.getUTCMinutes()] : null),
    bysecond: rule.bysecond ?? [start.getUTCSeconds()],
    bymonth: rule.bymonth ?? (freq === Freq.YEARLY && !namesDay ? [start.getUTCMonth() + 1] : null),
    bymonthday: rule.bymonthday ?? (periodic && !namesDay ? [start.getUTCDate()] : null),
    byyearday: rule.byyearday,
    byweekday: plain.length > 0 ? plain : freq === Freq.WEEKLY && !rule.byday ? [weekdayOf(dtstart)] : null,
    bynweekday: numbered.length > 0 ? numbered : null,
    byweekno: rule.byweekno,
    bysetpos: rule.bysetpos,
  };
}

function expanderFor(shape: RuleShape, dtstart: number): Expander {
  switch (shape.freq) {
    case Freq.YEARLY:
    case Freq.MONTHLY:
      return periodExpander(shape, dtstart);
    case Freq.WEEKLY:
    case Freq.DAILY:
      return dayExpander(shape, dtstart);
    case Freq.HOURLY:
    case Freq.MINUTELY:
      return subDailyExpander(shape, dtstart);
  }
}

/** Pieces of a zone's offsets around [after, before], on whole days so that neighbouring questions share them. */
const piecesAround = (zone: string, after: number, before: number) =>
  offsetPieces(
    zone,
    Math.floor((after - ZONE_MARGIN_MS) / DAY_MS) * DAY_MS - DAY_MS,
    Math.ceil((before + ZONE_MARGIN_MS) / DAY_MS) * DAY_MS + DAY_MS,
  );

/** Compiles an RRULE for a floating DTSTART. */
export function compileRecurrence(text: string, dtstart: number): Result<Recurrence> {
  const parsed = parseRule(text);
  if (!parsed.ok) return parsed;
  const rule = parsed.value;
  const { freq, count } = rule;
  const expandPeriods = expanderFor(shapeOf(rule, dtstart), dtstart);
  // A wall-clock UNTIL bounds the expansion; a UTC one bounds the instants, once a clock has placed them.
  const untilFloating = rule.until?.kind === 'floating' ? rule.until.at : Number.POSITIVE_INFINITY;
  const untilUtc = rule.until?.kind === 'utc' ? rule.until.at : Number.POSITIVE_INFINITY;
  const horizon = Math.min(HORIZON, dtstart + SCAN_HORIZON_MS[freq]);

  function expand(after: number, before: number, last: number, limit: number): number[] {
    const lo = Math.max(after, dtstart);
    const hi = Math.min(before, untilFloating, last);
    if (lo > hi || limit <= 0) return [];
    return expandPeriods(lo, hi, limit);
  }

  /** The last wall-clock start COUNT reaches on a zone's clock, counting only the starts that clock reads. */
  const counted = new Map<string, { last: number; notReached: boolean }>();
  function countOn(zone: string): { last: number; notReached: boolean } {
    if (count === null) return { last: Number.POSITIVE_INFINITY, notReached: false };
    let done = counted.get(zone);
    if (done) return done;
    // The one expansion that starts at DTSTART: once per zone, stopping at COUNT.
    const chunk = COUNT_CHUNK[freq];
    let seen = 0;
    let last = Number.NEGATIVE_INFINITY;
    let from = dtstart;
    for (; seen < count && from < horizon; from += chunk) {
      const found = expand(from, from + chunk - 1, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
      for (const f of found) {
        // Only the days around each start are asked about: a zone's offsets cost Intl calls per day.
        if (zone !== NO_DST && !readsOn(zone, f)) continue;
        last = f;
        if (++seen === count) break;
      }
    }
    done = seen < count ? { last: from - 1, notReached: true } : { last, notReached: false };
    counted.set(zone, done);
    return done;
  }

  function instants(zone: string, after: number, before: number, limit = Number.POSITIVE_INFINITY): number[] {
    const last = countOn(zone).last;
    const hi = Math.min(before, untilUtc);
    const found = expand(after - ZONE_MARGIN_MS, hi + ZONE_MARGIN_MS, last, Number.POSITIVE_INFINITY);
    if (found.length === 0) return found;
    const pieces = piecesAround(zone, after, hi);
    const out: number[] = [];
    for (const f of found) {
      const u = firstReading(pieces, f);
      // The clock never reads f: RFC 5545 says such an instance MUST be ignored (and COUNT did not count it).
      if (Number.isNaN(u) || u < after) continue;
      if (u > hi || out.push(u) >= limit) break;
    }
    return out;
  }

  const noDst = countOn(NO_DST);
  return ok({
    between: (after, before, limit = Number.POSITIVE_INFINITY) =>
      expand(after, Math.min(before, untilUtc), noDst.last, limit),
    instants,
    lastStart: Math.min(untilFloating, untilUtc, noDst.last),
    countNotReached: noDst.notReached,
    scanHorizonMs: SCAN_HORIZON_MS[freq],
  });
}
