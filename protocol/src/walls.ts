import { z } from 'zod';
import { IsoInstant, Slug } from './ids';
import { DaypartWindow } from './schedule';

/** The most tiles one wall may have on each side (a 32×32 wall is 1,024 players). */
export const MAX_WALL_SIDE = 32;
/** The largest panel dimension we accept, in millimetres (a 10 m LED cabinet row is already absurd). */
const MAX_PANEL_MM = 10_000;
/** A bezel wider than this is a mistake (mm typed as cm, or a gap that is really a separate wall). */
const MAX_BEZEL_MM = 500;

const Millimetres = z.number().gt(0).max(MAX_PANEL_MM);
const BezelMm = z.number().min(0).max(MAX_BEZEL_MM);

/** A panel's frame around its active area, in mm, on each side as the panel stands in its native orientation. */
export const Bezel = z.object({ top: BezelMm, right: BezelMm, bottom: BezelMm, left: BezelMm });
export type Bezel = z.infer<typeof Bezel>;

/**
 * One panel model: its native pixel grid (what the player's output drives) and the physical size of the area
 * that lights up, plus the bezels around it. Bezel compensation needs only these: the pixels a bezel hides are
 * `pixels × bezel mm ÷ active mm` (docs/walls.md).
 */
export const PanelModel = z.object({
  widthPx: z.int().min(16).max(16384),
  heightPx: z.int().min(16).max(16384),
  activeWidthMm: Millimetres,
  activeHeightMm: Millimetres,
  bezelMm: Bezel.default({ top: 0, right: 0, bottom: 0, left: 0 }),
});
export type PanelModel = z.infer<typeof PanelModel>;

/**
 * How a panel is mounted, in degrees clockwise from its native (landscape) orientation. The player's output
 * stays the panel's native pixel grid; the renderer turns its part of the picture back so it reads upright.
 */
export const Rotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type Rotation = z.infer<typeof Rotation>;

/** A rectangle of the wall's canvas, in canvas pixels. */
export const Viewport = z.object({
  x: z.int().min(0),
  y: z.int().min(0),
  width: z.int().min(1),
  height: z.int().min(1),
});
export type Viewport = z.infer<typeof Viewport>;

export const CanvasSize = z.object({ width: z.int().min(1), height: z.int().min(1) });
export type CanvasSize = z.infer<typeof CanvasSize>;

/** One cell of the grid as an operator writes it; a cell not listed has the wall's panel, upright, and no screen. */
export const WallTileInput = z.object({
  column: z
    .int()
    .min(0)
    .max(MAX_WALL_SIDE - 1),
  row: z
    .int()
    .min(0)
    .max(MAX_WALL_SIDE - 1),
  /** The screen (one player output) that drives this panel; null while none is assigned. */
  screenId: Slug.nullable().default(null),
  /** Another panel model than the wall's (a mixed wall). */
  panel: PanelModel.optional(),
  rotation: Rotation.default(0),
});
export type WallTileInput = z.infer<typeof WallTileInput>;

const wallFields = {
  name: z.string().trim().min(1).max(120),
  columns: z.int().min(1).max(MAX_WALL_SIDE),
  rows: z.int().min(1).max(MAX_WALL_SIDE),
  /** The panel model most tiles use; the canvas is measured in its pixels. */
  panel: PanelModel,
  tiles: z
    .array(WallTileInput)
    .max(MAX_WALL_SIDE * MAX_WALL_SIDE)
    .default([]),
};

type WallShape = { columns: number; rows: number; tiles: readonly WallTileInput[] };
const tilesInsideGrid = (w: WallShape) => w.tiles.every((t) => t.column < w.columns && t.row < w.rows);
const cellsOnce = (w: WallShape) => new Set(w.tiles.map((t) => `${t.column},${t.row}`)).size === w.tiles.length;
const screensOnce = (w: WallShape) => {
  const ids = w.tiles.flatMap((t) => (t.screenId === null ? [] : [t.screenId]));
  return new Set(ids).size === ids.length;
};
const INSIDE = { message: 'every tile must lie inside the grid (column < columns, row < rows)', path: ['tiles'] };
const ONCE = { message: 'a cell may be listed once', path: ['tiles'] };
const SCREEN_ONCE = { message: 'a screen may drive one tile of a wall', path: ['tiles'] };

/** `POST /api/walls`. */
export const CreateWall = z
  .object({ id: Slug, ...wallFields })
  .refine(tilesInsideGrid, INSIDE)
  .refine(cellsOnce, ONCE)
  .refine(screensOnce, SCREEN_ONCE);
export type CreateWall = z.infer<typeof CreateWall>;

/** `PUT /api/walls/:id`: the whole wall, replaced (tiles not listed lose their screen). */
export const UpdateWall = z
  .object(wallFields)
  .refine(tilesInsideGrid, INSIDE)
  .refine(cellsOnce, ONCE)
  .refine(screensOnce, SCREEN_ONCE);
export type UpdateWall = z.infer<typeof UpdateWall>;

/** A tile as the API answers it: every cell of the grid, with its panel resolved and its viewport computed. */
export const WallTileView = z.object({
  column: z.int(),
  row: z.int(),
  screenId: Slug.nullable(),
  panel: PanelModel,
  rotation: Rotation,
  /** The part of the canvas this panel shows, in canvas pixels (bezel-compensated). */
  viewport: Viewport,
  /** Whether the tile's player is connected now; false without a screen. */
  connected: z.boolean(),
});
export type WallTileView = z.infer<typeof WallTileView>;

/** `GET /api/walls/:id`. */
export const WallView = z.object({
  id: Slug,
  name: z.string(),
  columns: z.int(),
  rows: z.int(),
  panel: PanelModel,
  /** One bezel-compensated picture: what a layout for this wall should measure. */
  canvas: CanvasSize,
  tiles: z.array(WallTileView),
  updatedAt: IsoInstant,
});
export type WallView = z.infer<typeof WallView>;

/**
 * What a tile's manifest says about its wall: the canvas the wall's content is drawn on and the part of it this
 * screen shows. Content from events that target the wall is drawn on the canvas; the screen's own loop and events
 * aimed at the screen alone keep its own pixels (docs/walls.md).
 */
export const ManifestWall = z.object({
  id: Slug,
  name: z.string().min(1).max(120),
  column: z.int().min(0),
  row: z.int().min(0),
  canvas: CanvasSize,
  viewport: Viewport,
  rotation: Rotation,
});
export type ManifestWall = z.infer<typeof ManifestWall>;

/** One rule of a screen's brightness schedule: inside these windows (the screen's local time) it runs at `percent`. */
export const BrightnessRule = z.object({
  windows: z.array(DaypartWindow).min(1).max(50),
  percent: z.int().min(0).max(100),
});
export type BrightnessRule = z.infer<typeof BrightnessRule>;

/**
 * `PUT /api/screens/:id/brightness`, and the same in the manifest: the renderer dims the whole picture to `percent`
 * outside every rule's windows and to the first matching rule's percent inside (night dimming for LED videotrons).
 */
export const ScreenBrightness = z.object({
  percent: z.int().min(0).max(100).default(100),
  rules: z.array(BrightnessRule).max(16).default([]),
});
export type ScreenBrightness = z.infer<typeof ScreenBrightness>;

export const FULL_BRIGHTNESS: ScreenBrightness = { percent: 100, rules: [] };
