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
import { DAY_MS, ZONE_MARGIN_MS, formatFloating, toFloating } from './zoned-time';

export interface EventCheck {
  /** What an operator should know before saving: never fires, share or plays that cannot fit, … */
  warnings: ScheduleWarning[];
  /**
   * Wall-clock start of the first moment the event is on, from `now` on, read on the event's own zone (on a clock
   * without DST for an event local to each screen); null if none within the horizon.
   */
  firstActive: string | null;
}

/** The clock a screen-local event is checked on: one without DST, where every wall-clock time happens once. */
const NO_DST = 'UTC';

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

  // The event's own zone decides, as it does on every screen; a screen-local event's "now" could be up to ±16 h
  // from UTC depending on the screen: start looking a little early.
  const zone = ce.zone ?? NO_DST;
  const from = Math.max(start - ZONE_MARGIN_MS, ce.zone ? now : now - ZONE_MARGIN_MS);
  const horizon = Math.min(HORIZON_MS, ce.scanHorizonMs);
  let firstActive: number | null = null;
  let at = from;
  for (let i = 0; at < from + horizon && firstActive === null; i++) {
    const to = at + (CHUNKS_MS[i] ?? 31 * DAY_MS);
    const set = ce.active(zone, at, to);
    if (set.length > 0) firstActive = set[0] as number;
    at = to;
  }
  if (firstActive === null) {
    const end = event.end === null ? null : parseLocalDateTime(event.end);
    const why =
      end !== null && end <= toFloating(zone, from)
        ? `it ended at ${event.end}`
        : `its rule, dates and daypart never meet in the next ${describeSpan(horizon)}`;
    warnings.push({ code: 'never-fires', message: `"${event.name}" never fires: ${why}`, eventIds: [event.id] });
  }
  return ok({ warnings, firstActive: firstActive === null ? null : formatFloating(toFloating(zone, firstActive)) });
}

function describeSpan(ms: number): string {
  const days = Math.round(ms / DAY_MS);
  return days >= 366 ? `${Math.round(days / 366)} years` : `${days} days`;
}
