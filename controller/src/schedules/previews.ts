import type { ResolutionView, TimelineSegmentView } from '@baruga/protocol';
import {
  type Resolution,
  type ScreenSchedule,
  type Segment,
  createSchedule,
  explain,
  forScreen,
} from '@baruga/schedules';
import type { Repositories } from '../db/repositories';
import type { ScreenRow } from '../screens/screens-repository';
import { type ScreenScheduleSource, engineInput, scheduleSource } from './schedule-source';

/** A screen's schedule as its manifest will carry it, compiled for the engine (the previews' one entry point). */
export function screenSchedule(
  repos: Repositories,
  screen: ScreenRow,
  source: ScreenScheduleSource = scheduleSource(repos, screen),
): ScreenSchedule {
  const { input, context } = engineInput(repos, screen, source);
  return forScreen(createSchedule(input), context);
}

const iso = (ms: number) => new Date(ms).toISOString();

export const segmentView = (s: Segment): TimelineSegmentView => ({
  start: iso(s.start),
  end: iso(s.end),
  playlistId: s.playlistId,
  source: s.source,
  hides: [...s.hides],
  explanation: explain(s),
});

export const resolutionView = (screenId: string, r: Resolution): ResolutionView => ({
  ...segmentView(r),
  // For "now", the run of this source is what a person wants to see ("since 09:00, until 11:30").
  start: iso(r.since),
  end: iso(r.until),
  screenId,
  at: iso(r.at),
});
