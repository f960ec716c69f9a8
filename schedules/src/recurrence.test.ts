import { describe, expect, it } from 'vitest';
import { compileRecurrence } from './recurrence';
import { DAY_MS } from './zoned-time';

const f = (local: string) => Date.parse(`${local}Z`);
const show = (ms: number) => new Date(ms).toISOString().slice(0, 16);

function expand(rule: string, dtstart: string, limit: number): string[] {
  const compiled = compileRecurrence(rule, f(dtstart));
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.value.between(f(dtstart), f(dtstart) + 20 * 366 * DAY_MS, limit).map(show);
}

describe('expansion near the window, never from DTSTART', () => {
  it('gives the same occurrences far from DTSTART as expanding from DTSTART does', () => {
    const rule = 'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR;BYHOUR=8,17';
    const compiled = compileRecurrence(rule, f('2020-02-03T08:00'));
    if (!compiled.ok) throw new Error(compiled.error.message);
    const from = f('2025-10-01T00:00');
    const to = f('2025-12-01T00:00');
    const fromDtstart = compiled.value.between(f('2020-02-03T08:00'), to).filter((t) => t >= from);
    expect(compiled.value.between(from, to)).toEqual(fromDtstart);
    expect(fromDtstart.map(show).slice(0, 4)).toEqual([
      '2025-10-13T08:00',
      '2025-10-13T17:00',
      '2025-10-17T08:00',
      '2025-10-17T17:00',
    ]);
  });

  it('keeps the INTERVAL rhythm of MINUTELY across hours BYHOUR excludes (RFC 5545; rrule.js drifts here)', () => {
    // Steps are 09:00 + k × 17 min. The next step inside 09:00–10:59 on the next day is 1445 min later: 09:05.
    const got = expand('FREQ=MINUTELY;INTERVAL=17;BYHOUR=9,10', '2025-01-01T09:00', 9);
    expect(got).toEqual([
      '2025-01-01T09:00',
      '2025-01-01T09:17',
      '2025-01-01T09:34',
      '2025-01-01T09:51',
      '2025-01-01T10:08',
      '2025-01-01T10:25',
      '2025-01-01T10:42',
      '2025-01-01T10:59',
      '2025-01-02T09:05',
    ]);
  });

  it('turns COUNT into the last occurrence once, at compile time', () => {
    const compiled = compileRecurrence('FREQ=WEEKLY;BYDAY=FR;COUNT=3', f('2025-01-03T11:30'));
    if (!compiled.ok) throw new Error(compiled.error.message);
    expect(show(compiled.value.lastStart)).toBe('2025-01-17T11:30');
    expect(compiled.value.between(f('2025-01-01T00:00'), f('2026-01-01T00:00')).map(show)).toEqual([
      '2025-01-03T11:30',
      '2025-01-10T11:30',
      '2025-01-17T11:30',
    ]);
  });

  it('reads BY lists in any order (BYMINUTE=45,0 is BYMINUTE=0,45)', () => {
    const dtstart = f('2019-01-01T00:00');
    const window = [f('2018-12-28T05:00'), f('2019-01-03T00:00')] as const;
    const occurrences = (rule: string) => {
      const compiled = compileRecurrence(rule, dtstart);
      if (!compiled.ok) throw new Error(compiled.error.message);
      return compiled.value.between(...window).map(show);
    };
    const expected = [
      '2019-01-01T00:00',
      '2019-01-01T00:45',
      '2019-01-02T00:00',
      '2019-01-02T00:45',
      '2019-01-03T00:00',
    ];
    expect(occurrences('FREQ=DAILY;BYMINUTE=45,0')).toEqual(expected);
    expect(occurrences('FREQ=DAILY;BYMINUTE=0,45')).toEqual(expected);
    expect(occurrences('FREQ=DAILY;BYHOUR=17,8;BYMINUTE=30')).toEqual(
      occurrences('FREQ=DAILY;BYHOUR=8,17;BYMINUTE=30'),
    );
  });
});

describe('rule validation', () => {
  const bad: [string, RegExp][] = [
    ['FREQ=FOO', /FREQ|frequency/i],
    ['BYDAY=MO', /FREQ is required/],
    ['FREQ=DAILY;FOO=1', /"FOO" is not an RRULE part/],
    ['FREQ=DAILY;BYHOUR=25', /BYHOUR/],
    ['FREQ=DAILY;BYMINUTE=61', /BYMINUTE/],
    ['FREQ=MONTHLY;BYMONTHDAY=40', /BYMONTHDAY/],
    ['FREQ=DAILY;COUNT=abc', /COUNT/],
    ['FREQ=DAILY;INTERVAL=0', /INTERVAL/],
    ['FREQ=DAILY;COUNT=3;UNTIL=20250101T000000', /COUNT and UNTIL/],
    ['FREQ=WEEKLY;BYDAY=1MO', /numbered BYDAY/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY/],
    ['FREQ=WEEKLY;WKST=XX', /WKST must be one of MO, TU/],
    ['FREQ=DAILY;FREQ=WEEKLY', /FREQ is given twice/],
    ['FREQ=DAILY;UNTIL=20260230T000000', /not a date in the calendar/],
    ['FREQ=DAILY;UNTIL=20260101T240000', /not a time of day/],
    ['FREQ=DAILY;UNTIL=20260101', /UNTIL must be a date-time like 20260101T235959/],
    ['FREQ', /FREQ needs a value/],
    ['', /empty/],
    ['FREQ=DAILY;;COUNT=2', /empty part/],
    ['FREQ=DAILY; COUNT=2', /spaces/],
    ['FREQ=DAILY;BYSETPOS=1', /BYSETPOS .* needs one of them/],
    ['FREQ=MONTHLY;BYDAY=0MO', /BYDAY/],
    ['FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO', /numbered BYDAY .* BYWEEKNO/],
    ['FREQ=MONTHLY;BYSETPOS=0;BYDAY=MO', /BYSETPOS must list ±1…366/],
    ['FREQ=DAILY;INTERVAL=1.5', /INTERVAL must be a whole number/],
    ['FREQ=SECONDLY', /SECONDLY/],
    ['FREQ=DAILY;BYWEEKNO=20', /BYWEEKNO needs FREQ=YEARLY/],
    ['FREQ=MONTHLY;BYYEARDAY=100', /BYYEARDAY/],
    ['FREQ=WEEKLY;BYMONTHDAY=1', /BYMONTHDAY/],
    ['FREQ=YEARLY;BYEASTER=0', /BYEASTER/],
    ['DTSTART:20250101T000000\nRRULE:FREQ=DAILY', /one RRULE line|DTSTART/],
    ['FREQ=DAILY;TZID=Asia/Jakarta', /TZID/],
  ];
  for (const [rule, message] of bad) {
    it(`refuses ${JSON.stringify(rule)} with a stable code and a reason`, () => {
      const compiled = compileRecurrence(rule, f('2025-01-01T00:00'));
      expect(compiled.ok).toBe(false);
      if (compiled.ok) return;
      expect(compiled.error.code).toBe('BARUGA_ERR_INVALID_RRULE');
      expect(compiled.error.message).toMatch(message);
    });
  }

  it('accepts an "RRULE:" prefix', () => {
    expect(compileRecurrence('RRULE:FREQ=DAILY', f('2025-01-01T00:00')).ok).toBe(true);
  });
});
