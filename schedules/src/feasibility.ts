import {
  type BarugaError,
  ErrorCode,
  type Daypart,
  type Result,
  type ScheduleEvent,
  type ScheduleWarning,
  err,
  ok,
  parseLocalDateTime,
} from '@baruga/protocol';
import { compileDaypart } from './dayparts';
import { compileEvent } from './event';
import { DAY_MS, HOUR_MS, formatFloating } from './zoned-time';

export interface EventCheck {
  /** What an operator should know before saving: never fires, share or plays that cannot fit, … */
  warnings: ScheduleWarning[];
  /** Wall-clock start of the first moment the event is on, from `now` on; null if none within the horizon. */
  firstActive: string | null;
}

/** How far ahead "never fires" looks. */
const HORIZON_MS = 4 * 366 * DAY_MS;
const CHUNKS_MS = [DAY_MS, 7 * DAY_MS, 31 * DAY_MS];

/**
 * Checks one event on its own, as the API does before saving it: an invalid RRULE is an error (with a stable
 * code); what is legal but will not behave as hoped comes back as warnings. `now` is injected, never read.
 */
export function checkEvent(
  event: ScheduleEvent,
  context: { dayparts: readonly Daypart[]; playlistDurations: Readonly<Record<string, number>> },
  now: number,
): Result<EventCheck, BarugaError> {
  const start = parseLocalDateTime(event.start);
  if (start === null) return err({ code: ErrorCode.validation, message: `start "${event.start}" is not a date-time` });
  const dayparts = new Map(context.dayparts.map((d) => [d.id, compileDaypart(d)]));
  const playlistMs = (id: string) => context.playlistDurations[id];
  const ce = compileEvent({ ...event, enabled: true }, { dayparts, playlistMs });
  if (ce.ruleError) return err(ce.ruleError);
  const warnings = [...ce.problems];
  if (!ce.playable) return ok({ warnings, firstActive: null });

  // Wall-clock "now" could be up to ±16 h from UTC depending on the screen: start looking a little early.
  const from = Math.max(start, now - 16 * HOUR_MS);
  const horizon = Math.min(HORIZON_MS, ce.scanHorizonMs);
  let firstActive: number | null = null;
  let at = from;
  for (let i = 0; at < from + horizon && firstActive === null; i++) {
    const to = at + (CHUNKS_MS[i] ?? 31 * DAY_MS);
    const set = ce.floatingActive(at, to);
    if (set.length > 0) firstActive = set[0] as number;
    at = to;
  }
  if (firstActive === null) {
    const end = event.end === null ? null : parseLocalDateTime(event.end);
    const why =
      end !== null && end <= from
        ? `it ended at ${event.end}`
        : `its rule, dates and daypart never meet in the next ${describeSpan(horizon)}`;
    warnings.push({ code: 'never-fires', message: `"${event.name}" never fires: ${why}`, eventIds: [event.id] });
  }
  return ok({ warnings, firstActive: firstActive === null ? null : formatFloating(firstActive) });
}

function describeSpan(ms: number): string {
  const days = Math.round(ms / DAY_MS);
  return days >= 366 ? `${Math.round(days / 366)} years` : `${days} days`;
}
