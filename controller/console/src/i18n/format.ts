import type { Lang } from './dictionary';

/**
 * Dates, times and numbers as people write them in the console's language, whatever the browser's own locale:
 * `6 Des 2026`, `14.30 WITA`, `1.250.000` in Indonesian; `6 Dec 2026`, `14:30 WITA` in English. Every instant is
 * read on an explicit clock (a screen's zone, or WITA), never the browser's.
 */

export const DEFAULT_ZONE = 'Asia/Makassar';
const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const ZONE_LABELS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Indonesia's zones by the names people say (WIB, WITA, WIT); any other by its IANA name. */
export function zoneLabel(zone: string): string {
  return ZONE_LABELS[zone] ?? zone;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${zone} ${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: zone });
    cache.set(key, f);
  }
  return f;
}

/** `6 Des 2026` */
export function formatDate(at: number, zone: string, lang: Lang): string {
  return formatter(lang, zone, { day: 'numeric', month: 'short', year: 'numeric' }).format(at);
}

/** `Minggu, 6 Des 2026` */
export function formatDay(at: number, zone: string, lang: Lang): string {
  return formatter(lang, zone, { weekday: 'long', day: 'numeric', month: 'short', year: 'numeric' }).format(at);
}

/** `Min 6/12`: a column heading in a week. */
export function formatShortDay(at: number, zone: string, lang: Lang): string {
  return formatter(lang, zone, { weekday: 'short', day: 'numeric', month: 'numeric' }).format(at);
}

/** `14.30` (`14:30` in English). */
export function formatTime(at: number, zone: string, lang: Lang): string {
  return formatter(lang, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** `6 Des 2026 14.30 WITA` */
export function formatDateTime(at: number, zone: string, lang: Lang): string {
  return `${formatDate(at, zone, lang)} ${formatTime(at, zone, lang)} ${zoneLabel(zone)}`;
}

/** `14.30 WITA` today, or the full date and time on another day (on the same clock). */
export function formatWhen(at: number, zone: string, lang: Lang, now = Date.now()): string {
  const sameDay = formatDate(at, zone, lang) === formatDate(now, zone, lang);
  return sameDay ? `${formatTime(at, zone, lang)} ${zoneLabel(zone)}` : formatDateTime(at, zone, lang);
}

/** `1.250.000` */
export function formatNumber(n: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: fractionDigits }).format(n);
}

/** `Rp 1.250.000` (with the non-breaking space Intl puts there). */
export function formatRupiah(n: number): string {
  return new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(n);
}

/** `12,5 MB` */
export function formatBytes(n: number, lang: Lang): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${formatNumber(value, lang, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** The wall-clock parts of an instant on a zone's clock. */
export function wallClock(
  at: number,
  zone: string,
): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = formatter('en', zone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-06T14:30`: an instant as the API's wall-clock date-time on a zone's clock. */
export function localDateTime(at: number, zone: string): string {
  const w = wallClock(at, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** `6 Des 2026 08.00` for a wall-clock date-time as the API writes it (`2026-12-06T08:00`), read as written. */
export function formatWallClock(local: string, lang: Lang): string {
  const at = Date.parse(`${local.slice(0, 16)}:00Z`);
  return `${formatDate(at, 'UTC', lang)} ${formatTime(at, 'UTC', lang)}`;
}

/** The instant a zone's clock reads `local` (`2026-12-06T15:00`); the earlier one where a clock change repeats it. */
export function instantOfLocal(local: string, zone: string): number {
  const floating = Date.parse(`${local.slice(0, 16)}:00Z`);
  let guess = floating;
  // Two rounds settle the offset even across a clock change between the guess and the answer.
  for (let i = 0; i < 2; i++) {
    const w = wallClock(guess, zone);
    const read = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    guess += floating - read;
  }
  return guess;
}
