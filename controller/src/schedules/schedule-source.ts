import { DEFAULT_PLAYLIST_ID, type ManifestSchedule } from '@baruga/protocol';
import { type ScheduleInput, type ScreenContext, layoutPassMs, matchesScreen, playlistPassMs } from '@baruga/schedules';
import type { Repositories } from '../db/repositories';
import type { LayoutRow } from './layouts-repository';
import type { PlaylistRow } from './schedules-repository';
import type { ScreenRow } from '../screens/screens-repository';

/**
 * What a screen's schedule is made of, read once from the database: the events that target it, the dayparts,
 * playlists and layouts they name. The publisher puts exactly this in the manifest, and the previews (timeline,
 * now, walls) feed exactly this to the engine, so a preview and the player's own resolution cannot disagree.
 */
export interface ScreenScheduleSource {
  schedule: ManifestSchedule;
  playlists: PlaylistRow[];
  layouts: LayoutRow[];
  context: ScreenContext;
}

export function scheduleSource(repos: Repositories, screen: ScreenRow): ScreenScheduleSource {
  const groups = repos.schedules.groupsOf(screen.id);
  const context: ScreenContext = { id: screen.id, timezone: screen.timezone, wallId: screen.wallId, groups };
  // Disabled events are left out: a player has no use for them, and the preview must see what the player sees.
  const events = repos.schedules.eventsForScreen(context).filter((e) => e.enabled && matchesScreen(e, context));
  const daypartIds = [...new Set(events.flatMap((e) => (e.daypartId === null ? [] : [e.daypartId])))].sort();
  // An event's playlistId names a playlist or a layout (one id space); `default` is the screen's own loop.
  const playlistIds = [...new Set(events.map((e) => e.playlistId))].filter((id) => id !== DEFAULT_PLAYLIST_ID).sort();
  const dayparts = daypartIds.flatMap((id) => repos.schedules.getDaypart(id) ?? []);
  const playlists = playlistIds.flatMap((id) => repos.schedules.getPlaylist(id) ?? []);
  const layouts = playlistIds.flatMap((id) => repos.layouts.getLayout(id) ?? []);
  return { schedule: { wallId: screen.wallId, groups, events, dayparts }, playlists, layouts, context };
}

/**
 * The engine's input for one screen, with pass lengths counted as the player counts them from its manifest
 * (`scheduleInputFromManifest`): a playlist's items end to end, a layout's longest zone.
 */
export function engineInput(repos: Repositories, screen: ScreenRow, source = scheduleSource(repos, screen)) {
  const playlistDurations: Record<string, number> = {
    [DEFAULT_PLAYLIST_ID]: playlistPassMs(repos.items.list({ kind: 'loop', screenId: screen.id })),
  };
  for (const p of source.playlists) playlistDurations[p.id] = playlistPassMs(p.items);
  for (const l of source.layouts) playlistDurations[l.id] = layoutPassMs(l);
  const input: ScheduleInput = {
    events: source.schedule.events,
    dayparts: source.schedule.dayparts,
    playlistDurations,
  };
  return { input, context: source.context };
}
