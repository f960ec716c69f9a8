import type { ScreenBrightness } from '@baruga/protocol';
import { compileDaypart } from './dayparts';
import { DAY_MS, floatingToUtc, offsetPieces } from './zoned-time';

export interface BrightnessAt {
  /** 0–100: how bright the picture is drawn. */
  percent: number;
  /** When to ask again: the next instant any rule's window opens or closes (at most a week ahead). */
  until: number;
}

/**
 * How bright a screen runs at an instant, from its brightness schedule read on the screen's own clock: the first
 * rule whose windows hold the instant wins, otherwise the base percent. Windows are daypart windows, so they keep
 * the engine's rules (overnight windows belong to the day they open; DST gaps and repeats as in docs/schedules.md).
 */
export function brightnessAt(brightness: ScreenBrightness, timezone: string, instant: number): BrightnessAt {
  const horizon = instant + 7 * DAY_MS;
  if (brightness.rules.length === 0) return { percent: brightness.percent, until: horizon };
  // Floating bounds a day wider than the instants on each side: every offset on Earth is within ±14 h.
  const pieces = offsetPieces(timezone, instant - DAY_MS, horizon + DAY_MS);
  let percent: number | null = null;
  let until = horizon;
  for (const [i, rule] of brightness.rules.entries()) {
    const floating = compileDaypart({ id: `rule-${i}`, name: 'brightness', windows: rule.windows }).floating(
      instant - 2 * DAY_MS,
      horizon + 2 * DAY_MS,
    );
    const instants: number[] = [];
    for (let k = 0; k < floating.length; k += 2) {
      floatingToUtc(pieces, floating[k] as number, floating[k + 1] as number, instants);
    }
    for (let k = 0; k < instants.length; k += 2) {
      const start = instants[k] as number;
      const end = instants[k + 1] as number;
      if (percent === null && start <= instant && instant < end) percent = rule.percent;
      if (start > instant) until = Math.min(until, start);
      if (end > instant) until = Math.min(until, end);
    }
  }
  return { percent: percent ?? brightness.percent, until };
}
