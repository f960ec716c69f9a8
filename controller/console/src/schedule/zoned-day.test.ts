import { describe, expect, it } from 'vitest';
import { FALLBACK_ZONE, knownZone, localDate, localDayRange, zoneLabel, zonedFormat } from './zoned-day';

const HOUR = 3600_000;

describe('a screen’s local day', () => {
  it('runs from midnight WITA to the next, whatever the instant inside it', () => {
    // 2025-07-07 15:30 WITA is 07:30 UTC.
    const date = localDate('Asia/Makassar', Date.parse('2025-07-07T07:30:00Z'));
    expect(new Date(date).toISOString()).toBe('2025-07-07T00:00:00.000Z');
    expect(localDayRange('Asia/Makassar', date)).toEqual({
      start: Date.parse('2025-07-06T16:00:00Z'),
      end: Date.parse('2025-07-07T16:00:00Z'),
    });
    // 23:59 WITA is still the same day; 00:00 is the next.
    expect(localDate('Asia/Makassar', Date.parse('2025-07-07T15:59:00Z'))).toBe(date);
    expect(localDate('Asia/Makassar', Date.parse('2025-07-07T16:00:00Z'))).toBe(date + 24 * HOUR);
  });

  it('lasts 23 hours on the day Amsterdam springs forward, and 25 when it falls back', () => {
    const spring = localDayRange('Europe/Amsterdam', Date.UTC(2025, 2, 30));
    expect(new Date(spring.start).toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(spring.end - spring.start).toBe(23 * HOUR);
    const autumn = localDayRange('Europe/Amsterdam', Date.UTC(2025, 9, 26));
    expect(new Date(autumn.start).toISOString()).toBe('2025-10-25T22:00:00.000Z');
    expect(autumn.end - autumn.start).toBe(25 * HOUR);
  });

  it('names Indonesia’s zones as operators say them, and falls back like the engine for an unknown zone', () => {
    expect(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Tokyo'].map(zoneLabel)).toEqual([
      'WIB',
      'WITA',
      'WIT',
      'Asia/Tokyo',
    ]);
    expect(knownZone('Mars/Olympus_Mons')).toBe(FALLBACK_ZONE);
    expect(knownZone('Asia/Jayapura')).toBe('Asia/Jayapura');
  });

  it('writes times with a dot in Indonesian, a colon in English, and the end of the day as 24', () => {
    const { start, end } = localDayRange('Asia/Makassar', Date.UTC(2025, 6, 7));
    const id = zonedFormat('Asia/Makassar', 'id');
    const en = zonedFormat('Asia/Makassar', 'en');
    expect(id.span(start + 10 * HOUR, start + 11 * HOUR, end)).toBe('10.00–11.00');
    expect(en.span(start + 10 * HOUR, start + 11 * HOUR, end)).toBe('10:00–11:00');
    expect(id.span(start + 23 * HOUR, end, end)).toBe('23.00–24.00');
    expect(id.day(start)).toBe('Senin, 7 Juli 2025');
  });
});
