import { ErrorCode, type Result, err, ok } from '@baruga/protocol';

/**
 * RFC 5545 RRULE text to rule parts, strictly: every part the RFC's grammar (section 3.3.10) does not allow is
 * refused with a message that says what to write instead, never guessed at. A rule that other tools wrote must
 * mean here what it means there, and a rule that means nothing must not be saved.
 */

/** Frequencies, coarsest first (as rrule.js and dateutil number them). */
export const Freq = { YEARLY: 0, MONTHLY: 1, WEEKLY: 2, DAILY: 3, HOURLY: 4, MINUTELY: 5 } as const;
export type Freq = (typeof Freq)[keyof typeof Freq];

const FREQ_NAMES: Readonly<Record<string, Freq>> = Freq;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** A BYDAY entry: 0 = Monday … 6 = Sunday; `n` 0 for every such weekday, else the n-th (negative: from the end). */
export interface ByDay {
  weekday: number;
  n: number;
}

/** UNTIL as the rule wrote it: a UTC instant (`…Z`) or a wall-clock time read on the event's clock. */
export type Until = { kind: 'utc'; at: number } | { kind: 'floating'; at: number };

export interface RuleParts {
  freq: Freq;
  interval: number;
  count: number | null;
  until: Until | null;
  /** 0 = Monday … 6 = Sunday. */
  wkst: number;
  bysecond: number[] | null;
  byminute: number[] | null;
  byhour: number[] | null;
  byday: ByDay[] | null;
  bymonthday: number[] | null;
  byyearday: number[] | null;
  byweekno: number[] | null;
  bymonth: number[] | null;
  bysetpos: number[] | null;
}

export const MAX_COUNT = 5000;
export const MAX_INTERVAL = 1000;

function invalid(message: string): Result<never> {
  return err({ code: ErrorCode.invalidRrule, message: `invalid RRULE: ${message}` });
}

/** A list part: comma-separated integers in range; `signed` ones may be negative (never 0) and carry a sign. */
function intList(name: string, value: string, max: number, signed: boolean, min = 0): number[] | string {
  const out = new Set<number>();
  for (const item of value.split(',')) {
    const valid = signed ? /^[+-]?\d{1,3}$/.test(item) : /^\d{1,2}$/.test(item);
    const n = Number(item);
    if (!valid || (signed ? n === 0 || Math.abs(n) > max : n < min || n > max)) {
      return `${name} must list ${signed ? `±1…${max}` : `${min}…${max}`}, separated by commas; got "${item}"`;
    }
    out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

function byDayList(value: string): ByDay[] | string {
  const out: ByDay[] = [];
  for (const item of value.split(',')) {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!m) return `BYDAY must list days as MO, TU, WE, TH, FR, SA, SU (optionally numbered: 1MO, -1FR); got "${item}"`;
    const n = m[1] === undefined ? 0 : Number(m[1]);
    if (m[1] !== undefined && (n === 0 || Math.abs(n) > 53)) return `BYDAY numbers must be ±1…53; got "${item}"`;
    const weekday = WEEKDAYS.indexOf(m[2] as (typeof WEEKDAYS)[number]);
    if (!out.some((d) => d.weekday === weekday && d.n === n)) out.push({ weekday, n });
  }
  return out;
}

/** Days in a month (1…12) of a year after 1900. */
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** UNTIL: a date-time, in UTC (`Z`) or wall-clock; a real one (no 30 February, no 24:00). */
function untilValue(value: string): Until | string {
  if (/^\d{8}$/.test(value)) {
    return `UNTIL must be a date-time like ${value}T235959 (or ${value}T235959Z in UTC): the event starts at a time of day, so RFC 5545 wants UNTIL as a date-time too`;
  }
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(value);
  if (!m) return `UNTIL must look like 20251231T235959 (wall-clock) or 20251231T235959Z (UTC); got "${value}"`;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return `UNTIL=${value} is not a date in the calendar`;
  }
  if (hour > 23 || minute > 59 || second > 59) return `UNTIL=${value} is not a time of day (00:00:00…23:59:59)`;
  const at = Date.UTC(year, month - 1, day, hour, minute, second);
  return { kind: m[7] === 'Z' ? 'utc' : 'floating', at };
}

function positiveInt(name: string, value: string, max: number): number | string {
  const n = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : `${name} must be a whole number 1…${max}; got "${value}"`;
}

const PARTS = [
  'FREQ',
  'UNTIL',
  'COUNT',
  'INTERVAL',
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
] as const;
type PartName = (typeof PARTS)[number];

/** Splits the body into NAME=VALUE parts; a message when the text is not shaped like an RRULE at all. */
function splitParts(text: string): Map<PartName, string> | string {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (/[\r\n]/.test(body)) return 'one RRULE line only (EXDATE is a field of the event)';
  if (/(^|;)\s*(DTSTART|TZID)\b/i.test(body) || /TZID=/i.test(body)) {
    return 'DTSTART and TZID come from the event (start, timezone), not from the rule';
  }
  if (body === '') return 'the rule is empty; start with FREQ, e.g. FREQ=WEEKLY;BYDAY=FR';
  if (/\s/.test(body)) return 'spaces are not allowed in an RRULE; write FREQ=WEEKLY;BYDAY=MO,FR';
  const parts = new Map<PartName, string>();
  for (const part of body.toUpperCase().split(';')) {
    if (part === '') return 'an empty part (two semicolons, or one at the start or end)';
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (name === 'BYEASTER') return 'BYEASTER is not part of RFC 5545';
    if (name === 'FREQ' && value === 'SECONDLY') return 'FREQ=SECONDLY is finer than signage needs; use MINUTELY';
    if (!(PARTS as readonly string[]).includes(name)) {
      return `"${name}" is not an RRULE part; RFC 5545 has ${PARTS.join(', ')}`;
    }
    if (parts.has(name as PartName)) return `${name} is given twice; RFC 5545 allows each part once`;
    if (value === '') return `${name} needs a value, as in ${name === 'FREQ' ? 'FREQ=DAILY' : `${name}=…`}`;
    parts.set(name as PartName, value);
  }
  return parts;
}

/** Parses and checks an RRULE body; the message says what to fix. */
export function parseRule(text: string): Result<RuleParts> {
  const parts = splitParts(text);
  if (typeof parts === 'string') return invalid(parts);
  const freqText = parts.get('FREQ');
  if (freqText === undefined) return invalid('FREQ is required (YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY or MINUTELY)');
  const freq = FREQ_NAMES[freqText];
  if (freq === undefined) {
    return invalid(`FREQ must be YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY or MINUTELY; got "${freqText}"`);
  }
  const rule: RuleParts = {
    freq,
    interval: 1,
    count: null,
    until: null,
    wkst: 0,
    bysecond: null,
    byminute: null,
    byhour: null,
    byday: null,
    bymonthday: null,
    byyearday: null,
    byweekno: null,
    bymonth: null,
    bysetpos: null,
  };
  const lists: [
    PartName,
    'bysecond' | 'byminute' | 'byhour' | 'bymonthday' | 'byyearday' | 'byweekno',
    number,
    boolean,
  ][] = [
    ['BYSECOND', 'bysecond', 59, false],
    ['BYMINUTE', 'byminute', 59, false],
    ['BYHOUR', 'byhour', 23, false],
    ['BYMONTHDAY', 'bymonthday', 31, true],
    ['BYYEARDAY', 'byyearday', 366, true],
    ['BYWEEKNO', 'byweekno', 53, true],
  ];
  for (const [name, key, max, signed] of lists) {
    const value = parts.get(name);
    if (value === undefined) continue;
    const list = intList(name, value, max, signed);
    if (typeof list === 'string') return invalid(list);
    rule[key] = list;
  }
  for (const [name, value] of parts) {
    let problem: string | null = null;
    if (name === 'INTERVAL') {
      const n = positiveInt(name, value, MAX_INTERVAL);
      if (typeof n === 'string') problem = n;
      else rule.interval = n;
    } else if (name === 'COUNT') {
      const n = positiveInt(name, value, MAX_COUNT);
      if (typeof n === 'string') problem = n;
      else rule.count = n;
    } else if (name === 'UNTIL') {
      const until = untilValue(value);
      if (typeof until === 'string') problem = until;
      else rule.until = until;
    } else if (name === 'WKST') {
      const wkst = WEEKDAYS.indexOf(value as (typeof WEEKDAYS)[number]);
      if (wkst < 0) problem = `WKST must be one of ${WEEKDAYS.join(', ')}; got "${value}"`;
      else rule.wkst = wkst;
    } else if (name === 'BYMONTH') {
      const list = intList(name, value, 12, false, 1);
      if (typeof list === 'string') problem = list;
      else rule.bymonth = list;
    } else if (name === 'BYSETPOS') {
      const list = intList(name, value, 366, true);
      if (typeof list === 'string') problem = list;
      else rule.bysetpos = list;
    } else if (name === 'BYDAY') {
      const list = byDayList(value);
      if (typeof list === 'string') problem = list;
      else rule.byday = list;
    }
    if (problem !== null) return invalid(problem);
  }
  const conflict = conflicts(rule);
  return conflict === null ? ok(rule) : invalid(conflict);
}

/** The combinations RFC 5545 says MUST NOT appear. */
function conflicts(r: RuleParts): string | null {
  if (r.count !== null && r.until !== null) return 'COUNT and UNTIL cannot both be set (RFC 5545)';
  if (r.byweekno && r.freq !== Freq.YEARLY) return 'BYWEEKNO needs FREQ=YEARLY';
  if (r.byyearday && (r.freq === Freq.DAILY || r.freq === Freq.WEEKLY || r.freq === Freq.MONTHLY)) {
    return 'BYYEARDAY cannot be used with FREQ=DAILY, WEEKLY or MONTHLY';
  }
  if (r.bymonthday && r.freq === Freq.WEEKLY) return 'BYMONTHDAY cannot be used with FREQ=WEEKLY';
  if (r.byday?.some((d) => d.n !== 0)) {
    if (r.freq !== Freq.MONTHLY && r.freq !== Freq.YEARLY) {
      return 'a numbered BYDAY (like 1MO) needs FREQ=MONTHLY or FREQ=YEARLY';
    }
    if (r.byweekno) return 'a numbered BYDAY (like 1MO) cannot be used with BYWEEKNO';
  }
  const others = [r.bysecond, r.byminute, r.byhour, r.byday, r.bymonthday, r.byyearday, r.byweekno, r.bymonth];
  if (r.bysetpos && others.every((p) => p === null)) {
    return 'BYSETPOS picks from the set the other BYxxx parts make, so it needs one of them (e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1)';
  }
  return null;
}
