import type { ScheduleWarning } from '@baruga/protocol';
import { type ScreenSchedule, type Segment, localDayBounds, timeline } from '@baruga/schedules';

/**
 * The most segments one timeline answer carries. A month of 59 hourly events was 88,000 segments, 11–22 MB of
 * JSON and a second or more of CPU per request, unreadable in any view; a week of ten-minute events is 1,000.
 */
export const MAX_TIMELINE_SEGMENTS = 5000;

export type TimelinePreview =
  | { ok: true; segments: Segment[]; warnings: ScheduleWarning[] }
  /** More than the limit: `reachedAt` is where the limit was reached, a `to` that would fit. */
  | { ok: false; reachedAt: number };

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const sameRun = (a: Segment, b: Segment) =>
  a.end === b.start &&
  a.playlistId === b.playlistId &&
  JSON.stringify(a.source) === JSON.stringify(b.source) &&
  JSON.stringify(a.hides) === JSON.stringify(b.hides);

/** Joins neighbours that say the same thing, as one run, so where a day was cut does not show. */
export function joinRuns(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    // Built field by field: the engine's segments may compute `hides` lazily, which a spread would not copy.
    if (last && sameRun(last, s)) {
      out[out.length - 1] = {
        start: last.start,
        end: s.end,
        playlistId: last.playlistId,
        source: last.source,
        hides: last.hides,
      };
    } else out.push(s);
  }
  return out;
}

/**
 * The timeline of [from, to), computed one local day of the screen at a time, as the engine computes a day for
 * `resolve`, with the event loop free between days: a long preview never holds up `/api/health`, a player's
 * clock exchange or another operator. It stops as soon as the answer would pass `maxSegments`.
 */
export async function timelinePreview(
  schedule: ScreenSchedule,
  from: number,
  to: number,
  maxSegments = MAX_TIMELINE_SEGMENTS,
): Promise<TimelinePreview> {
  const segments: Segment[] = [];
  const warnings = new Map<string, ScheduleWarning>();
  for (let start = from; start < to;) {
    const end = Math.min(to, Math.max(localDayBounds(schedule.screen.timezone, start).end, start + 1));
    const day = timeline(schedule, start, end);
    for (const w of day.warnings) warnings.set(JSON.stringify(w), w);
    const last = segments.pop();
    segments.push(...joinRuns(last ? [last, ...day.segments] : day.segments));
    if (segments.length > maxSegments) return { ok: false, reachedAt: (segments[maxSegments] as Segment).start };
    start = end;
    if (start < to) await yieldToEventLoop();
  }
  return { ok: true, segments, warnings: [...warnings.values()] };
}
