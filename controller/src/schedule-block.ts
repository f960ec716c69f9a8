import { DEFAULT_PLAYLIST_ID, type ManifestSchedule } from '@baruga/protocol';
import { type ScheduleInput, type ScreenContext, matchesScreen } from '@baruga/schedules';
import type { Repositories } from './db/repositories/index';
import type { PlaylistRow } from './db/repositories/schedules';
import type { ScreenRow } from './db/repositories/screens';

/**
 * What a screen's schedule is made of, read once from the database: the events that target it, the dayparts and
 * playlists they name. The publisher puts exactly this in the manifest, and the previews (timeline, now, walls)
 * feed exactly this to the engine, so a preview and the player's own resolution cannot disagree.
 */
export interface ScreenScheduleSource {
  schedule: ManifestSchedule;
  playlists: PlaylistRow[];
  context: ScreenContext;
}

export function scheduleSource(repos: Repositories, screen: ScreenRow): ScreenScheduleSource {
  const groups = repos.schedules.groupsOf(screen.id);
  const context: ScreenContext = { id: screen.id, timezone: screen.timezone, wallId: screen.wallId, groups };
  // Disabled events are left out: a player has no use for them, and the preview must see what the player sees.
  const events = repos.schedules.eventsForScreen(context).filter((e) => e.enabled && matchesScreen(e, context));
  const daypartIds = [...new Set(events.flatMap((e) => (e.daypartId === null ? [] : [e.daypartId])))].sort();
  const playlistIds = [...new Set(events.map((e) => e.playlistId))].filter((id) => id !== DEFAULT_PLAYLIST_ID).sort();
  const dayparts = daypartIds.flatMap((id) => repos.schedules.getDaypart(id) ?? []);
  const playlists = playlistIds.flatMap((id) => repos.schedules.getPlaylist(id) ?? []);
  return { schedule: { wallId: screen.wallId, groups, events, dayparts }, playlists, context };
}

/** The engine's input for one screen, with playlist lengths as its manifest will carry them. */
export function engineInput(repos: Repositories, screen: ScreenRow, source = scheduleSource(repos, screen)) {
  const playlistDurations: Record<string, number> = {
    [DEFAULT_PLAYLIST_ID]: repos.loopItems.list(screen.id).reduce((sum, i) => sum + i.durationMs, 0),
  };
  for (const p of source.playlists) playlistDurations[p.id] = p.durationMs;
  const input: ScheduleInput = {
    events: source.schedule.events,
    dayparts: source.schedule.dayparts,
    playlistDurations,
  };
  return { input, context: source.context };
}
