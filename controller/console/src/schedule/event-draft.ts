import type { EventInput, EventTargets, ScheduleEvent } from '@baruga/protocol';
import { NO_TARGETS } from '../targets/target-picker';
import { type Repeat, fromRrule, toRrule } from './recurrence';

/** An event as the form holds it: a day, a start and an end time, a repeat, and the rest as the API has it. */
export interface EventDraft {
  name: string;
  playlistId: string;
  targets: EventTargets;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  repeat: Repeat;
  until: string | null;
  daypartId: string;
  priority: number;
  interrupt: boolean;
  interruptSeconds: number;
  enabled: boolean;
}

export function emptyEvent(date: string, startTime: string | null = '08:00', targets = NO_TARGETS): EventDraft {
  return {
    name: '',
    playlistId: '',
    targets,
    date,
    startTime,
    endTime: startTime === null ? '17:00' : addMinutes(`${date}T${startTime}`, 60).slice(11),
    repeat: { kind: 'once' },
    until: null,
    daypartId: '',
    priority: 10,
    interrupt: false,
    interruptSeconds: 60,
    enabled: true,
  };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** `2026-12-06T23:30` plus 90 minutes is `2026-12-07T01:00` (wall-clock arithmetic; the API reads it in a zone). */
export function addMinutes(local: string, minutes: number): string {
  const t = Date.parse(`${local}:00Z`) + minutes * 60_000;
  return new Date(t).toISOString().slice(0, 16);
}

/** How long each occurrence lasts: an end at or before the start means the next day (a night window). */
export function lengthMinutes(startTime: string, endTime: string): number {
  const d = minutesOf(endTime) - minutesOf(startTime);
  return d > 0 ? d : d + 24 * 60;
}

export type EventProblem = 'name' | 'playlist' | 'targets' | 'date' | 'time' | 'days';

export function eventProblems(d: EventDraft): EventProblem[] {
  const problems: EventProblem[] = [];
  if (!d.name.trim()) problems.push('name');
  if (!d.playlistId) problems.push('playlist');
  const t = d.targets;
  if (!t.all && t.screens.length + t.groups.length + t.walls.length === 0) problems.push('targets');
  if (!d.date) problems.push('date');
  if (!d.startTime || !d.endTime) problems.push('time');
  if (d.repeat.kind === 'weekly' && d.repeat.days.length === 0) problems.push('days');
  return problems;
}

/** The API body (call only when `eventProblems` is empty). */
export function eventInput(d: EventDraft): EventInput {
  const start = `${d.date ?? ''}T${d.startTime ?? '00:00'}`;
  const minutes = lengthMinutes(d.startTime ?? '00:00', d.endTime ?? '00:00');
  const rrule = toRrule(d.repeat, d.until);
  return {
    name: d.name.trim(),
    playlistId: d.playlistId,
    targets: d.targets,
    priority: d.priority,
    timezone: null,
    start,
    end: rrule === null ? addMinutes(start, minutes) : null,
    rrule,
    exdates: [],
    durationMinutes: rrule === null ? null : minutes,
    daypartId: d.daypartId || null,
    interrupt: d.interrupt ? { secondsPerHour: d.interruptSeconds } : null,
    maxPlaysPerHour: null,
    enabled: d.enabled,
  };
}

/** A saved event back in the form (an end beyond a day, as the API allows, shows as its time of day). */
export function draftOf(e: ScheduleEvent): EventDraft {
  const { repeat, until } = fromRrule(e.rrule);
  const minutes =
    e.durationMinutes ??
    (e.end ? (Date.parse(`${e.end.slice(0, 16)}:00Z`) - Date.parse(`${e.start.slice(0, 16)}:00Z`)) / 60_000 : 60);
  return {
    name: e.name,
    playlistId: e.playlistId,
    targets: e.targets,
    date: e.start.slice(0, 10),
    startTime: e.start.slice(11, 16),
    endTime: addMinutes(e.start.slice(0, 16), minutes).slice(11, 16),
    repeat,
    until,
    daypartId: e.daypartId ?? '',
    priority: e.priority,
    interrupt: e.interrupt !== null,
    interruptSeconds: e.interrupt && 'secondsPerHour' in e.interrupt ? e.interrupt.secondsPerHour : 60,
    enabled: e.enabled,
  };
}
