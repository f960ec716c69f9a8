import type { Bezel, CanvasSize, PanelModel, Rotation, Viewport, WallTileInput } from './walls';

/** A cell with its panel and mounting resolved, and where its active area lies on the canvas. */
export interface TileGeometry {
  column: number;
  row: number;
  screenId: string | null;
  panel: PanelModel;
  rotation: Rotation;
  viewport: Viewport;
}

export interface WallGeometry {
  canvas: CanvasSize;
  /** Every cell of the grid, row by row. */
  tiles: TileGeometry[];
}

/** What a panel occupies on the wall as mounted: active area and bezels in mm, pixels across and down. */
interface Footprint {
  activeW: number;
  activeH: number;
  widthPx: number;
  heightPx: number;
  bezel: Bezel;
}

/** The bezels as they stand after turning the panel clockwise by `rotation` (its native left becomes the top at 90°). */
export function rotateBezel(b: Bezel, rotation: Rotation): Bezel {
  switch (rotation) {
    case 0:
      return b;
    case 90:
      return { top: b.left, right: b.top, bottom: b.right, left: b.bottom };
    case 180:
      return { top: b.bottom, right: b.left, bottom: b.top, left: b.right };
    case 270:
      return { top: b.right, right: b.bottom, bottom: b.left, left: b.top };
  }
}

function footprint(panel: PanelModel, rotation: Rotation): Footprint {
  const turned = rotation === 90 || rotation === 270;
  return {
    activeW: turned ? panel.activeHeightMm : panel.activeWidthMm,
    activeH: turned ? panel.activeWidthMm : panel.activeHeightMm,
    widthPx: turned ? panel.heightPx : panel.widthPx,
    heightPx: turned ? panel.widthPx : panel.heightPx,
    bezel: rotateBezel(panel.bezelMm, rotation),
  };
}

/**
 * One bezel-compensated canvas for a grid of panels, and each panel's viewport on it.
 *
 * The wall is laid out in millimetres: a column is as wide as its widest panel with its side bezels, a row as tall
 * as its tallest, and a panel smaller than its cell is centred in it. The canvas is measured in the pixels of the
 * wall's own panel model (`panel`, pixels per active mm on each axis), so a tile of that model shows its viewport
 * pixel for pixel, and the gap between two neighbours is `pixels × (bezel mm of both) ÷ active mm`: what a bezel
 * hides is what would be behind it in a single picture. The canvas starts at the first active pixel: outer bezels
 * hide nothing. Tiles of another model get a viewport of their physical size in canvas pixels and scale it to their
 * own pixels; rotated tiles are measured as they hang.
 */
export function wallGeometry(wall: {
  columns: number;
  rows: number;
  panel: PanelModel;
  tiles: readonly WallTileInput[];
}): WallGeometry {
  const scaleX = wall.panel.widthPx / wall.panel.activeWidthMm;
  const scaleY = wall.panel.heightPx / wall.panel.activeHeightMm;
  const given = new Map(wall.tiles.map((t) => [`${t.column},${t.row}`, t]));
  const cells: { input: WallTileInput; panel: PanelModel; foot: Footprint }[] = [];
  for (let row = 0; row < wall.rows; row++) {
    for (let column = 0; column < wall.columns; column++) {
      const input = given.get(`${column},${row}`) ?? { column, row, screenId: null, rotation: 0 as const };
      const panel = input.panel ?? wall.panel;
      cells.push({ input, panel, foot: footprint(panel, input.rotation) });
    }
  }
  const colWidth = new Array<number>(wall.columns).fill(0);
  const rowHeight = new Array<number>(wall.rows).fill(0);
  for (const { input, foot } of cells) {
    const w = foot.bezel.left + foot.activeW + foot.bezel.right;
    const h = foot.bezel.top + foot.activeH + foot.bezel.bottom;
    colWidth[input.column] = Math.max(colWidth[input.column] ?? 0, w);
    rowHeight[input.row] = Math.max(rowHeight[input.row] ?? 0, h);
  }
  const colStart = prefixSums(colWidth);
  const rowStart = prefixSums(rowHeight);

  // Active areas in mm on the wall, then the canvas's origin at the first active pixel.
  const placed = cells.map(({ input, panel, foot }) => {
    const cellW = colWidth[input.column] ?? 0;
    const cellH = rowHeight[input.row] ?? 0;
    const outerW = foot.bezel.left + foot.activeW + foot.bezel.right;
    const outerH = foot.bezel.top + foot.activeH + foot.bezel.bottom;
    const left = (colStart[input.column] ?? 0) + (cellW - outerW) / 2 + foot.bezel.left;
    const top = (rowStart[input.row] ?? 0) + (cellH - outerH) / 2 + foot.bezel.top;
    return { input, panel, left, top, width: foot.activeW, height: foot.activeH };
  });
  const originX = Math.min(...placed.map((a) => a.left));
  const originY = Math.min(...placed.map((a) => a.top));

  const tiles = placed.map(({ input, panel, ...a }): TileGeometry => {
    // Each edge is rounded on its own from millimetres, never accumulated, so rounding cannot drift across a wall;
    // the size is rounded from the active size alone, so a tile of the wall's model is exactly its pixels.
    const viewport = {
      x: Math.round((a.left - originX) * scaleX),
      y: Math.round((a.top - originY) * scaleY),
      width: Math.max(1, Math.round(a.width * scaleX)),
      height: Math.max(1, Math.round(a.height * scaleY)),
    };
    return {
      column: input.column,
      row: input.row,
      screenId: input.screenId,
      panel,
      rotation: input.rotation,
      viewport,
    };
  });
  const canvas = {
    width: Math.max(...tiles.map((t) => t.viewport.x + t.viewport.width)),
    height: Math.max(...tiles.map((t) => t.viewport.y + t.viewport.height)),
  };
  return { canvas, tiles };
}

function prefixSums(sizes: readonly number[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const s of sizes) {
    starts.push(at);
    at += s;
  }
  return starts;
}

/**
 * How a tile draws its viewport on its own output: a CSS transform (applied to a box of the viewport's size at the
 * output's top left) that turns the picture back against the panel's mounting and scales it to the output's pixels.
 * For a tile of the wall's own model, upright, this is the identity: pixel for pixel.
 */
export function tileTransform(
  viewport: Pick<Viewport, 'width' | 'height'>,
  rotation: Rotation,
  output: { width: number; height: number },
): { css: string; scaleX: number; scaleY: number } {
  const turned = rotation === 90 || rotation === 270;
  // The output's pixels as they hang on the wall.
  const hangW = turned ? output.height : output.width;
  const hangH = turned ? output.width : output.height;
  const scaleX = hangW / viewport.width;
  const scaleY = hangH / viewport.height;
  const w = viewport.width * scaleX;
  const h = viewport.height * scaleY;
  // CSS applies the rightmost function first: scale, then turn back against the mounting, then move into view.
  const scale = scaleX === 1 && scaleY === 1 ? '' : ` scale(${scaleX}, ${scaleY})`;
  const turn: Record<Rotation, string> = {
    0: '',
    90: `translate(0px, ${w}px) rotate(-90deg)`,
    180: `translate(${w}px, ${h}px) rotate(180deg)`,
    270: `translate(${h}px, 0px) rotate(90deg)`,
  };
  const css = `${turn[rotation]}${scale}`.trim();
  return { css: css === '' ? 'none' : css, scaleX, scaleY };
}
