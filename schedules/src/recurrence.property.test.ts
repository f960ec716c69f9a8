import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRecurrence } from './recurrence';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './zoned-time';

/**
 * The one shortcut the engine takes, expanding only the periods that meet a window instead of counting from
 * DTSTART, must change nothing: over random rules of every shape the RFC allows (BYSETPOS of any sign and size,
 * BYWEEKNO, BYYEARDAY, numbered and plain BYDAY together), a window's occurrences are exactly those of the
 * expansion from DTSTART that fall inside it. Windows are put where occurrences are, and the test checks that
 * most of them held some: a property that compared two empty lists would prove nothing. What the expansion from
 * DTSTART gives is held to an independent implementation in recurrence.differential.test.ts.
 */

const FREQS = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY'] as const;
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const list = <T>(arb: fc.Arbitrary<T>, max: number) => fc.uniqueArray(arb, { minLength: 1, maxLength: max });
/** Absent two times in three: rules with every part at once would mostly never match. */
const opt = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const arbRule = fc
  .record({
    freq: fc.constantFrom(...FREQS),
    interval: fc.integer({ min: 1, max: 5 }),
    byday: opt(list(fc.tuple(fc.constantFrom(0, 0, 1, 2, -1, -2, 5), fc.constantFrom(...DAYS)), 3)),
    bymonthday: opt(list(fc.constantFrom(1, 2, 13, 15, 28, 29, 30, 31, -1, -3), 3)),
    bymonth: opt(list(fc.integer({ min: 1, max: 12 }), 4)),
    byyearday: opt(list(fc.constantFrom(1, 60, 100, 366, -1, -100), 2)),
    byweekno: opt(list(fc.constantFrom(1, 2, 20, 52, 53, -1), 2)),
    byhour: opt(list(fc.integer({ min: 0, max: 23 }), 3)),
    byminute: opt(list(fc.constantFrom(0, 15, 20, 45), 2)),
    bysetpos: opt(
      list(
        fc.integer({ min: -12, max: 12 }).filter((n) => n !== 0),
        3,
      ),
    ),
    wkst: opt(fc.constantFrom(...DAYS)),
  })
  .map((r) => {
    const periodic = r.freq === 'MONTHLY' || r.freq === 'YEARLY';
    const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`];
    // Only the parts RFC 5545 allows with each frequency; lists in any order.
    if (r.byday)
      parts.push(`BYDAY=${r.byday.map(([n, d]) => (periodic && n !== 0 && !r.byweekno ? `${n}${d}` : d)).join(',')}`);
    if (r.bymonthday && r.freq !== 'WEEKLY') parts.push(`BYMONTHDAY=${r.bymonthday.join(',')}`);
    if (r.bymonth) parts.push(`BYMONTH=${r.bymonth.join(',')}`);
    if (r.byyearday && (r.freq === 'YEARLY' || r.freq === 'HOURLY' || r.freq === 'MINUTELY')) {
      parts.push(`BYYEARDAY=${r.byyearday.join(',')}`);
    }
    if (r.byweekno && r.freq === 'YEARLY') parts.push(`BYWEEKNO=${r.byweekno.join(',')}`);
    if (r.byhour) parts.push(`BYHOUR=${r.byhour.join(',')}`);
    if (r.byminute && r.freq !== 'MINUTELY') parts.push(`BYMINUTE=${r.byminute.join(',')}`);
    if (r.bysetpos && parts.length > 2) parts.push(`BYSETPOS=${r.bysetpos.join(',')}`);
    if (r.wkst) parts.push(`WKST=${r.wkst}`);
    return { freq: r.freq, text: parts.join(';') };
  });

/** How long a window lasts, by frequency: a few periods. */
const SPAN: Record<(typeof FREQS)[number], number> = {
  YEARLY: 3 * 366 * DAY_MS,
  MONTHLY: 120 * DAY_MS,
  WEEKLY: 21 * DAY_MS,
  DAILY: 4 * DAY_MS,
  HOURLY: 6 * HOUR_MS,
  MINUTELY: 40 * MINUTE_MS,
};

describe('expansion near a window (property)', () => {
  it('gives exactly the occurrences of the expansion from DTSTART that fall in the window', () => {
    let runs = 0;
    let nonEmpty = 0;
    fc.assert(
      fc.property(
        arbRule,
        fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2026, 11, 31) }),
        fc.integer({ min: 0, max: 199 }),
        fc.integer({ min: 0, max: 1000 }),
        (rule, start, pick, shift) => {
          const dtstart = Math.floor(start / (15 * MINUTE_MS)) * 15 * MINUTE_MS;
          const compiled = compileRecurrence(rule.text, dtstart);
          if (!compiled.ok) throw new Error(`${rule.text}: ${compiled.error.message}`);
          const r = compiled.value;
          // The first 200 occurrences from DTSTART; the window holds one of them (DTSTART when there are none).
          const all = r.between(dtstart, dtstart + r.scanHorizonMs, 200);
          const anchor = all[pick % Math.max(1, all.length)] ?? dtstart;
          const span = SPAN[rule.freq];
          const from = anchor - Math.round((shift / 1000) * span);
          const to = from + span;
          const expected = all.filter((t) => t >= from && t <= to);
          // Past the 200th, the expansion from DTSTART was cut short: ask it again, from DTSTART, up to `to`.
          const reference =
            to > (all[all.length - 1] ?? 0) && all.length === 200
              ? r.between(dtstart, to).filter((t) => t >= from)
              : expected;
          runs++;
          if (all.length > 0) nonEmpty++;
          expect(r.between(from, to), rule.text).toEqual(reference);
        },
      ),
      { numRuns: 300, seed: 14 },
    );
    // Most rules must have occurrences for the windows to be worth comparing.
    expect(nonEmpty).toBeGreaterThan(runs * 0.6);
  });
});
