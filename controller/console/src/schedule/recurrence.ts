import type { Weekday } from '@baruga/protocol';

/**
 * Repeats as an operator picks them, and the RRULE each one is (RFC 5545): the console shows the rule, never asks
 * anyone to type it. A rule this editor cannot show (written through the API) stays as it was: `custom`.
 */
export type Repeat =
  | { kind: 'once' }
  | { kind: 'daily' }
  | { kind: 'weekdays' }
  | { kind: 'weekly'; days: Weekday[] }
  | { kind: 'monthly-date' }
  | { kind: 'monthly-nth'; nth: 1 | 2 | 3 | 4 | -1; day: Weekday }
  | { kind: 'custom'; rrule: string };

export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const WORKDAYS = 'MO,TU,WE,TH,FR';

/** `2026-12-31` → `20261231T235959`: the last moment of that day, the form RRULE's UNTIL takes for floating times. */
const untilPart = (date: string) => `${date.replace(/-/g, '')}T235959`;

/** The RRULE body (no DTSTART: the event's start sets it), or null for a one-off. */
export function toRrule(repeat: Repeat, until: string | null): string | null {
  const end = until ? `;UNTIL=${untilPart(until)}` : '';
  switch (repeat.kind) {
    case 'once':
      return null;
    case 'daily':
      return `FREQ=DAILY${end}`;
    case 'weekdays':
      return `FREQ=WEEKLY;BYDAY=${WORKDAYS}${end}`;
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${WEEKDAYS.filter((d) => repeat.days.includes(d)).join(',')}${end}`;
    case 'monthly-date':
      return `FREQ=MONTHLY${end}`;
    case 'monthly-nth':
      return `FREQ=MONTHLY;BYDAY=${repeat.nth}${repeat.day}${end}`;
    case 'custom':
      return repeat.rrule;
  }
}

/** The repeat and its end date an RRULE body means, as far as this editor can show it. */
export function fromRrule(rrule: string | null): { repeat: Repeat; until: string | null } {
  if (rrule === null) return { repeat: { kind: 'once' }, until: null };
  const parts = new Map(
    rrule.split(';').map((p) => {
      const [k, v] = p.split('=');
      return [(k ?? '').toUpperCase(), v ?? ''];
    }),
  );
  const untilRaw = parts.get('UNTIL');
  const until =
    untilRaw && /^\d{8}T235959$/.test(untilRaw)
      ? `${untilRaw.slice(0, 4)}-${untilRaw.slice(4, 6)}-${untilRaw.slice(6, 8)}`
      : null;
  const known = new Set(['FREQ', 'BYDAY', ...(until ? ['UNTIL'] : [])]);
  const custom = { repeat: { kind: 'custom' as const, rrule }, until: null };
  if ([...parts.keys()].some((k) => !known.has(k))) return custom;
  const freq = parts.get('FREQ');
  const byday = parts.get('BYDAY');
  if (freq === 'DAILY' && byday === undefined) return { repeat: { kind: 'daily' }, until };
  if (freq === 'WEEKLY' && byday === WORKDAYS) return { repeat: { kind: 'weekdays' }, until };
  if (freq === 'WEEKLY' && byday) {
    const days = byday.split(',');
    if (days.every((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d)))
      return { repeat: { kind: 'weekly', days }, until };
  }
  if (freq === 'MONTHLY' && byday === undefined) return { repeat: { kind: 'monthly-date' }, until };
  const nth = freq === 'MONTHLY' && byday ? /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byday) : null;
  if (nth)
    return {
      repeat: { kind: 'monthly-nth', nth: Number(nth[1]) as 1 | 2 | 3 | 4 | -1, day: nth[2] as Weekday },
      until,
    };
  return custom;
}
