export {
  type ScheduleInput,
  type ScreenContext,
  type Schedule,
  type ScreenSchedule,
  createSchedule,
  forScreen,
  matchesScreen,
} from './schedule';
export { type Segment, type Timeline, type Resolution, timeline, resolve, explain } from './timeline';
export {
  type PlaylistAt,
  playlistAt,
  playlistPassMs,
  layoutPassMs,
  scheduleInputFromManifest,
  screenScheduleFromManifest,
} from './manifest-schedule';
export { type EventCheck, checkEvent } from './feasibility';
export {
  type Cycle,
  type Showing,
  type Position,
  type ZoneOnScreen,
  type ScreenOnScreen,
  MAIN_ZONE,
  OVERLAY_SINCE,
  positionAt,
  showingAfter,
  cycleOf,
  cueOf,
  onScreenAt,
} from './playback';
export { type Recurrence, compileRecurrence } from './recurrence';
export {
  type OffsetPiece,
  type Disambiguation,
  offsetAt,
  toFloating,
  fromFloating,
  floatingToUtc,
  offsetPieces,
  localDayBounds,
  formatFloating,
} from './zoned-time';
