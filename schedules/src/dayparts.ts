import type { Daypart, Weekday } from '@baruga/protocol';
import { type IntervalSet, clip, normalize } from './intervals';
import { DAY_MS, MINUTE_MS, weekdayOf } from './zoned-time';

const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

interface Window {
  days: readonly boolean[];
  startMs: number;
  /** After `startMs`; a window across midnight ends the next day. */
  endMs: number;
}

/** A daypart as floating (wall-clock) intervals; the same for every zone. */
export interface CompiledDaypart {
  readonly id: string;
  readonly name: string;
  /** Wall-clock intervals within [from, to). */
  floating(from: number, to: number): IntervalSet;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function compileDaypart(daypart: Daypart): CompiledDaypart {
  const windows: Window[] = daypart.windows.map((w) => {
    const start = minutes(w.start);
    const end = minutes(w.end);
    return {
      days: WEEKDAYS.map((d) => w.days.includes(d)),
      startMs: start * MINUTE_MS,
      endMs: (end > start ? end : end + 24 * 60) * MINUTE_MS,
    };
  });
  let cached: { from: number; to: number; set: IntervalSet } | null = null;
  return {
    id: daypart.id,
    name: daypart.name,
    floating(from, to) {
      if (cached?.from === from && cached.to === to) return cached.set;
      const pairs: number[] = [];
      // From the day before: yesterday's overnight window may still be open.
      for (let day = Math.floor(from / DAY_MS) - 1; day * DAY_MS < to; day++) {
        const dayStart = day * DAY_MS;
        const weekday = weekdayOf(dayStart);
        for (const w of windows) if (w.days[weekday]) pairs.push(dayStart + w.startMs, dayStart + w.endMs);
      }
      const set = clip(normalize(pairs), from, to);
      cached = { from, to, set };
      return set;
    },
  };
}
