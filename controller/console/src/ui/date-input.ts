import type { Lang } from '../i18n/dictionary';

/**
 * Dates and times as typed by a person: day first, as Indonesians write them (`6/12/2026`, `6-12-2026`,
 * `6.12.2026`), whatever the browser's locale, and times as `08.00` or `08:00`. Values are ISO (`2026-12-06`,
 * `08:00`), as the API's wall-clock fields.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `2026-12-06` from what a person typed, or null. */
export function parseDate(typed: string): string | null {
  const s = typed.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [0, 0, 0];
  return validDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** `06/12/2026` for `2026-12-06`: day, month, year in both languages. */
export function showDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** `08:00` from `8.00`, `08:00`, `0800` or `8`, or null. */
export function parseTime(typed: string, allow24 = false): string | null {
  const s = typed.trim();
  const m = /^(\d{1,2})(?:[.:]?(\d{2}))?$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (min > 59) return null;
  if (h === 24 && min === 0 && allow24) return '24:00';
  if (h > 23) return null;
  return `${pad(h)}:${pad(min)}`;
}

/** `08.00` in Indonesian, `08:00` in English. */
export function showTime(value: string, lang: Lang): string {
  return lang === 'id' ? value.replace(':', '.') : value;
}

/** The day after an ISO date. */
export function nextDay(iso: string, days = 1): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
