import { describe, expect, it } from 'vitest';
import { MAKASSAR, MAKASSAR_KEMENAG } from './makassar-kemenag';
import { PRAYER_NAMES, civilDate, hhmm, hijriDate, nextPrayer, prayerTimes } from './prayer-times';

const minutes = (hm: string) => {
  const [h, m] = hm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

describe('prayer times, Kemenag parameters', () => {
  it('gives Makassar on 2025-03-01 Imsak 04:43 and Subuh 04:53 WITA', () => {
    const t = prayerTimes(MAKASSAR, '2025-03-01');
    expect(hhmm(t.imsak, 'Asia/Makassar')).toBe('04:43');
    expect(hhmm(t.subuh, 'Asia/Makassar')).toBe('04:53');
  });

  it.each(MAKASSAR_KEMENAG.map((day) => [day.date, day] as const))(
    'agrees with the table Kemenag published for Makassar on %s, within one minute on every time',
    (date, day) => {
      const t = prayerTimes(MAKASSAR, date);
      for (const [name, published] of Object.entries(day.times)) {
        const ours = hhmm(t[name as keyof typeof t], 'Asia/Makassar');
        expect(
          Math.abs(minutes(ours) - minutes(published)),
          `${name}: ours ${ours}, Kemenag ${published}`,
        ).toBeLessThanOrEqual(1);
      }
    },
  );

  it('keeps the times in order, Imsak ten minutes before Subuh, on every day of a year', () => {
    for (let d = Date.UTC(2025, 0, 1); d < Date.UTC(2026, 0, 1); d += 86_400_000) {
      const t = prayerTimes(MAKASSAR, new Date(d).toISOString().slice(0, 10));
      const ms = PRAYER_NAMES.map((n) => t[n].getTime());
      expect([...ms].sort((a, b) => a - b)).toEqual(ms);
      expect(t.subuh.getTime() - t.imsak.getTime()).toBe(10 * 60_000);
    }
  });

  it('counts down to the next time, and past Isya to tomorrow’s Imsak', () => {
    const t = prayerTimes(MAKASSAR, '2025-03-01');
    expect(nextPrayer(MAKASSAR, t.dzuhur.getTime() - 60_000, 'Asia/Makassar').name).toBe('dzuhur');
    const late = nextPrayer(MAKASSAR, t.isya.getTime() + 60_000, 'Asia/Makassar');
    expect(late.name).toBe('imsak');
    expect(civilDate(late.at, 'Asia/Makassar')).toBe('2025-03-02');
  });

  it('writes the Hijri date with the operator’s day offset', () => {
    const noon = Date.parse('2025-03-01T04:00:00Z');
    expect(hijriDate(noon, 'Asia/Makassar', 0)).toBe('1 Ramadan 1446 H');
    expect(hijriDate(noon, 'Asia/Makassar', -1)).toBe('29 Syakban 1446 H');
  });
});
