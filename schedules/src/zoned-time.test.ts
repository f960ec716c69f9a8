import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  HOUR_MS,
  firstReading,
  floatingToUtc,
  fromFloating,
  localDayBounds,
  offsetAt,
  offsetPieces,
  readsOn,
  toFloating,
  wallSpan,
  weekdayOf,
} from './zoned-time';

const f = (iso: string) => Date.parse(`${iso}Z`); // a wall-clock reading, as floating ms
const utc = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

function utcSet(zone: string, a: string, b: string): string[] {
  const out: number[] = [];
  floatingToUtc(offsetPieces(zone, f(a) - 2 * DAY_MS, f(b) + 2 * DAY_MS), f(a), f(b), out);
  const pairs: string[] = [];
  for (let i = 0; i < out.length; i += 2) pairs.push(`${iso(out[i] as number)}–${iso(out[i + 1] as number)}`);
  return pairs;
}

describe('zoned time', () => {
  it('reads WITA as UTC+8 all year: Indonesia has no DST', () => {
    for (const at of ['2025-01-15T00:00:00Z', '2025-07-15T12:00:00Z', '1999-12-31T23:59:59Z']) {
      expect(offsetAt('Asia/Makassar', utc(at))).toBe(8 * HOUR_MS);
    }
    expect(iso(toFloating('Asia/Makassar', utc('2025-03-01T00:30:00Z')))).toBe('2025-03-01T08:30:00Z');
    expect(iso(fromFloating('Asia/Makassar', f('2025-03-01T08:30:00')))).toBe('2025-03-01T00:30:00Z');
  });

  it('handles half-hour and quarter-hour zones', () => {
    expect(offsetAt('Asia/Kolkata', utc('2025-06-01T00:00:00Z'))).toBe(5.5 * HOUR_MS);
    expect(offsetAt('Asia/Kathmandu', utc('2025-06-01T00:00:00Z'))).toBe(5.75 * HOUR_MS);
  });

  describe('spring forward (New York, 2025-03-09, 02:00 → 03:00)', () => {
    const zone = 'America/New_York';

    it('finds the transition to the second', () => {
      expect(offsetAt(zone, utc('2025-03-09T06:59:59Z'))).toBe(-5 * HOUR_MS);
      expect(offsetAt(zone, utc('2025-03-09T07:00:00Z'))).toBe(-4 * HOUR_MS);
      const pieces = offsetPieces(zone, utc('2025-03-09T00:00:00Z'), utc('2025-03-10T00:00:00Z'));
      expect(pieces.map((p) => iso(p.end))).toEqual(['2025-03-09T07:00:00Z', '2025-03-10T00:00:00Z']);
    });

    it('never reads a time inside the gap, so a window wholly inside it does not fire', () => {
      expect(utcSet(zone, '2025-03-09T02:15:00', '2025-03-09T02:45:00')).toEqual([]);
    });

    it('shortens a window that spans the gap', () => {
      // 01:30–03:30 on the wall is 1 h 30 min long that night.
      expect(utcSet(zone, '2025-03-09T01:30:00', '2025-03-09T03:30:00')).toEqual([
        '2025-03-09T06:30:00Z–2025-03-09T07:30:00Z',
      ]);
    });

    it('reads a time in the gap as the first instant after it', () => {
      expect(iso(fromFloating(zone, f('2025-03-09T02:30:00')))).toBe('2025-03-09T07:00:00Z');
    });

    it('has a 23-hour day', () => {
      const day = localDayBounds(zone, utc('2025-03-09T15:00:00Z'));
      expect(day.end - day.start).toBe(23 * HOUR_MS);
    });
  });

  describe('fall back (New York, 2025-11-02, 02:00 → 01:00)', () => {
    const zone = 'America/New_York';

    it('reads a time inside the overlap twice, so a window inside it fires twice', () => {
      expect(utcSet(zone, '2025-11-02T01:15:00', '2025-11-02T01:45:00')).toEqual([
        '2025-11-02T05:15:00Z–2025-11-02T05:45:00Z',
        '2025-11-02T06:15:00Z–2025-11-02T06:45:00Z',
      ]);
    });

    it('keeps a window across the overlap in one piece, an hour longer', () => {
      expect(utcSet(zone, '2025-11-02T00:30:00', '2025-11-02T03:00:00')).toEqual([
        '2025-11-02T04:30:00Z–2025-11-02T08:00:00Z',
      ]);
    });

    it('picks the earlier or later reading on request', () => {
      expect(iso(fromFloating(zone, f('2025-11-02T01:30:00'), 'earlier'))).toBe('2025-11-02T05:30:00Z');
      expect(iso(fromFloating(zone, f('2025-11-02T01:30:00'), 'later'))).toBe('2025-11-02T06:30:00Z');
    });

    it('has a 25-hour day', () => {
      const day = localDayBounds(zone, utc('2025-11-02T15:00:00Z'));
      expect(day.end - day.start).toBe(25 * HOUR_MS);
    });
  });

  describe('reading a wall-clock time once (RFC 5545 3.3.5)', () => {
    const zone = 'America/New_York';
    const around = (a: string) => offsetPieces(zone, f(a) - 2 * DAY_MS, f(a) + 2 * DAY_MS);
    const once = (a: string, b: string) => {
      const out: number[] = [];
      wallSpan(around(a), f(a), f(b), out);
      return out.map(iso);
    };

    it('takes the first reading of a repeated time, and none of a skipped one', () => {
      expect(iso(firstReading(around('2025-11-02T01:30:00'), f('2025-11-02T01:30:00')))).toBe('2025-11-02T05:30:00Z');
      expect(firstReading(around('2025-03-09T02:30:00'), f('2025-03-09T02:30:00'))).toBeNaN();
      expect(readsOn(zone, f('2025-03-09T02:30:00'))).toBe(false);
      expect(readsOn(zone, f('2025-03-09T03:00:00'))).toBe(true);
      expect(readsOn('Asia/Makassar', f('2025-03-09T02:30:00'))).toBe(true);
    });

    it('reads a window in the overlap on its first pass, one across it an hour longer, one in the gap never', () => {
      expect(once('2025-11-02T01:15:00', '2025-11-02T01:45:00')).toEqual([
        '2025-11-02T05:15:00Z',
        '2025-11-02T05:45:00Z',
      ]);
      expect(once('2025-11-02T00:30:00', '2025-11-02T03:00:00')).toEqual([
        '2025-11-02T04:30:00Z',
        '2025-11-02T08:00:00Z',
      ]);
      expect(once('2025-03-09T02:15:00', '2025-03-09T02:45:00')).toEqual([]);
      expect(once('2025-03-09T02:15:00', '2025-03-09T03:15:00')).toEqual([
        '2025-03-09T07:00:00Z',
        '2025-03-09T07:15:00Z',
      ]);
    });
  });

  it('handles a 30-minute DST shift (Lord Howe Island, 2025-04-06 02:00 → 01:30)', () => {
    const zone = 'Australia/Lord_Howe';
    expect(offsetAt(zone, utc('2025-04-05T14:59:59Z'))).toBe(11 * HOUR_MS);
    expect(offsetAt(zone, utc('2025-04-05T15:00:00Z'))).toBe(10.5 * HOUR_MS);
    expect(utcSet(zone, '2025-04-06T01:40:00', '2025-04-06T01:50:00')).toHaveLength(2);
  });

  it('numbers weekdays Monday first, as RFC 5545 does', () => {
    expect(weekdayOf(f('2025-03-03T12:00:00'))).toBe(0); // a Monday
    expect(weekdayOf(f('2025-03-09T23:59:59'))).toBe(6); // a Sunday
    expect(weekdayOf(f('1969-12-31T00:00:00'))).toBe(2); // a Wednesday, before the epoch
  });

  const zones = ['Asia/Makassar', 'Asia/Jakarta', 'America/New_York', 'Europe/Amsterdam', 'Australia/Lord_Howe'];

  // Every change of offset of the zones above in 2024–2027 (spring and autumn), as [zone, instant]: instants are
  // drawn around these, where a conversion can go wrong, not over decades where it almost never meets one.
  const changes: [string, number][] = zones.flatMap((zone) =>
    [2024, 2025, 2026, 2027].flatMap((year) =>
      [2, 8].flatMap((month) =>
        offsetPieces(zone, Date.UTC(year, month, 1), Date.UTC(year, month + 3, 1))
          .slice(0, -1)
          .map((p): [string, number] => [zone, p.end]),
      ),
    ),
  );
  const arbNearChange = fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -3 * HOUR_MS, max: 3 * HOUR_MS }))
    .map(([[zone, change], shift]) => ({ zone, t: change + shift }));

  it('finds the changes it is tested around', () => {
    expect(changes.length).toBeGreaterThanOrEqual(3 * 4 * 2);
  });

  it('round-trips every instant through its wall-clock reading', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          arbNearChange,
          fc.record({
            zone: fc.constantFrom(...zones),
            t: fc.integer({ min: utc('2000-01-01T00:00:00Z'), max: utc('2040-01-01T00:00:00Z') }),
          }),
        ),
        ({ zone, t }) => {
          const wall = toFloating(zone, t);
          const back = [fromFloating(zone, wall, 'earlier'), fromFloating(zone, wall, 'later')];
          expect(back.some((b) => Math.abs(b - t) < 1000)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('maps a wall-clock interval to exactly the instants whose reading falls inside it', () => {
    fc.assert(
      fc.property(
        arbNearChange,
        fc.integer({ min: 1, max: 6 * HOUR_MS }),
        fc.integer({ min: -3 * HOUR_MS, max: 3 * HOUR_MS }),
        ({ zone, t }, length, shift) => {
          const a = toFloating(zone, t) + shift;
          const out: number[] = [];
          floatingToUtc(offsetPieces(zone, t - 2 * DAY_MS, t + 2 * DAY_MS), a, a + length, out);
          const inside = (x: number) => {
            for (let i = 0; i < out.length; i += 2)
              if (x >= (out[i] as number) && x < (out[i + 1] as number)) return true;
            return false;
          };
          // Probe instants around the window: each is inside iff its reading is.
          for (let x = t - 8 * HOUR_MS; x < t + 8 * HOUR_MS; x += 7 * 60_000 + 13_000) {
            const reading = toFloating(zone, x);
            expect(inside(x)).toBe(reading >= a && reading < a + length);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
