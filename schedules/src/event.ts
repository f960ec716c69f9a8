import { type BarugaError, type ScheduleEvent, type ScheduleWarning, parseLocalDateTime } from '@baruga/protocol';
import type { CompiledDaypart } from './dayparts';
import { type IntervalSet, intersect, normalize } from './intervals';
import { type Recurrence, compileRecurrence } from './recurrence';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  type OffsetPiece,
  ZONE_MARGIN_MS,
  firstReadingFrom,
  floatingToUtc,
  offsetPieces,
  wallSpan,
} from './zoned-time';
/** More slots than this per hour and an interrupt's playlist loops inside each slot instead. */
export const MAX_SLOTS_PER_HOUR = 360;

/** How an interrupt spends its share of each hour. */
export interface SlotPlan {
  shareMs: number;
  slotsPerHour: number;
  slotMs: number;
}

/** An event ready for the hot path: rule parsed, daypart and playlist looked up, caches attached. */
export interface CompiledEvent {
  readonly event: ScheduleEvent;
  readonly id: string;
  readonly name: string;
  readonly priority: number;
  readonly playlistId: string;
  /** One pass of the playlist, in ms; 0 when the playlist is unknown or empty (the event then never plays). */
  readonly playlistMs: number;
  /** Null: local to each screen. */
  readonly zone: string | null;
  readonly interrupt: SlotPlan | null;
  readonly maxPlaysPerHour: number | null;
  /** False when the event cannot play at all (disabled, no playlist, broken rule); see `problems`. */
  readonly playable: boolean;
  /** What is wrong or infeasible about the event on its own. */
  readonly problems: readonly ScheduleWarning[];
  /** Why the RRULE was refused, when it was (the API answers this with a 4xx). */
  readonly ruleError: BarugaError | null;
  /** How far ahead a search for the event's next occurrence may look (finer rules: less). */
  readonly scanHorizonMs: number;
  /** Position in the schedule's priority order (0 first); kept by the schedule that holds the event. */
  rank: number;
  /** Unique within the schedule that holds it, new on every edit: the key of the schedule's window caches. */
  ordinal: number;
  /** Instants in [w0, w1) at which the event is active on a clock of `zone` (not cached: see Schedule.active). */
  active(zone: string, w0: number, w1: number): IntervalSet;
}

export interface EventContext {
  dayparts: ReadonlyMap<string, CompiledDaypart>;
  /** One pass of each playlist, in ms, by id (`default` included). */
  playlistMs: (id: string) => number | undefined;
}

function warning(code: ScheduleWarning['code'], event: ScheduleEvent, message: string): ScheduleWarning {
  return { code, message: `"${event.name}": ${message}`, eventIds: [event.id] };
}

export function compileEvent(event: ScheduleEvent, ctx: EventContext): CompiledEvent {
  const problems: ScheduleWarning[] = [];
  let playable = event.enabled;
  const startF = parseLocalDateTime(event.start) ?? Number.POSITIVE_INFINITY;
  const endF = event.end === null ? Number.POSITIVE_INFINITY : (parseLocalDateTime(event.end) ?? startF);
  const durationMs = (event.durationMinutes ?? 0) * MINUTE_MS;

  let rule: Recurrence | null = null;
  let ruleError: BarugaError | null = null;
  if (event.rrule !== null) {
    const compiled = compileRecurrence(event.rrule, startF);
    if (!compiled.ok) ruleError = compiled.error;
    if (compiled.ok) {
      rule = compiled.value;
      if (rule.countNotReached) {
        problems.push(
          warning('count-not-reached', event, 'COUNT is not reached within the scan horizon; the rule ends there'),
        );
      }
    } else {
      playable = false;
      problems.push(warning('invalid-event', event, compiled.error.message));
    }
  }
  const exdates = new Set(event.exdates.map((d) => parseLocalDateTime(d)));

  let daypart: CompiledDaypart | null = null;
  if (event.daypartId !== null) {
    daypart = ctx.dayparts.get(event.daypartId) ?? null;
    if (!daypart) {
      playable = false;
      problems.push(
        warning('unknown-daypart', event, `daypart "${event.daypartId}" does not exist; the event never plays`),
      );
    }
  }

  const playlistMs = ctx.playlistMs(event.playlistId);
  if (playlistMs === undefined) {
    playable = false;
    problems.push(
      warning('unknown-playlist', event, `playlist "${event.playlistId}" does not exist; the event never plays`),
    );
  } else if (playlistMs <= 0) {
    playable = false;
    problems.push(warning('empty-playlist', event, `playlist "${event.playlistId}" is empty; the event never plays`));
  }
  const passMs = playable ? (playlistMs ?? 0) : 0;

  let interrupt: SlotPlan | null = null;
  if (event.interrupt && passMs > 0) {
    const shareMs =
      'secondsPerHour' in event.interrupt ? event.interrupt.secondsPerHour * 1000 : event.interrupt.percent * 36_000;
    const wanted = Math.max(1, Math.round(shareMs / passMs));
    const capped = Math.min(wanted, MAX_SLOTS_PER_HOUR);
    const slotsPerHour = Math.min(capped, event.maxPlaysPerHour ?? capped);
    // Capped by plays per hour: each slot is one pass, and the share is not met (a warning says so).
    const slotMs = Math.floor(slotsPerHour < capped ? passMs : shareMs / slotsPerHour);
    interrupt = { shareMs, slotsPerHour, slotMs };
    if (slotsPerHour < capped) {
      problems.push(
        warning(
          'plays-per-hour-cannot-fit',
          event,
          `a share of ${shareMs / 1000} s per hour needs ${wanted} passes of ${passMs / 1000} s, but max plays per hour is ${slotsPerHour}`,
        ),
      );
    }
    if (shareMs < passMs) {
      problems.push(
        warning(
          'share-shorter-than-playlist',
          event,
          `a share of ${shareMs / 1000} s per hour is shorter than one pass of its playlist (${passMs / 1000} s): each pass is cut short`,
        ),
      );
    }
  }
  const maxPlaysPerHour = event.interrupt ? null : event.maxPlaysPerHour;
  if (maxPlaysPerHour !== null && passMs > 0 && maxPlaysPerHour * passMs > HOUR_MS) {
    problems.push(
      warning(
        'plays-per-hour-cannot-fit',
        event,
        `${maxPlaysPerHour} passes of ${passMs / 1000} s do not fit in an hour; it plays without a break`,
      ),
    );
  }

  /**
   * The event on a zone's clock. Its start and end, and a one-off's length, are explicit wall-clock times: each is
   * read once, at the first instant the clock shows it (RFC 5545 section 3.3.5), so a window in a fall-back overlap
   * plays its first pass only. A rule's occurrences start where Recurrence.instants places them (a start in a
   * spring-forward gap is no occurrence) and last until the clock first reads start + duration. Dayparts are a
   * filter on the clock's reading, and pass whatever it reads inside their windows, both passes of an overlap too.
   */
  function active(zone: string, w0: number, w1: number): IntervalSet {
    if (!playable) return [];
    // An occurrence that started up to its length before w0 is still on at w0.
    const lo = w0 - durationMs;
    // Cheap refusals first: a zone's offsets cost Intl calls for every day not asked about before.
    if (endF <= lo - ZONE_MARGIN_MS || startF >= w1 + ZONE_MARGIN_MS) return [];
    const starts = rule ? rule.instants(zone, lo, w1 - 1) : null;
    if (starts?.length === 0) return [];
    const pieces = offsetPieces(
      zone,
      Math.floor((lo - ZONE_MARGIN_MS) / DAY_MS) * DAY_MS - DAY_MS,
      Math.ceil((w1 + ZONE_MARGIN_MS) / DAY_MS) * DAY_MS + DAY_MS,
    );
    const span: number[] = [];
    wallSpan(pieces, startF, endF, span);
    let out = intersect(span, [w0, w1]);
    if (out.length === 0) return out;
    if (starts) {
      const pairs: number[] = [];
      for (const u of starts) {
        const f = u + offsetIn(pieces, u);
        if (!exdates.has(f)) pairs.push(u, firstReadingFrom(pieces, f + durationMs, u));
      }
      out = intersect(normalize(pairs), out);
    } else if (durationMs > 0) {
      // A one-off with a length: the window from start, read once.
      const once: number[] = [];
      wallSpan(pieces, startF, startF + durationMs, once);
      out = intersect(once, out);
    }
    if (daypart && out.length > 0) {
      const windows = daypart.floating(w0 - ZONE_MARGIN_MS, w1 + ZONE_MARGIN_MS);
      const read: number[] = [];
      for (let i = 0; i < windows.length; i += 2) {
        floatingToUtc(pieces, windows[i] as number, windows[i + 1] as number, read);
      }
      // Across a fall-back overlap one wall-clock interval maps to two runs of instants, out of order.
      out = intersect(out, pieces.length > 1 ? normalize(read) : read);
    }
    if (maxPlaysPerHour !== null && out.length > 0) out = intersect(out, playSlots(w0, w1, maxPlaysPerHour, passMs));
    return out;
  }

  return {
    event,
    id: event.id,
    name: event.name,
    priority: event.priority,
    playlistId: event.playlistId,
    playlistMs: passMs,
    zone: event.timezone,
    interrupt,
    maxPlaysPerHour,
    playable,
    problems,
    ruleError,
    scanHorizonMs: rule?.scanHorizonMs ?? 4 * 366 * 86_400_000,
    rank: 0,
    ordinal: 0,
    active,
  };
}

/** The offset of the piece holding instant `u`. */
function offsetIn(pieces: readonly OffsetPiece[], u: number): number {
  for (const p of pieces) if (u < p.end) return p.offset;
  return pieces.length > 0 ? (pieces[pieces.length - 1] as OffsetPiece).offset : 0;
}

/** `plays` passes of `passMs` per clock hour, evenly spaced from the top of the hour. */
function playSlots(w0: number, w1: number, plays: number, passMs: number): IntervalSet {
  const pairs: number[] = [];
  const spacing = HOUR_MS / plays;
  for (let h = Math.floor(w0 / HOUR_MS) * HOUR_MS - HOUR_MS; h < w1; h += HOUR_MS) {
    for (let k = 0; k < plays; k++) {
      const s = h + Math.floor(k * spacing);
      pairs.push(s, s + passMs);
    }
  }
  return normalize(pairs);
}
