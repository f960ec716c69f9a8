import { CalculationParameters, Coordinates, HighLatitudeRule, Madhab, PrayerTimes, Rounding } from 'adhan';

/**
 * Prayer times as Kemenag (Indonesia's Ministry of Religious Affairs) publishes them, computed offline with `adhan`:
 * Subuh at the sun 20° below the horizon, Isya at 18°, Shafi'i Asr (shadow = length + noon shadow), and 2 minutes of
 * ihtiyat (safety margin) on every time; Imsak is Subuh − 10 minutes; Terbit is sunrise − 2 minutes; Dhuha is the
 * sun 4.5° above the horizon. Times are rounded up to the minute (Terbit down), as the tables are.
 *
 * Checked against Kemenag's published tables for Makassar on dates across several years (prayer-times.test.ts,
 * within one minute on every time). Two constants come from that check, each a physical effect those tables include
 * and a bare +2 minutes does not: the sun's disk takes about a minute to clear the meridian (Zuhur +1), and the
 * horizon dip makes sunrise a minute earlier and sunset a minute later (Terbit −1, Maghrib +1).
 */

export const PRAYER_NAMES = ['imsak', 'subuh', 'terbit', 'dhuha', 'dzuhur', 'ashar', 'maghrib', 'isya'] as const;
export type PrayerName = (typeof PRAYER_NAMES)[number];
export type PrayerSchedule = Record<PrayerName, Date>;

const IHTIYAT_MIN = 2;
const MERIDIAN_MIN = 1;
const HORIZON_DIP_MIN = 1;
const IMSAK_BEFORE_SUBUH_MIN = 10;
const DHUHA_ALTITUDE_DEG = 4.5;
const MINUTE = 60_000;

const ceilMinute = (ms: number) => new Date(Math.ceil(ms / MINUTE) * MINUTE);
const floorMinute = (ms: number) => new Date(Math.floor(ms / MINUTE) * MINUTE);

function parameters(fajrAngle: number): CalculationParameters {
  const p = new CalculationParameters('Other', fajrAngle, 18);
  p.madhab = Madhab.Shafi;
  p.rounding = Rounding.None;
  p.highLatitudeRule = HighLatitudeRule.MiddleOfTheNight;
  return p;
}

/** `date` is the civil date (YYYY-MM-DD) at the place; the answer is instants. */
export function prayerTimes(location: { lat: number; lon: number }, date: string): PrayerSchedule {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) throw new RangeError(`not a date: ${date}`);
  // adhan reads the calendar fields of a local Date; the instants it returns do not depend on this runtime's zone.
  const day = new Date(y, m - 1, d);
  const at = new Coordinates(location.lat, location.lon);
  const t = new PrayerTimes(at, day, parameters(20));
  // adhan's Fajr is when the sun stands `fajrAngle` below the horizon before noon; −4.5° makes it the moment the
  // sun stands 4.5° above, Kemenag's Dhuha, from the same solar model.
  const dhuha = new PrayerTimes(at, day, parameters(-DHUHA_ALTITUDE_DEG)).fajr;
  const after = (instant: Date, minutes: number) => ceilMinute(instant.getTime() + minutes * MINUTE);
  const subuh = after(t.fajr, IHTIYAT_MIN);
  return {
    imsak: new Date(subuh.getTime() - IMSAK_BEFORE_SUBUH_MIN * MINUTE),
    subuh,
    terbit: floorMinute(t.sunrise.getTime() - (IHTIYAT_MIN + HORIZON_DIP_MIN) * MINUTE),
    dhuha: after(dhuha, IHTIYAT_MIN),
    dzuhur: after(t.dhuhr, IHTIYAT_MIN + MERIDIAN_MIN),
    ashar: after(t.asr, IHTIYAT_MIN),
    maghrib: after(t.maghrib, IHTIYAT_MIN + HORIZON_DIP_MIN),
    isya: after(t.isha, IHTIYAT_MIN),
  };
}

/** "04:53" in the zone (the API's form; screens print "04.53" through Intl). */
export function hhmm(instant: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: timezone,
  }).formatToParts(instant);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return `${hour}:${minute}`;
}

/** The civil date (YYYY-MM-DD) of an instant in a zone. */
export function civilDate(instant: Date | number, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: timezone,
  }).format(instant);
}

/** The next time at or after `now` (tomorrow's Imsak after today's Isya), for the countdown. */
export function nextPrayer(
  location: { lat: number; lon: number },
  now: number,
  timezone: string,
  names: readonly PrayerName[] = PRAYER_NAMES,
): { name: PrayerName; at: Date } {
  const today = civilDate(now, timezone);
  for (const date of [today, civilDate(now + 86_400_000, timezone)]) {
    const times = prayerTimes(location, date);
    const next = names.find((n) => times[n].getTime() >= now);
    if (next) return { name: next, at: times[next] };
  }
  const first = names[0] ?? 'subuh';
  return { name: first, at: prayerTimes(location, civilDate(now + 2 * 86_400_000, timezone))[first] };
}

/** The Hijri date (Umm al-Qura in Intl), shifted by the operator's offset: official month starts may differ. */
export function hijriDate(now: number, timezone: string, offsetDays: number, locale = 'id-ID'): string {
  return new Intl.DateTimeFormat(`${locale}-u-ca-islamic-umalqura`, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: timezone,
  }).format(now + offsetDays * 86_400_000);
}
