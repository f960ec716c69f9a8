import { DEFAULT_PLAYLIST_ID, type LoopItem, type Manifest } from '@baruga/protocol';
import { type ScheduleInput, type ScreenSchedule, createSchedule, forScreen } from './schedule';
import { type Resolution, resolve } from './timeline';

/** One pass of a playlist: its items one after the other. */
export const playlistPassMs = (items: readonly { durationMs: number }[]) =>
  items.reduce((sum, item) => sum + item.durationMs, 0);

/**
 * One pass of a layout, scheduled like a playlist: as long as its longest zone's. The player counts it from the
 * manifest and the controller's previews from the database, both through here, so they cannot disagree.
 */
export const layoutPassMs = (layout: { zones: readonly { items: readonly { durationMs: number }[] }[] }) =>
  Math.max(0, ...layout.zones.map((zone) => playlistPassMs(zone.items)));

/** The engine's input from a manifest alone: what a player has, offline. */
export function scheduleInputFromManifest(manifest: Manifest): ScheduleInput {
  const playlistDurations: Record<string, number> = { [DEFAULT_PLAYLIST_ID]: playlistPassMs(manifest.loop) };
  for (const [id, items] of Object.entries(manifest.playlists)) playlistDurations[id] = playlistPassMs(items);
  for (const [id, layout] of Object.entries(manifest.layouts)) playlistDurations[id] = layoutPassMs(layout);
  return { events: manifest.schedule.events, dayparts: manifest.schedule.dayparts, playlistDurations };
}

const compiled = new WeakMap<Manifest, ScreenSchedule>();

/** The manifest's screen with its schedule compiled; compiled once per manifest object. */
export function screenScheduleFromManifest(manifest: Manifest): ScreenSchedule {
  let screen = compiled.get(manifest);
  if (!screen) {
    screen = forScreen(createSchedule(scheduleInputFromManifest(manifest)), {
      id: manifest.screen.id,
      timezone: manifest.screen.timezone,
      wallId: manifest.schedule.wallId,
      groups: manifest.schedule.groups,
    });
    compiled.set(manifest, screen);
  }
  return screen;
}

/** What a player plays at an instant: the resolution, and the items of that playlist. */
export interface PlaylistAt extends Resolution {
  /**
   * The items to play: `manifest.loop` for the default, else `manifest.playlists[playlistId]`; none for a layout,
   * whose zones (each with its items) are `manifest.layouts[playlistId]`.
   */
  items: readonly LoopItem[];
}

/**
 * The player's one call: which playlist a manifest's screen plays at `instant` (epoch ms from the player's
 * synchronised clock), with its items and why. Pure and offline; the same engine the controller previews with.
 *
 * Play `items` from `since` (so every tile of a wall is at the same place), and call again at `until`; when the
 * next answer has the same `source`, keep playing rather than restart.
 */
export function playlistAt(manifest: Manifest, instant: number): PlaylistAt {
  const resolution = resolve(screenScheduleFromManifest(manifest), instant);
  if (manifest.layouts[resolution.playlistId]) return { ...resolution, items: [] };
  const items =
    resolution.playlistId === DEFAULT_PLAYLIST_ID ? manifest.loop : manifest.playlists[resolution.playlistId];
  // The engine never picks a playlist the manifest lacks (such an event is unplayable), but stay on the loop
  // rather than show nothing should a hand-made manifest disagree.
  return { ...resolution, items: items ?? manifest.loop };
}
