import { describe, expect, it } from 'vitest';
import { checkEvent } from './feasibility';
import { compileRecurrence } from './recurrence';
import { event, scheduleFor } from './test-support';
import { timeline } from './timeline';
import { DAY_MS } from './zoned-time';

/**
 * RFC 5545 cases checked by hand: what issue #14 found (each one failed before the fix), and the shapes the
 * differential test cannot ask ical.js about because ical.js is wrong on them. Times are New York's unless said:
 * 2026-03-08 02:00 EST → 03:00 EDT, 2026-11-01 02:00 EDT → 01:00 EST.
 */

const NY = 'America/New_York';
const f = (local: string) => Date.parse(`${local}Z`);
const utc = (iso: string) => new Date(iso).toISOString().slice(0, 16);
const show = (ms: number) => new Date(ms).toISOString().slice(0, 16);

function compiled(rule: string, dtstart: string) {
  const c = compileRecurrence(rule, f(dtstart));
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
}
/** Wall-clock starts over the years after DTSTART, on a clock without DST. */
const starts = (rule: string, dtstart: string, years = 3) =>
  compiled(rule, dtstart)
    .between(f(dtstart), f(dtstart) + years * 366 * DAY_MS)
    .map(show);
/** Instants (as UTC) over the days after DTSTART, on New York's clock. */
const instants = (rule: string, dtstart: string, days = 30) =>
  compiled(rule, dtstart)
    .instants(NY, f(dtstart), f(dtstart) + days * DAY_MS)
    .map(show);

describe('BYSETPOS picks members of each period’s set (RFC 5545 3.3.10)', () => {
  it('picks nothing for a negative position past the set’s size', () => {
    // Each month's set is {the 1st}: there is no second-to-last.
    expect(starts('FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=-2', '2026-01-01T09:00')).toEqual([]);
    // Weekdays among the 1st and 2nd: at most two, never a third-to-last.
    expect(starts('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYMONTHDAY=1,2;BYSETPOS=-3', '2026-01-01T09:00')).toEqual([]);
  });

  it('emits a day once when two positions land on it, and COUNT counts it once', () => {
    // The set is {the last day}: -2 is past it and -1 is it.
    expect(starts('FREQ=MONTHLY;BYMONTHDAY=-1;BYSETPOS=-2,-1;COUNT=4', '2026-01-31T09:00')).toEqual([
      '2026-01-31T09:00',
      '2026-02-28T09:00',
      '2026-03-31T09:00',
      '2026-04-30T09:00',
    ]);
  });

  it('counts in the whole year for YEARLY, not per month (ical.js counts per month)', () => {
    expect(starts('FREQ=YEARLY;BYMONTH=1,2;BYDAY=MO;BYSETPOS=-1', '2026-01-01T09:00', 2)).toEqual([
      '2026-02-23T09:00',
      '2027-02-22T09:00',
    ]);
  });

  it('counts in the whole week for WEEKLY, DTSTART’s too (rrule.js and dateutil start that week at DTSTART)', () => {
    // The week's set is {MO, WE, FR}; the second is Wednesday, also in the week DTSTART (a Wednesday) is in.
    expect(starts('FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=2', '2026-01-07T09:00').slice(0, 3)).toEqual([
      '2026-01-07T09:00',
      '2026-01-14T09:00',
      '2026-01-21T09:00',
    ]);
  });

  it('counts times of day as members too, and a negative position reaches the 1st (ical.js misses both)', () => {
    expect(starts('FREQ=MONTHLY;BYDAY=MO;BYHOUR=9,17;BYSETPOS=-1', '2026-01-01T09:00').slice(0, 2)).toEqual([
      '2026-01-26T17:00',
      '2026-02-23T17:00',
    ]);
    expect(starts('FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-4', '2019-01-04T09:00', 1).slice(0, 3)).toEqual([
      '2019-01-04T09:00',
      '2019-02-01T09:00',
      '2019-03-08T09:00',
    ]);
  });
});

describe('other shapes ical.js gets wrong', () => {
  it('expands YEARLY BYMONTHDAY to every month and skips days a month lacks', () => {
    expect(starts('FREQ=YEARLY;BYMONTHDAY=31', '2026-01-31T09:00', 1)).toEqual([
      ...['01', '03', '05', '07', '08', '10', '12'].map((m) => `2026-${m}-31T09:00`),
      '2027-01-31T09:00',
    ]);
    expect(starts('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2024-02-29T09:00', 5)).toEqual([
      '2024-02-29T09:00',
      '2028-02-29T09:00',
    ]);
    expect(starts('FREQ=YEARLY;BYMONTH=1,4;BYMONTHDAY=-1', '2026-01-31T09:00', 1)).toEqual([
      '2026-01-31T09:00',
      '2026-04-30T09:00',
      '2027-01-31T09:00',
    ]);
  });

  it('reads a numbered BYDAY in a YEARLY rule without BYMONTH within the year', () => {
    expect(starts('FREQ=YEARLY;BYDAY=20MO', '2026-01-01T09:00', 2)).toEqual(['2026-05-18T09:00', '2027-05-17T09:00']);
  });

  it('gives every time of day of a YEARLY rule with BYDAY', () => {
    expect(starts('FREQ=YEARLY;BYMONTH=1;BYDAY=1MO;BYHOUR=9,17', '2026-01-01T09:00', 1)).toEqual([
      '2026-01-05T09:00',
      '2026-01-05T17:00',
    ]);
  });

  it('numbers weeks from WKST with week 1 the first with four days of the year (BYWEEKNO)', () => {
    // 2026-01-01 is a Thursday: week 1 runs from Monday 2025-12-29; the YEARLY period is the calendar year.
    expect(starts('FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO,TH', '2026-01-01T09:00', 1)).toEqual(['2026-01-01T09:00']);
    expect(starts('FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO', '2026-01-01T09:00', 1)).toEqual(['2026-12-28T09:00']);
  });
});

describe('COUNT, gaps and overlaps (RFC 5545 3.3.5 and 3.3.10), in New York', () => {
  it('ignores a start in the spring-forward gap and does not count it', () => {
    // 02:30 on 8 March does not exist: five instances are 6, 7, 9, 10 and 11 March.
    expect(instants('FREQ=DAILY;COUNT=5', '2026-03-06T02:30')).toEqual([
      utc('2026-03-06T02:30-05:00'),
      utc('2026-03-07T02:30-05:00'),
      utc('2026-03-09T02:30-04:00'),
      utc('2026-03-10T02:30-04:00'),
      utc('2026-03-11T02:30-04:00'),
    ]);
  });

  it('plays a start in the fall-back overlap once, at its first reading, and counts it once', () => {
    expect(instants('FREQ=DAILY;COUNT=3', '2026-10-31T01:30')).toEqual([
      utc('2026-10-31T01:30-04:00'),
      utc('2026-11-01T01:30-04:00'),
      utc('2026-11-02T01:30-05:00'),
    ]);
    // Wall-clock hours 00:30, 01:30, 02:30, 03:30: two hours pass between the second and the third.
    expect(instants('FREQ=HOURLY;COUNT=4', '2026-11-01T00:30', 1)).toEqual([
      utc('2026-11-01T00:30-04:00'),
      utc('2026-11-01T01:30-04:00'),
      utc('2026-11-01T02:30-05:00'),
      utc('2026-11-01T03:30-05:00'),
    ]);
  });

  it('plays as often as COUNT says on a New York screen, across both changes', () => {
    const plays = (rule: string, start: string, from: string, to: string) => {
      const s = scheduleFor([event({ id: 'c', start, rrule: rule, durationMinutes: 10 })], {
        screen: { timezone: NY },
      });
      return timeline(s, Date.parse(from), Date.parse(to)).segments.filter((x) => x.playlistId === 'pl').length;
    };
    expect(plays('FREQ=DAILY;COUNT=5', '2026-03-06T02:30', '2026-03-05T00:00Z', '2026-03-20T00:00Z')).toBe(5);
    expect(plays('FREQ=DAILY;COUNT=3', '2026-10-31T01:30', '2026-10-30T00:00Z', '2026-11-10T00:00Z')).toBe(3);
    expect(plays('FREQ=HOURLY;COUNT=4', '2026-11-01T00:30', '2026-10-31T00:00Z', '2026-11-03T00:00Z')).toBe(4);
  });

  it('ends a COUNT where the zone’s clock has it end, and where a clock without DST does', () => {
    const rule = compiled('FREQ=DAILY;COUNT=3', '2026-03-07T02:30');
    expect(rule.instants(NY, f('2026-03-01T00:00'), f('2026-04-01T00:00')).map(show)).toEqual([
      utc('2026-03-07T02:30-05:00'),
      utc('2026-03-09T02:30-04:00'),
      utc('2026-03-10T02:30-04:00'),
    ]);
    expect(show(rule.lastStart)).toBe('2026-03-09T02:30');
    expect(rule.instants('Asia/Makassar', f('2026-03-01T00:00'), f('2026-04-01T00:00'))).toHaveLength(3);
  });
});

describe('UNTIL in UTC and in wall-clock time', () => {
  it('accepts a UTC UNTIL (what calendars export for zoned events) and compares instants', () => {
    // 10 March 01:30 EDT is 05:30Z, before 06:00Z; 11 March's is after.
    expect(instants('FREQ=DAILY;UNTIL=20260310T060000Z', '2026-03-06T01:30')).toEqual([
      utc('2026-03-06T01:30-05:00'),
      utc('2026-03-07T01:30-05:00'),
      utc('2026-03-08T01:30-05:00'),
      utc('2026-03-09T01:30-04:00'),
      utc('2026-03-10T01:30-04:00'),
    ]);
    // On a Makassar clock the same kind of rule ends at another wall-clock start: 10 March 13:30 WITA is 05:30Z.
    const makassar = compiled('FREQ=DAILY;UNTIL=20260310T050000Z', '2026-03-06T13:30');
    expect(makassar.instants('Asia/Makassar', f('2026-03-01T00:00'), f('2026-04-01T00:00')).map(show)).toEqual(
      ['06', '07', '08', '09'].map((d) => `2026-03-${d}T05:30`),
    );
  });

  it('reads a wall-clock UNTIL on the clock, inclusively', () => {
    expect(instants('FREQ=DAILY;UNTIL=20260308T013000', '2026-03-06T01:30')).toHaveLength(3);
  });
});

describe('the pre-save check reads the event on its own zone’s clock', () => {
  const context = { dayparts: [], playlistDurations: { default: 60_000, pl: 60_000 } };
  const now = f('2026-01-01T00:00');
  const check = (fields: Parameters<typeof event>[0]) => {
    const result = checkEvent(event({ timezone: NY, ...fields }), context, now);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('warns never-fires for a one-off inside the spring-forward gap, which the timeline never plays', () => {
    const byEnd = check({ id: 'gap', start: '2026-03-08T02:15', end: '2026-03-08T02:45' });
    expect(byEnd.firstActive).toBeNull();
    expect(byEnd.warnings.map((w) => w.code)).toEqual(['never-fires']);
    const byLength = check({ id: 'gap', start: '2026-03-08T02:15', durationMinutes: 30 });
    expect(byLength.firstActive).toBeNull();
    expect(byLength.warnings.map((w) => w.code)).toEqual(['never-fires']);
    const s = scheduleFor([event({ id: 'gap', start: '2026-03-08T02:15', durationMinutes: 30, timezone: NY })]);
    const day = timeline(s, Date.parse('2026-03-08T05:00Z'), Date.parse('2026-03-09T05:00Z'));
    expect(day.segments.map((x) => x.playlistId)).toEqual(['default']);
  });

  it('names the first start the clock reads for COUNT=1 at a time in the gap: the next day’s (not counted)', () => {
    const fields = { id: 'once', start: '2026-03-08T02:30', rrule: 'FREQ=DAILY;COUNT=1', durationMinutes: 10 };
    const once = check(fields);
    expect(once.warnings).toEqual([]);
    expect(once.firstActive).toBe('2026-03-09T02:30:00');
    const s = scheduleFor([event({ ...fields, timezone: NY })]);
    const played = timeline(s, Date.parse('2026-03-08T05:00Z'), Date.parse('2026-03-11T05:00Z')).segments.filter(
      (x) => x.playlistId === 'pl',
    );
    expect(played.map((x) => new Date(x.start).toISOString())).toEqual(['2026-03-09T06:30:00.000Z']);
  });

  it('gives firstActive on the event’s clock, in the fall-back overlap its first reading', () => {
    const overlap = check({ id: 'fb', start: '2026-11-01T01:15', end: '2026-11-01T01:45' });
    expect(overlap.firstActive).toBe('2026-11-01T01:15:00');
    const s = scheduleFor([event({ id: 'fb', start: '2026-11-01T01:15', end: '2026-11-01T01:45', timezone: NY })]);
    const played = timeline(s, Date.parse('2026-11-01T04:00Z'), Date.parse('2026-11-01T08:00Z')).segments.filter(
      (x) => x.playlistId === 'pl',
    );
    expect(played.map((x) => `${new Date(x.start).toISOString()}–${new Date(x.end).toISOString()}`)).toEqual([
      '2026-11-01T05:15:00.000Z–2026-11-01T05:45:00.000Z',
    ]);
  });
});
