import { describe, expect, it } from 'vitest';
import { type Repeat, fromRrule, toRrule } from './recurrence';

describe('repeats as an operator picks them', () => {
  it('writes each as an RRULE and reads it back the same', () => {
    const cases: [Repeat, string | null, string | null][] = [
      [{ kind: 'once' }, null, null],
      [{ kind: 'daily' }, null, 'FREQ=DAILY'],
      [{ kind: 'weekdays' }, '2026-12-31', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261231T235959'],
      [{ kind: 'weekly', days: ['FR', 'MO'] }, null, 'FREQ=WEEKLY;BYDAY=MO,FR'],
      [{ kind: 'monthly-date' }, null, 'FREQ=MONTHLY'],
      [{ kind: 'monthly-nth', nth: 3, day: 'TH' }, null, 'FREQ=MONTHLY;BYDAY=3TH'],
      [{ kind: 'monthly-nth', nth: -1, day: 'FR' }, '2027-06-30', 'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630T235959'],
    ];
    for (const [repeat, until, rrule] of cases) {
      expect(toRrule(repeat, until)).toBe(rrule);
      const back = fromRrule(rrule);
      expect(toRrule(back.repeat, back.until)).toBe(rrule);
      expect(back.until).toBe(until);
    }
  });

  it('keeps a rule it cannot show as it was, rather than changing it', () => {
    const rule = 'FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=17';
    expect(fromRrule(rule)).toEqual({ repeat: { kind: 'custom', rrule: rule }, until: null });
    expect(toRrule(fromRrule(rule).repeat, null)).toBe(rule);
    expect(fromRrule('FREQ=DAILY;COUNT=5').repeat.kind).toBe('custom');
  });
});
