import type { Daypart, ScheduleEvent } from '@baruga/protocol';
import { type ScreenContext, type ScreenSchedule, createSchedule, forScreen } from './schedule';
import type { Segment } from './timeline';

/** Builders for the engine's tests: events read like the operator's form, times like a wall clock. */

export function event(fields: Partial<ScheduleEvent> & Pick<ScheduleEvent, 'id' | 'start'>): ScheduleEvent {
  return {
    name: fields.id,
    playlistId: 'pl',
    targets: { screens: ['s1'], groups: [], walls: [], all: false },
    priority: 0,
    timezone: null,
    end: null,
    rrule: null,
    exdates: [],
    durationMinutes: null,
    daypartId: null,
    interrupt: null,
    maxPlaysPerHour: null,
    enabled: true,
    ...fields,
  };
}

export function screen(fields: Partial<ScreenContext> = {}): ScreenContext {
  return { id: 's1', timezone: 'Asia/Makassar', wallId: null, groups: [], ...fields };
}

export function scheduleFor(
  events: ScheduleEvent[],
  options: { screen?: Partial<ScreenContext>; dayparts?: Daypart[]; playlists?: Record<string, number> } = {},
): ScreenSchedule {
  const playlistDurations: Record<string, number> = { default: 30_000, pl: 60_000, ...options.playlists };
  for (const e of events) playlistDurations[e.playlistId] ??= 60_000;
  return forScreen(
    createSchedule({ events, dayparts: options.dayparts ?? [], playlistDurations }),
    screen(options.screen),
  );
}

/** An instant from a wall-clock time in a zone written as an offset: `at('2025-03-07T12:00+08:00')`. */
export const at = (iso: string) => Date.parse(iso);

/** `12:00–13:30 prayer (event friday)`: a segment as a person reads it, in the given UTC offset. */
export function describeSegment(s: Segment, offsetHours = 8): string {
  const hhmm = (t: number) => new Date(t + offsetHours * 3_600_000).toISOString().slice(11, 16);
  const who = s.source.kind === 'default' ? 'default' : `${s.source.kind} ${s.source.eventId}`;
  return `${hhmm(s.start)}–${hhmm(s.end)} ${s.playlistId} (${who})`;
}
