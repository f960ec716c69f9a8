import { z } from 'zod';
import { CreateLoopItem } from './api';
import { DisplayName, IsoInstant, Slug } from './ids';
import { LoopItem } from './loop-item';
import { DEFAULT_PLAYLIST_ID, PlaylistItemView } from './schedule';

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0b3d91');

/** The largest canvas anything is drawn on, in pixels. */
const MAX_CANVAS_PX = 16384;
/** How many overlay zones one screen may have (a manifest carries at most this many). */
export const MAX_OVERLAY_ZONES = 8;

/** How a zone goes from one item to the next. The outgoing item stays painted until the incoming one covers it. */
export const Transition = z.object({
  kind: z.enum(['cut', 'fade', 'slide']).default('cut'),
  durationMs: z.int().min(0).max(5000).default(600),
});
export type Transition = z.infer<typeof Transition>;

/** Where a zone lies, in its canvas's pixels. */
export interface ZoneGeometry {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Zone ids that appear more than once, each named once. */
export function duplicateZoneIds(zones: readonly Pick<ZoneGeometry, 'id'>[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { id } of zones) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

/** The ids of the zones that reach past a canvas of this size (a layout's, or a screen's for its overlays). */
export function zonesOutside(canvas: { width: number; height: number }, zones: readonly ZoneGeometry[]): string[] {
  return zones.filter((z) => z.x + z.width > canvas.width || z.y + z.height > canvas.height).map((z) => z.id);
}

const fitsMaxCanvas = (zone: ZoneGeometry) =>
  zonesOutside({ width: MAX_CANVAS_PX, height: MAX_CANVAS_PX }, [zone]).length === 0;
const FITS_MAX_CANVAS = `zone reaches past ${MAX_CANVAS_PX} px`;

/** Everything of a zone but its items, whose shape depends on who writes them (see Zone, CreateZone, ZoneView). */
const ZoneFields = z.object({
  id: Slug,
  x: z.int().min(0).max(MAX_CANVAS_PX),
  y: z.int().min(0).max(MAX_CANVAS_PX),
  width: z.int().min(1).max(MAX_CANVAS_PX),
  height: z.int().min(1).max(MAX_CANVAS_PX),
  z: z.int().min(0).max(1000).default(0),
  background: Colour.optional(),
  transition: Transition.default({ kind: 'cut', durationMs: 600 }),
});

/**
 * A rectangle of the layout's canvas, in canvas pixels, that plays its own playlist. Zones paint in
 * ascending `z`; an `overlay` zone paints above every scheduled layout (running text over everything).
 */
export const Zone = ZoneFields.extend({ items: z.array(LoopItem).max(500) }).refine(fitsMaxCanvas, FITS_MAX_CANVAS);
export type Zone = z.infer<typeof Zone>;

const canvasFields = {
  name: DisplayName,
  width: z.int().min(16).max(MAX_CANVAS_PX),
  height: z.int().min(16).max(MAX_CANVAS_PX),
  background: Colour.default('#000000'),
};

// The rules every set of zones on a canvas keeps, whoever writes it (the API, the publisher, a hand-made manifest).
const uniqueZoneIds = (canvas: { zones: readonly ZoneGeometry[] }) => duplicateZoneIds(canvas.zones).length === 0;
const zonesInsideCanvas = (canvas: { width: number; height: number; zones: readonly ZoneGeometry[] }) =>
  zonesOutside(canvas, canvas.zones).length === 0;
const UNIQUE_ZONE_IDS = { message: 'zone ids must be unique', path: ['zones'] };
const ZONES_INSIDE_CANVAS = { message: 'every zone must lie inside the layout canvas', path: ['zones'] };

/** A canvas with zones; scheduled like a playlist, it fills the screen pixel for pixel. */
export const Layout = z
  .object({ id: Slug, ...canvasFields, zones: z.array(Zone).min(1).max(32) })
  .refine(uniqueZoneIds, UNIQUE_ZONE_IDS)
  .refine(zonesInsideCanvas, ZONES_INSIDE_CANVAS);
export type Layout = z.infer<typeof Layout>;

/** A zone as an operator writes it: its items are new loop items, whose ids the server assigns. */
export const CreateZone = ZoneFields.extend({ items: z.array(CreateLoopItem).max(500) }).refine(
  fitsMaxCanvas,
  FITS_MAX_CANVAS,
);
export type CreateZone = z.infer<typeof CreateZone>;

const LayoutBody = z.object({ ...canvasFields, zones: z.array(CreateZone).min(1).max(32) });

/**
 * `POST /api/layouts`. Layouts and playlists share one id space (an event's `playlistId` names either), and
 * `default` is each screen's own loop.
 */
export const CreateLayout = LayoutBody.extend({
  id: Slug.refine((id) => id !== DEFAULT_PLAYLIST_ID, `"${DEFAULT_PLAYLIST_ID}" is each screen's own loop`),
})
  .refine(uniqueZoneIds, UNIQUE_ZONE_IDS)
  .refine(zonesInsideCanvas, ZONES_INSIDE_CANVAS);
export type CreateLayout = z.infer<typeof CreateLayout>;

/** `PUT /api/layouts/:id`: the whole layout, replaced. */
export const UpdateLayout = LayoutBody.refine(uniqueZoneIds, UNIQUE_ZONE_IDS).refine(
  zonesInsideCanvas,
  ZONES_INSIDE_CANVAS,
);
export type UpdateLayout = z.infer<typeof UpdateLayout>;

/** A zone as the API answers it: items with their ids and positions, as a playlist's. */
export const ZoneView = ZoneFields.extend({ items: z.array(PlaylistItemView) });
export type ZoneView = z.infer<typeof ZoneView>;

export const LayoutView = z.object({
  id: Slug,
  name: z.string(),
  width: z.int(),
  height: z.int(),
  background: z.string(),
  zones: z.array(ZoneView),
  /** One pass: as long as its longest zone's, as the schedule engine counts it. */
  durationMs: z.int(),
  updatedAt: IsoInstant,
});
export type LayoutView = z.infer<typeof LayoutView>;

/**
 * `PUT /api/screens/:id/overlays`: the zones painted above whatever the screen's schedule plays, in screen
 * pixels (the controller checks them against the screen's size). An empty list removes them.
 */
export const ScreenOverlays = z
  .object({ zones: z.array(CreateZone).max(MAX_OVERLAY_ZONES) })
  .refine(uniqueZoneIds, UNIQUE_ZONE_IDS);
export type ScreenOverlays = z.infer<typeof ScreenOverlays>;

export const ScreenOverlaysView = z.object({ screenId: Slug, zones: z.array(ZoneView) });
export type ScreenOverlaysView = z.infer<typeof ScreenOverlaysView>;
