import type { Lang } from '../i18n/catalogue';

/**
 * A screen's local day in the browser, with `Intl` alone: the schedule panel asks the controller for the
 * timeline from the screen's midnight to the next, wherever the operator's own browser is.
 *
 * A day is named by its "floating" date: local midnight encoded as if it were UTC (`Date.UTC(y, m, d)`), as the
 * schedule engine names wall-clock times (docs/schedules.md, "Time rules").
 */

export const DAY_MS = 86_400_000;

/** What the engine falls back to for a zone it does not know (docs/schedules.md). */
export const FALLBACK_ZONE = 'Asia/Makassar';

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone itself when this browser knows it, else the engine's fallback (a bad zone must not blank the panel). */
export function knownZone(timeZone: string): string {
  try {
    partsFormatter(timeZone);
    return timeZone;
  } catch {
    return FALLBACK_ZONE;
  }
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
export function offsetAt(timeZone: string, at: number): number {
  const whole = Math.floor(at / 1000) * 1000;
  const parts = partsFormatter(timeZone).formatToParts(new Date(whole));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - whole;
}

/** The floating date of the local day an instant falls in. */
export function localDate(timeZone: string, at: number): number {
  return Math.floor((at + offsetAt(timeZone, at)) / DAY_MS) * DAY_MS;
}

/**
 * The instant the local day `date` begins. Read twice because the offset at a first guess may differ from the
 * offset at midnight (a clock change within the hours between); where a zone skips midnight itself, the answer
 * is the first instant after the gap.
 */
export function startOfLocalDay(timeZone: string, date: number): number {
  const guess = date - offsetAt(timeZone, date);
  return date - offsetAt(timeZone, guess);
}

/** The instants `[start, end)` of the local day `date`: 24 hours, or 23 or 25 on the day a clock changes. */
export function localDayRange(timeZone: string, date: number): { start: number; end: number } {
  return { start: startOfLocalDay(timeZone, date), end: startOfLocalDay(timeZone, date + DAY_MS) };
}

const ZONE_LABELS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Indonesia's zones by the names operators say (WIB, WITA, WIT); any other by its IANA name. */
export function zoneLabel(timeZone: string): string {
  return ZONE_LABELS[timeZone] ?? timeZone;
}

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** Formats instants on a screen's clock: `10.00` in Indonesian, `10:00` in English. */
export function zonedFormat(timeZone: string, lang: Lang) {
  const time = new Intl.DateTimeFormat(LOCALES[lang], { timeZone, hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const date = new Intl.DateTimeFormat(LOCALES[lang], { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  /** An end at the day's last instant reads 24.00, not 00.00, so a row reads as the rest of that day. */
  const end = (at: number, dayEnd: number) => (at >= dayEnd ? time.format(at).replace(/^00/, '24') : time.format(at));
  return {
    time: (at: number) => time.format(at),
    end,
    span: (start: number, until: number, dayEnd: number) => `${time.format(start)}–${end(until, dayEnd)}`,
    day: (at: number) => day.format(at),
    /** `6 Des 2026 14.30`: an instant on another day than the one shown. */
    dateTime: (at: number) => `${date.format(at)} ${time.format(at)}`,
  };
}
