import {
  DEFAULT_PLAYLIST_ID,
  ErrorCode,
  type EventView,
  type ScheduleEvent,
  type ScheduleWarning,
} from '@baruga/protocol';
import { checkEvent } from '@baruga/schedules';
import type { Repositories } from '../db/repositories';
import { ApiError } from '../http/http-errors';
import { drawingSurfaces } from '../walls/wall-canvas';

/**
 * What an event names must exist and its rule must parse; answers the engine's warnings about it. Every writer of
 * events goes through here (the events API, announcements), and so does the dry run of an edit.
 */
export function checkScheduleEvent(
  repos: Repositories,
  event: ScheduleEvent,
  now: number,
): Pick<EventView, 'warnings' | 'firstActive'> {
  const layout = repos.layouts.getLayout(event.playlistId);
  if (event.playlistId !== DEFAULT_PLAYLIST_ID && !layout && !repos.schedules.getPlaylist(event.playlistId)) {
    throw new ApiError(
      400,
      ErrorCode.playlistNotFound,
      `no playlist or layout has the id "${event.playlistId}" (or use "${DEFAULT_PLAYLIST_ID}", the screen's own loop)`,
    );
  }
  if (event.daypartId !== null && !repos.schedules.getDaypart(event.daypartId)) {
    throw new ApiError(400, ErrorCode.daypartNotFound, `daypart "${event.daypartId}" does not exist`);
  }
  for (const s of event.targets.screens) {
    if (!repos.screens.get(s)) throw new ApiError(400, ErrorCode.screenNotFound, `target screen "${s}" does not exist`);
  }
  for (const w of event.targets.walls) {
    if (!repos.schedules.getWall(w))
      throw new ApiError(400, ErrorCode.wallNotFound, `target wall "${w}" does not exist`);
  }
  const dayparts =
    event.daypartId === null ? [] : [repos.schedules.getDaypart(event.daypartId)].flatMap((d) => d ?? []);
  // The default loop differs per screen; any length will do for the checks, which are about the event itself.
  const playlistDurations = {
    [DEFAULT_PLAYLIST_ID]: 60_000,
    ...repos.schedules.playlistDurations(),
    ...(layout ? { [layout.id]: layout.durationMs } : {}),
  };
  const checked = checkEvent(event, { dayparts, playlistDurations }, now);
  if (!checked.ok) throw new ApiError(400, checked.error.code, checked.error.message);
  const screens = repos.schedules.screensTargeted(event.targets).flatMap((id) => repos.screens.get(id) ?? []);
  // On a wall the event names, a layout is drawn on the wall's canvas, not on each tile.
  const mismatch = layout ? layoutSizeWarning(layout, drawingSurfaces(repos, event, screens), [event.id]) : null;
  return mismatch ? { ...checked.value, warnings: [...checked.value.warnings, mismatch] } : checked.value;
}

/**
 * A layout is drawn pixel for pixel, unscaled: on a screen of another size it is cut off or leaves a border.
 * Not an error (a layout may be made for the wall's other screens), but the operator should know.
 */
export function layoutSizeWarning(
  layout: { id: string; width: number; height: number },
  screens: readonly { id: string; width: number; height: number }[],
  eventIds: string[],
): ScheduleWarning | null {
  const other = screens.filter((s) => s.width !== layout.width || s.height !== layout.height);
  if (other.length === 0) return null;
  const listed = other
    .slice(0, 5)
    .map((s) => `${s.id} (${s.width}×${s.height})`)
    .join(', ');
  const more = other.length > 5 ? ` and ${other.length - 5} more` : '';
  return {
    code: 'layout-size-mismatch',
    message: `layout "${layout.id}" is ${layout.width}×${layout.height}, drawn unscaled on ${listed}${more}`,
    eventIds,
  };
}
