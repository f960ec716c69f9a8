import { z } from 'zod';
import { GeoPoint } from './geo';
import { IsoInstant, Locale, Sha256Hex, Slug, Timezone } from './ids';
import { type Result, err, ok } from './result';
import { ErrorCode } from './errors';
import { Layout, MAX_OVERLAY_ZONES, Zone } from './layout';
import { LoopItem } from './loop-item';
import { FULL_BRIGHTNESS, ManifestWall, ScreenBrightness } from './walls';
import { ManifestApproval } from './approval';

export { LoopItem };
import { DEFAULT_PLAYLIST_ID, EMPTY_SCHEDULE, ManifestSchedule } from './schedule';

/** 2: adds `playlists` and `schedule`, so a player resolves its own schedule offline (docs/schedules.md). */
export const MANIFEST_SCHEMA_VERSION = 2;

export const ScreenInfo = z.object({
  id: Slug,
  name: z.string().min(1).max(120),
  width: z.int().min(16).max(16384),
  height: z.int().min(16).max(16384),
  timezone: Timezone,
  locale: Locale,
  public: z.boolean(),
  /** Where the screen stands, when an operator said so: prayer times are computed for it, offline. */
  location: GeoPoint.optional(),
});
export type ScreenInfo = z.infer<typeof ScreenInfo>;

export const AssetRef = z.object({
  sha256: Sha256Hex,
  /** Immutable, content-addressed URL, relative to the controller origin. */
  url: z.string().startsWith('/'),
  size: z.int().min(0),
  mime: z.string().min(1).max(100),
});
export type AssetRef = z.infer<typeof AssetRef>;

/** The playlists this screen's events name, by id; `default` is never one of them (it is `loop`). */
export const ManifestPlaylists = z
  .record(Slug, z.array(LoopItem).max(500))
  .refine((p) => Object.keys(p).length <= 500, 'at most 500 playlists')
  .refine((p) => !(DEFAULT_PLAYLIST_ID in p), `"${DEFAULT_PLAYLIST_ID}" is the screen's own loop, not a playlist`);
export type ManifestPlaylists = z.infer<typeof ManifestPlaylists>;

/** The key of the screen's overlay zones in a cue (never a slug, so no playlist or layout can share it). */
export const OVERLAYS_CUE = '@overlays';

/**
 * A publish that changed a zone's items: from `at` (the publish instant on the controller's clock) the zone plays
 * from item `index`, the first new or changed one, so an operator sees what they just published at once. Where a
 * zone is in its playlist stays a function of (manifest, instant): the later of its segment's start and its cue
 * decides (docs/rendering.md, "Where a zone is").
 */
export const PlaybackCue = z.object({
  /** The playlist or layout the zone belongs to (`default` for the screen's loop), or {@link OVERLAYS_CUE}. */
  programme: z.string().min(1).max(64),
  /** The zone: `main` for a playlist, which fills the screen. */
  zone: z.string().min(1).max(64),
  at: IsoInstant,
  index: z.int().min(0),
});
export type PlaybackCue = z.infer<typeof PlaybackCue>;

export const Manifest = z.object({
  schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
  screenId: Slug,
  /** Monotonic per screen: a player never goes back to a lower version. */
  version: z.int().min(1),
  issuedAt: IsoInstant,
  expiresAt: IsoInstant,
  screen: ScreenInfo,
  /** The screen's always-on default playlist (id `default`): what plays when nothing is scheduled. */
  loop: z.array(LoopItem).max(500),
  playlists: ManifestPlaylists,
  schedule: ManifestSchedule,
  /** Zoned layouts, scheduled by id like playlists: an event naming a layout fills the screen with its zones. */
  layouts: z.record(Slug, Layout).default({}),
  /** Zones painted above whatever is scheduled (running text over everything), in screen pixels. */
  overlays: z.array(Zone).max(MAX_OVERLAY_ZONES).default([]),
  assets: z.array(AssetRef).max(5000),
  /** The wall this screen is a tile of, its canvas and this tile's viewport; null for a screen of its own. */
  wall: ManifestWall.nullable().default(null),
  /** Night dimming: the renderer darkens the picture to the percent the screen's local time calls for. */
  brightness: ScreenBrightness.default(FULL_BRIGHTNESS),
  /** Where zones whose items changed at a publish begin; none in manifests from before cues. */
  cues: z.array(PlaybackCue).max(20_000).default([]),
  /**
   * A public screen's approval of exactly this content (approval.ts); signed with the rest, so a player shows
   * nothing on a public screen that an approver did not pass. Absent for other screens.
   */
  approval: ManifestApproval.optional(),
});
export type Manifest = z.infer<typeof Manifest>;

/**
 * Parses a manifest from the wire. Older schema versions are migrated here as they appear; a newer
 * one is refused with a clear reason rather than half-understood.
 */
export function parseManifest(raw: unknown): Result<Manifest> {
  const version = typeof raw === 'object' && raw !== null && 'schemaVersion' in raw ? raw.schemaVersion : undefined;
  if (typeof version === 'number' && version > MANIFEST_SCHEMA_VERSION) {
    return err({
      code: ErrorCode.validation,
      message: `manifest schemaVersion ${version} is newer than this player understands (${MANIFEST_SCHEMA_VERSION})`,
    });
  }
  const parsed = Manifest.safeParse(version === 1 && typeof raw === 'object' && raw !== null ? migrateV1(raw) : raw);
  if (!parsed.success) {
    return err({ code: ErrorCode.validation, message: 'invalid manifest', details: z.treeifyError(parsed.error) });
  }
  return ok(parsed.data);
}

/** v1 had only the loop: it becomes a v2 manifest with nothing scheduled, so the loop plays as before. */
function migrateV1(raw: object): unknown {
  return { playlists: {}, schedule: EMPTY_SCHEDULE, ...raw, schemaVersion: 2 };
}
