import { z } from 'zod';
import { PlayerHostKind, ScreenHealth } from './delivery';
import { IsoInstant, Slug } from './ids';
import { ResolutionView } from './schedule';

/**
 * `GET /api/overview`: every screen and wall at a glance, for the console's home page, in one request: health,
 * what plays now and why, the items on screen by name, the last screenshot, and changes not yet published.
 */

/** What a schedule's playlist id names: the screen's loop, a playlist, a layout, an announcement, or nothing known. */
export const PlaylistKind = z.enum(['default', 'playlist', 'layout', 'announcement', 'unknown']);
export type PlaylistKind = z.infer<typeof PlaylistKind>;

/** An item a player reports on screen, named as an operator knows it (a title, a text's first words, a file name). */
export const OnScreenItem = z.object({
  zoneId: z.string(),
  itemId: z.string(),
  /** Null when the controller no longer has the item (deleted since). */
  type: z.string().nullable(),
  label: z.string().nullable(),
  since: IsoInstant,
});
export type OnScreenItem = z.infer<typeof OnScreenItem>;

export const ScreenOverview = z.object({
  screenId: Slug,
  name: z.string(),
  width: z.int(),
  height: z.int(),
  timezone: z.string(),
  public: z.boolean(),
  wallId: Slug.nullable(),
  groups: z.array(Slug),
  health: ScreenHealth,
  lastHeartbeatAt: IsoInstant.nullable(),
  /** What drives it: an Electron or Chromium host (screenshots, restarts) or a plain browser tab (neither). */
  hostKind: PlayerHostKind.nullable(),
  blackout: z.boolean(),
  now: ResolutionView.extend({ playlistName: z.string().nullable(), playlistKind: PlaylistKind }),
  onScreen: z.array(OnScreenItem),
  lastScreenshot: z.object({ url: z.string(), takenAt: IsoInstant }).nullable(),
  publishedVersion: z.int().nullable(),
  /** The version the player last said it runs. */
  runningVersion: z.int().nullable(),
  /** The loop was changed after the last publish: the screen does not show it yet. */
  unpublishedChanges: z.boolean(),
});
export type ScreenOverview = z.infer<typeof ScreenOverview>;

export const WallOverview = z.object({
  id: Slug,
  name: z.string(),
  columns: z.int(),
  rows: z.int(),
  /** Its tiles, row by row. */
  screenIds: z.array(Slug),
});
export type WallOverview = z.infer<typeof WallOverview>;

export const Overview = z.object({
  at: IsoInstant,
  screens: z.array(ScreenOverview),
  walls: z.array(WallOverview),
  /** Every group some screen belongs to. */
  groups: z.array(Slug),
});
export type Overview = z.infer<typeof Overview>;
