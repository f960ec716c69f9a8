import { ErrorCode, type Result, err, ok } from '@baruga/protocol';
import { RRule, type RRuleOptions, Weekday } from './rrule-lib';
import { type Expander, type RuleShape, dayExpander, subDailyExpander } from './calendar';
import { DAY_MS, weekdayOf } from './zoned-time';

/**
 * RFC 5545 recurrence rules: parsed by rrule, expanded near the query window, never from DTSTART.
 *
 * Expanding from DTSTART costs time in proportion to the rule's age (milliseconds per event for a rule a year
 * old), and rrule's TZID path far more, so neither may run on the hot path. All times here are floating
 * (wall-clock, see zoned-time.ts), and an expansion visits only the recurrence periods that meet the window:
 * DAILY, WEEKLY, HOURLY and MINUTELY rules by calendar arithmetic (calendar.ts), MONTHLY and YEARLY rules by
 * asking rrule for one period at a time, with a DTSTART at that period's start, every default rrule would
 * have taken from the original DTSTART (BYMONTHDAY, the time of day…) written out, and an INTERVAL so large
 * that rrule stops after the one period, even when the rule never matches. Property tests hold both paths to
 * plain rrule counting from DTSTART.
 *
 * COUNT is the one part defined by counting from DTSTART: it becomes the equivalent UNTIL once, at compile.
 */

/** rrule's frequency numbers. */
const Freq = { YEARLY: 0, MONTHLY: 1, WEEKLY: 2, DAILY: 3, HOURLY: 4, MINUTELY: 5, SECONDLY: 6 } as const;
type Freq = (typeof Freq)[keyof typeof Freq];

export interface Recurrence {
  /** Occurrence starts (floating ms) in [after, before], ascending; at most `limit` of them. */
  between(after: number, before: number, limit?: number): number[];
  /** The last occurrence start when the rule ends (UNTIL or COUNT), else +Infinity. */
  readonly lastStart: number;
  /** COUNT could not be reached within the scan horizon; the rule is treated as ending there. */
  readonly countNotReached: boolean;
  /** How far ahead a search for the next occurrence may reasonably look (the finer the rule, the less). */
  readonly scanHorizonMs: number;
}

const MAX_COUNT = 5000;
const MAX_INTERVAL = 1000;
/** rrule's own calendar ends at year 9999; ours (LocalDateTime) at 2200. */
const HORIZON = Date.UTC(2201, 0, 1);

type Parsed = Partial<RRuleOptions>;

function invalid(message: string): Result<never> {
  return err({ code: ErrorCode.invalidRrule, message: `invalid RRULE: ${message}` });
}

function asList(value: unknown): unknown[] | null {
  if (value === null || value === undefined) return null;
  return Array.isArray(value) ? value : [value];
}

/** Whether every value of a BYxxx part is an integer in range (negative too where RFC 5545 allows it). */
function checkRange(parsed: Parsed, key: keyof Parsed, name: string, max: number, signed: boolean): string | null {
  for (const v of asList(parsed[key]) ?? []) {
    const valid =
      typeof v === 'number' && Number.isInteger(v) && (signed ? v !== 0 && Math.abs(v) <= max : v >= 0 && v <= max);
    if (!valid) return `${name} must be ${signed ? `±1…${max}` : `0…${max}`}, got ${String(v)}`;
  }
  return null;
}

/** Parses and checks an RRULE body; the message says what to fix. */
function parseRule(text: string): Result<Parsed> {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (/[\r\n]/.test(body)) return invalid('one RRULE line only (EXDATE is a field of the event)');
  if (/(^|;)\s*(DTSTART|TZID)\b/i.test(body) || /TZID=/i.test(body)) {
    return invalid('DTSTART and TZID come from the event (start, timezone), not from the rule');
  }
  if (/(^|;)UNTIL=[^;]*Z/i.test(body)) {
    return invalid('UNTIL must be wall-clock time without Z; the event timezone decides the instant');
  }
  let parsed: Parsed;
  try {
    parsed = RRule.parseString(body);
  } catch (error) {
    return invalid(error instanceof Error ? error.message : String(error));
  }
  if (parsed.freq === undefined || parsed.freq === null) return invalid('FREQ is required');
  if (parsed.freq === Freq.SECONDLY) return invalid('FREQ=SECONDLY is finer than signage needs; use MINUTELY');
  if (parsed.interval !== undefined && parsed.interval !== null) {
    if (!Number.isInteger(parsed.interval) || parsed.interval < 1 || parsed.interval > MAX_INTERVAL) {
      return invalid(`INTERVAL must be 1…${MAX_INTERVAL}`);
    }
  }
  if (parsed.count !== undefined && parsed.count !== null) {
    if (!Number.isInteger(parsed.count) || parsed.count < 1 || parsed.count > MAX_COUNT) {
      return invalid(`COUNT must be 1…${MAX_COUNT}`);
    }
    if (parsed.until) return invalid('COUNT and UNTIL cannot both be set (RFC 5545)');
  }
  const problems = [
    checkRange(parsed, 'bymonthday', 'BYMONTHDAY', 31, true),
    checkRange(parsed, 'byyearday', 'BYYEARDAY', 366, true),
    checkRange(parsed, 'byweekno', 'BYWEEKNO', 53, true),
    checkRange(parsed, 'bysetpos', 'BYSETPOS', 366, true),
    checkRange(parsed, 'byhour', 'BYHOUR', 23, false),
    checkRange(parsed, 'byminute', 'BYMINUTE', 59, false),
    checkRange(parsed, 'bysecond', 'BYSECOND', 59, false),
  ].filter((p) => p !== null);
  for (const m of asList(parsed.bymonth) ?? []) {
    if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 12)
      problems.push(`BYMONTH must be 1…12, got ${String(m)}`);
  }
  if (problems[0]) return invalid(problems[0]);
  // Where RFC 5545 says a part MUST NOT appear, say so rather than guess what was meant.
  if (parsed.byweekno && parsed.freq !== Freq.YEARLY) return invalid('BYWEEKNO needs FREQ=YEARLY');
  if (parsed.byyearday && (parsed.freq === Freq.DAILY || parsed.freq === Freq.WEEKLY || parsed.freq === Freq.MONTHLY)) {
    return invalid('BYYEARDAY cannot be used with FREQ=DAILY, WEEKLY or MONTHLY');
  }
  if (parsed.bymonthday && parsed.freq === Freq.WEEKLY) return invalid('BYMONTHDAY cannot be used with FREQ=WEEKLY');
  if ((parsed.byeaster ?? null) !== null) return invalid('BYEASTER is not part of RFC 5545');
  for (const day of asList(parsed.byweekday) ?? []) {
    if (!(day instanceof Weekday))
      return invalid('BYDAY must list days as MO, TU, WE, TH, FR, SA, SU (optionally 1MO, -1FR)');
    if (day.n !== undefined && day.n !== null && day.n !== 0) {
      if (parsed.freq !== Freq.MONTHLY && parsed.freq !== Freq.YEARLY) {
        return invalid('a numbered BYDAY (like 1MO) needs FREQ=MONTHLY or FREQ=YEARLY');
      }
      if (!Number.isInteger(day.n) || Math.abs(day.n) > 53) return invalid('BYDAY numbers must be ±1…53');
    }
  }
  return ok(parsed);
}

/** Every option of a parsed rule written out, so a new DTSTART changes nothing but where iteration begins. */
function explicitOptions(rule: RRule): Parsed {
  const o = rule.options;
  const nonEmpty = <T>(list: T[] | null | undefined): T[] | null => (list && list.length > 0 ? list : null);
  return {
    freq: o.freq,
    interval: o.interval,
    wkst: o.wkst,
    until: o.until,
    bysetpos: nonEmpty(o.bysetpos),
    bymonth: nonEmpty(o.bymonth),
    bymonthday: nonEmpty([...(o.bymonthday ?? []), ...(o.bynmonthday ?? [])]),
    byyearday: nonEmpty(o.byyearday),
    byweekno: nonEmpty(o.byweekno),
    byweekday: nonEmpty([
      ...(o.byweekday ?? []).map((d) => new Weekday(d)),
      ...(o.bynweekday ?? []).map(([d, n]) => new Weekday(d as number, n)),
    ]),
    byhour: nonEmpty(o.byhour),
    byminute: nonEmpty(o.byminute),
    bysecond: nonEmpty(o.bysecond),
    byeaster: o.byeaster,
  };
}

/** Start of the MONTHLY or YEARLY period (counted in INTERVALs from DTSTART's) that contains `t`. */
function periodStart(freq: Freq, interval: number, dtstart: number, t: number): number {
  const d0 = new Date(dtstart);
  const d = new Date(t);
  if (freq === Freq.YEARLY) {
    const y0 = d0.getUTCFullYear();
    return Date.UTC(y0 + Math.floor((d.getUTCFullYear() - y0) / interval) * interval, 0, 1);
  }
  const m0 = d0.getUTCFullYear() * 12 + d0.getUTCMonth();
  const m = m0 + Math.floor((d.getUTCFullYear() * 12 + d.getUTCMonth() - m0) / interval) * interval;
  return Date.UTC(Math.floor(m / 12), m % 12, 1);
}

const toDate = (ms: number) => new Date(ms);

/** Compiles an RRULE for a floating DTSTART. */
export function compileRecurrence(text: string, dtstart: number): Result<Recurrence> {
  const parsed = parseRule(text);
  if (!parsed.ok) return parsed;
  const { count, ...rest } = parsed.value;
  const freq = rest.freq as Freq;
  const interval = rest.interval ?? 1;
  let until = rest.until ? rest.until.getTime() : Number.POSITIVE_INFINITY;
  let expandPeriods: Expander;
  if (CALENDAR.has(freq)) {
    expandPeriods = calendarExpander(rest, freq, dtstart);
  } else {
    let base: RRule;
    try {
      base = new RRule({ ...rest, dtstart: toDate(dtstart) }, true);
    } catch (error) {
      return invalid(error instanceof Error ? error.message : String(error));
    }
    expandPeriods = periodExpander(explicitOptions(base), freq, interval, dtstart);
  }

  function expand(after: number, before: number, limit: number): number[] {
    const lo = Math.max(after, dtstart);
    const hi = Math.min(before, until);
    if (lo > hi || limit <= 0) return [];
    return expandPeriods(lo, hi, limit);
  }

  let countNotReached = false;
  if (count) {
    // The one expansion that starts at DTSTART: once per compile, stopping at COUNT.
    const chunk = COUNT_CHUNK[freq] ?? 366 * DAY_MS;
    let seen = 0;
    let last = Number.NEGATIVE_INFINITY;
    let from = dtstart;
    const horizon = Math.min(HORIZON, dtstart + SCAN_HORIZON_MS[freq]);
    for (; seen < count && from < horizon;) {
      const found = expand(from, from + chunk - 1, count - seen);
      seen += found.length;
      if (found.length > 0) last = found[found.length - 1] as number;
      from += chunk;
    }
    countNotReached = seen < count;
    until = countNotReached ? from - 1 : last;
  }

  return ok({
    between: (after, before, limit = Number.POSITIVE_INFINITY) => expand(after, before, limit),
    lastStart: until,
    countNotReached,
    scanHorizonMs: SCAN_HORIZON_MS[freq],
  });
}

const COUNT_CHUNK: Partial<Record<Freq, number>> = {
  [Freq.YEARLY]: 20 * 366 * DAY_MS,
  [Freq.MONTHLY]: 5 * 366 * DAY_MS,
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
  [Freq.SECONDLY]: DAY_MS,
};

const numbers = (v: unknown): number[] | null => {
  const list = asList(v);
  return list && list.length > 0 ? (list as number[]) : null;
};

const CALENDAR: ReadonlySet<Freq> = new Set([Freq.DAILY, Freq.WEEKLY, Freq.HOURLY, Freq.MINUTELY]);

/**
 * DAILY, WEEKLY, HOURLY and MINUTELY rules by calendar arithmetic, from the parsed rule and the defaults RFC 5545
 * (and rrule) take from DTSTART: its weekday for a WEEKLY rule without BYDAY, its time of day for whatever finer
 * parts the rule leaves out.
 */
function calendarExpander(o: Parsed, freq: Freq, dtstart: number): Expander {
  const start = new Date(dtstart);
  const weekdays = (asList(o.byweekday) ?? []) as InstanceType<typeof Weekday>[];
  const wkst = o.wkst as unknown;
  const shape: RuleShape = {
    freq,
    interval: o.interval ?? 1,
    wkst: typeof wkst === 'number' ? wkst : wkst instanceof Weekday ? wkst.weekday : 0,
    byhour: numbers(o.byhour) ?? (freq < Freq.HOURLY ? [start.getUTCHours()] : null),
    byminute: numbers(o.byminute) ?? (freq < Freq.MINUTELY ? [start.getUTCMinutes()] : null),
    bysecond: numbers(o.bysecond) ?? [start.getUTCSeconds()],
    bymonth: numbers(o.bymonth),
    bymonthday: numbers(o.bymonthday),
    byyearday: numbers(o.byyearday),
    byweekday:
      weekdays.length > 0
        ? weekdays.map((d) => d.weekday)
        : freq === Freq.WEEKLY && !o.bymonthday && !o.byyearday
          ? [weekdayOf(dtstart)]
          : null,
    bysetpos: numbers(o.bysetpos),
  };
  return freq === Freq.HOURLY || freq === Freq.MINUTELY
    ? subDailyExpander(shape, dtstart)
    : dayExpander(shape, dtstart);
}

/** Far enough that rrule's next period lies past its year 9999, where it stops. */
const ONE_PERIOD_INTERVAL: Partial<Record<Freq, number>> = { [Freq.YEARLY]: 100_000, [Freq.MONTHLY]: 1_200_000 };

/**
 * MONTHLY and YEARLY rules through rrule, one period at a time: each period gets its own rule starting there
 * that cannot go on to a second period, so the cost is per period in the window, matches or not.
 */
function periodExpander(options: Parsed, freq: Freq, interval: number, dtstart: number): Expander {
  const onePeriod = { ...options, interval: ONE_PERIOD_INTERVAL[freq] ?? 1 };
  const rules = new Map<number, RRule>();
  const ruleFor = (period: number) => {
    let rule = rules.get(period);
    if (!rule) {
      // A timeline asks about the same few periods for every screen; keep a handful.
      if (rules.size >= 8) rules.delete(rules.keys().next().value as number);
      rule = new RRule({ ...onePeriod, dtstart: toDate(Math.max(period, dtstart)) }, true);
      rules.set(period, rule);
    }
    return rule;
  };
  return (lo, hi, limit) => {
    const out: number[] = [];
    for (
      let period = periodStart(freq, interval, dtstart, lo);
      period <= hi;
      period = nextPeriod(freq, interval, period)
    ) {
      const found = ruleFor(period).between(toDate(lo), toDate(hi), true, (_d, i) => out.length + i < limit);
      for (const d of found) out.push(d.getTime());
      if (out.length >= limit) break;
    }
    return out;
  };
}

function nextPeriod(freq: Freq, interval: number, period: number): number {
  const d = new Date(period);
  return freq === Freq.YEARLY
    ? Date.UTC(d.getUTCFullYear() + interval, 0, 1)
    : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + interval, 1);
}
