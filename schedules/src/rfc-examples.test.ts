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

/** "Sep 2,4,9 1997 09:00" style lists from RFC 5545, written out. */
const days = (year: number, month: number, list: number[], time = '09:00') =>
  list.map((d) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}T${time}`);

describe('RFC 5545 recurrence examples (section 3.8.5.3), in floating time', () => {
  // The RFC's DTSTART is 09:00 America/New_York: as wall-clock times, what a screen's clock shows.
  const cases: { name: string; rule: string; dtstart: string; expected: string[]; all?: boolean }[] = [
    {
      name: 'daily for 10 occurrences',
      rule: 'FREQ=DAILY;COUNT=10',
      dtstart: '1997-09-02T09:00',
      expected: days(1997, 9, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
      all: true,
    },
    {
      name: 'every other day',
      rule: 'FREQ=DAILY;INTERVAL=2',
      dtstart: '1997-09-02T09:00',
      expected: days(1997, 9, [2, 4, 6, 8, 10, 12]),
    },
    {
      name: 'every 10 days, 5 occurrences',
      rule: 'FREQ=DAILY;INTERVAL=10;COUNT=5',
      dtstart: '1997-09-02T09:00',
      expected: [...days(1997, 9, [2, 12, 22]), ...days(1997, 10, [2, 12])],
      all: true,
    },
    {
      name: 'every day in January, for 3 years (YEARLY form)',
      rule: 'FREQ=YEARLY;UNTIL=20000131T140000;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
      dtstart: '1998-01-01T09:00',
      expected: [1998, 1999, 2000].flatMap((y) =>
        days(
          y,
          1,
          Array.from({ length: 31 }, (_, i) => i + 1),
        ),
      ),
      all: true,
    },
    {
      name: 'every day in January, for 3 years (DAILY form)',
      rule: 'FREQ=DAILY;UNTIL=20000131T140000;BYMONTH=1',
      dtstart: '1998-01-01T09:00',
      expected: [1998, 1999, 2000].flatMap((y) =>
        days(
          y,
          1,
          Array.from({ length: 31 }, (_, i) => i + 1),
        ),
      ),
      all: true,
    },
    {
      name: 'weekly for 10 occurrences',
      rule: 'FREQ=WEEKLY;COUNT=10',
      dtstart: '1997-09-02T09:00',
      expected: [...days(1997, 9, [2, 9, 16, 23, 30]), ...days(1997, 10, [7, 14, 21, 28]), ...days(1997, 11, [4])],
      all: true,
    },
    {
      name: 'weekly until December 24, 1997',
      rule: 'FREQ=WEEKLY;UNTIL=19971224T000000',
      dtstart: '1997-09-02T09:00',
      expected: [
        ...days(1997, 9, [2, 9, 16, 23, 30]),
        ...days(1997, 10, [7, 14, 21, 28]),
        ...days(1997, 11, [4, 11, 18, 25]),
        ...days(1997, 12, [2, 9, 16, 23]),
      ],
      all: true,
    },
    {
      name: 'every other week',
      rule: 'FREQ=WEEKLY;INTERVAL=2;WKST=SU',
      dtstart: '1997-09-02T09:00',
      expected: [...days(1997, 9, [2, 16, 30]), ...days(1997, 10, [14, 28])],
    },
    {
      name: 'weekly on Tuesday and Thursday for five weeks',
      rule: 'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH',
      dtstart: '1997-09-02T09:00',
      expected: [...days(1997, 9, [2, 4, 9, 11, 16, 18, 23, 25, 30]), ...days(1997, 10, [2])],
      all: true,
    },
    {
      name: 'every other week on MO, WE, FR until December 24, 1997',
      rule: 'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000;WKST=SU;BYDAY=MO,WE,FR',
      dtstart: '1997-09-01T09:00',
      expected: [
        ...days(1997, 9, [1, 3, 5, 15, 17, 19, 29]),
        ...days(1997, 10, [1, 3, 13, 15, 17, 27, 29, 31]),
        ...days(1997, 11, [10, 12, 14, 24, 26, 28]),
        ...days(1997, 12, [8, 10, 12, 22]),
      ],
      all: true,
    },
    {
      name: 'every other week on TU and TH, for 8 occurrences',
      rule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH',
      dtstart: '1997-09-02T09:00',
      expected: [...days(1997, 9, [2, 4, 16, 18, 30]), ...days(1997, 10, [2, 14, 16])],
      all: true,
    },
    {
      name: 'monthly on the first Friday for 10 occurrences',
      rule: 'FREQ=MONTHLY;COUNT=10;BYDAY=1FR',
      dtstart: '1997-09-05T09:00',
      expected: [
        ...days(1997, 9, [5]),
        ...days(1997, 10, [3]),
        ...days(1997, 11, [7]),
        ...days(1997, 12, [5]),
        ...days(1998, 1, [2]),
        ...days(1998, 2, [6]),
        ...days(1998, 3, [6]),
        ...days(1998, 4, [3]),
        ...days(1998, 5, [1]),
        ...days(1998, 6, [5]),
      ],
      all: true,
    },
    {
      name: 'every other month on the first and last Sunday, 10 occurrences',
      rule: 'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU',
      dtstart: '1997-09-07T09:00',
      expected: [
        ...days(1997, 9, [7, 28]),
        ...days(1997, 11, [2, 30]),
        ...days(1998, 1, [4, 25]),
        ...days(1998, 3, [1, 29]),
        ...days(1998, 5, [3, 31]),
      ],
      all: true,
    },
    {
      name: 'monthly on the second-to-last Monday for 6 months',
      rule: 'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
      dtstart: '1997-09-22T09:00',
      expected: [
        ...days(1997, 9, [22]),
        ...days(1997, 10, [20]),
        ...days(1997, 11, [17]),
        ...days(1997, 12, [22]),
        ...days(1998, 1, [19]),
        ...days(1998, 2, [16]),
      ],
      all: true,
    },
    {
      name: 'monthly on the third-to-the-last day',
      rule: 'FREQ=MONTHLY;BYMONTHDAY=-3',
      dtstart: '1997-09-28T09:00',
      expected: [
        ...days(1997, 9, [28]),
        ...days(1997, 10, [29]),
        ...days(1997, 11, [28]),
        ...days(1997, 12, [29]),
        ...days(1998, 1, [29]),
        ...days(1998, 2, [26]),
      ],
    },
    {
      name: 'monthly on the 2nd and 15th for 10 occurrences',
      rule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15',
      dtstart: '1997-09-02T09:00',
      expected: [9, 10, 11, 12].flatMap((m) => days(1997, m, [2, 15])).concat(days(1998, 1, [2, 15])),
      all: true,
    },
    {
      name: 'monthly on the first and last day for 10 occurrences',
      rule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1',
      dtstart: '1997-09-30T09:00',
      expected: [
        ...days(1997, 9, [30]),
        ...days(1997, 10, [1, 31]),
        ...days(1997, 11, [1, 30]),
        ...days(1997, 12, [1, 31]),
        ...days(1998, 1, [1, 31]),
        ...days(1998, 2, [1]),
      ],
      all: true,
    },
    {
      name: 'every 18 months on the 10th thru 15th, 10 occurrences',
      rule: 'FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15',
      dtstart: '1997-09-10T09:00',
      expected: [...days(1997, 9, [10, 11, 12, 13, 14, 15]), ...days(1999, 3, [10, 11, 12, 13])],
      all: true,
    },
    {
      name: 'every Tuesday, every other month',
      rule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU',
      dtstart: '1997-09-02T09:00',
      expected: [
        ...days(1997, 9, [2, 9, 16, 23, 30]),
        ...days(1997, 11, [4, 11, 18, 25]),
        ...days(1998, 1, [6, 13, 20, 27]),
        ...days(1998, 3, [3, 10, 17, 24, 31]),
      ],
    },
    {
      name: 'yearly in June and July for 10 occurrences',
      rule: 'FREQ=YEARLY;COUNT=10;BYMONTH=6,7',
      dtstart: '1997-06-10T09:00',
      expected: [1997, 1998, 1999, 2000, 2001].flatMap((y) => [...days(y, 6, [10]), ...days(y, 7, [10])]),
      all: true,
    },
    {
      name: 'every other year on January, February and March, 10 occurrences',
      rule: 'FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3',
      dtstart: '1997-03-10T09:00',
      expected: [
        ...days(1997, 3, [10]),
        ...[1999, 2001, 2003].flatMap((y) => [...days(y, 1, [10]), ...days(y, 2, [10]), ...days(y, 3, [10])]),
      ],
      all: true,
    },
    {
      name: 'every third year on the 1st, 100th and 200th day, 10 occurrences',
      rule: 'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200',
      dtstart: '1997-01-01T09:00',
      expected: [
        ...days(1997, 1, [1]),
        ...days(1997, 4, [10]),
        ...days(1997, 7, [19]),
        ...days(2000, 1, [1]),
        ...days(2000, 4, [9]),
        ...days(2000, 7, [18]),
        ...days(2003, 1, [1]),
        ...days(2003, 4, [10]),
        ...days(2003, 7, [19]),
        ...days(2006, 1, [1]),
      ],
      all: true,
    },
    {
      name: 'every 20th Monday of the year',
      rule: 'FREQ=YEARLY;BYDAY=20MO',
      dtstart: '1997-05-19T09:00',
      expected: [...days(1997, 5, [19]), ...days(1998, 5, [18]), ...days(1999, 5, [17])],
    },
    {
      name: 'Monday of week number 20',
      rule: 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
      dtstart: '1997-05-12T09:00',
      expected: [...days(1997, 5, [12]), ...days(1998, 5, [11]), ...days(1999, 5, [17])],
    },
    {
      name: 'every Thursday in March',
      rule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=TH',
      dtstart: '1997-03-13T09:00',
      expected: [...days(1997, 3, [13, 20, 27]), ...days(1998, 3, [5, 12, 19, 26]), ...days(1999, 3, [4, 11, 18, 25])],
    },
    {
      name: 'every Thursday, but only during June, July and August',
      rule: 'FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8',
      dtstart: '1997-06-05T09:00',
      expected: [
        ...days(1997, 6, [5, 12, 19, 26]),
        ...days(1997, 7, [3, 10, 17, 24, 31]),
        ...days(1997, 8, [7, 14, 21, 28]),
        ...days(1998, 6, [4, 11, 18, 25]),
      ],
    },
    {
      name: 'every Friday the 13th (the RFC excludes DTSTART with EXDATE; here DTSTART is not a Friday 13th)',
      rule: 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
      dtstart: '1997-09-02T09:00',
      expected: [...days(1998, 2, [13]), ...days(1998, 3, [13]), ...days(1998, 11, [13]), ...days(1999, 8, [13])],
    },
    {
      name: 'the first Saturday that follows the first Sunday of the month',
      rule: 'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13',
      dtstart: '1997-09-13T09:00',
      expected: [
        ...days(1997, 9, [13]),
        ...days(1997, 10, [11]),
        ...days(1997, 11, [8]),
        ...days(1997, 12, [13]),
        ...days(1998, 1, [10]),
        ...days(1998, 2, [7]),
      ],
    },
    {
      name: 'every 4 years, the first Tuesday after a Monday in November (US election day)',
      rule: 'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
      dtstart: '1996-11-05T09:00',
      expected: [...days(1996, 11, [5]), ...days(2000, 11, [7]), ...days(2004, 11, [2])],
    },
    {
      name: 'the third instance of TU, WE or TH, for the next 3 months',
      rule: 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
      dtstart: '1997-09-04T09:00',
      expected: [...days(1997, 9, [4]), ...days(1997, 10, [7]), ...days(1997, 11, [6])],
      all: true,
    },
    {
      name: 'the second-to-last weekday of the month',
      rule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
      dtstart: '1997-09-29T09:00',
      expected: [
        ...days(1997, 9, [29]),
        ...days(1997, 10, [30]),
        ...days(1997, 11, [27]),
        ...days(1997, 12, [30]),
        ...days(1998, 1, [29]),
        ...days(1998, 2, [26]),
        ...days(1998, 3, [30]),
      ],
    },
    {
      name: 'every 3 hours from 09:00 to 17:00 on one day',
      rule: 'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000',
      dtstart: '1997-09-02T09:00',
      expected: ['1997-09-02T09:00', '1997-09-02T12:00', '1997-09-02T15:00'],
      all: true,
    },
    {
      name: 'every 15 minutes for 6 occurrences',
      rule: 'FREQ=MINUTELY;INTERVAL=15;COUNT=6',
      dtstart: '1997-09-02T09:00',
      expected: ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15'].map((t) => `1997-09-02T${t}`),
      all: true,
    },
    {
      name: 'every hour and a half for 4 occurrences',
      rule: 'FREQ=MINUTELY;INTERVAL=90;COUNT=4',
      dtstart: '1997-09-02T09:00',
      expected: ['09:00', '10:30', '12:00', '13:30'].map((t) => `1997-09-02T${t}`),
      all: true,
    },
    {
      name: 'WKST=MO: every other week on TU and SU, 4 occurrences',
      rule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
      dtstart: '1997-08-05T09:00',
      expected: days(1997, 8, [5, 10, 19, 24]),
      all: true,
    },
    {
      name: 'WKST=SU: the same rule, other days',
      rule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU',
      dtstart: '1997-08-05T09:00',
      expected: days(1997, 8, [5, 17, 19, 31]),
      all: true,
    },
    {
      name: 'an invalid date (February 30) is ignored',
      rule: 'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5',
      dtstart: '2007-01-15T09:00',
      expected: [...days(2007, 1, [15, 30]), ...days(2007, 2, [15]), ...days(2007, 3, [15, 30])],
      all: true,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const got = expand(c.rule, c.dtstart, c.all ? 10_000 : c.expected.length);
      expect(got).toEqual(c.expected);
    });
  }

  it('every 20 minutes from 09:00 to 16:40, both ways the RFC writes it', () => {
    const expected = days(1997, 9, [2], '').flatMap((d) =>
      [9, 10, 11, 12, 13, 14, 15, 16].flatMap((h) =>
        [0, 20, 40].map((m) => `${d}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      ),
    );
    const limit = expected.length;
    expect(expand('FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40', '1997-09-02T09:00', limit)).toEqual(
      expected,
    );
    expect(expand('FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16', '1997-09-02T09:00', limit)).toEqual(
      expected,
    );
  });
});
