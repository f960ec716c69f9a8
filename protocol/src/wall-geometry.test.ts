import { describe, expect, it } from 'vitest';
import { tileTransform, wallGeometry } from './wall-geometry';
import { CreateWall, type PanelModel } from './walls';

/** A 55-inch 1080p wall panel: 1209.6 × 680.4 mm of picture, 1.75 mm of frame on every side (3.5 mm seams). */
const lg55: PanelModel = {
  widthPx: 1920,
  heightPx: 1080,
  activeWidthMm: 1209.6,
  activeHeightMm: 680.4,
  bezelMm: { top: 1.75, right: 1.75, bottom: 1.75, left: 1.75 },
};

const vp = (g: ReturnType<typeof wallGeometry>, column: number, row: number) =>
  g.tiles.find((t) => t.column === column && t.row === row)?.viewport;

/** Maps a point of the viewport box through a CSS transform string made of translate/rotate/scale, right to left. */
function applyCss(css: string, [x0, y0]: [number, number]): [number, number] {
  const fns = [...css.matchAll(/(translate|rotate|scale)\(([^)]*)\)/g)].reverse();
  let x = x0;
  let y = y0;
  for (const [, fn, args] of fns) {
    const n = (args ?? '').split(',').map((a) => parseFloat(a));
    if (fn === 'translate') [x, y] = [x + (n[0] ?? 0), y + (n[1] ?? 0)];
    if (fn === 'scale') [x, y] = [x * (n[0] ?? 1), y * (n[1] ?? n[0] ?? 1)];
    if (fn === 'rotate') {
      const r = ((n[0] ?? 0) * Math.PI) / 180;
      [x, y] = [Math.round(x * Math.cos(r) - y * Math.sin(r)), Math.round(x * Math.sin(r) + y * Math.cos(r))];
    }
  }
  return [x, y];
}

describe('wall geometry', () => {
  it('2×2 of one model: every tile is its own pixels, and each seam hides pixels × bezel mm ÷ active mm', () => {
    const g = wallGeometry({ columns: 2, rows: 2, panel: lg55, tiles: [] });
    // 3.5 mm of frame between two pictures: 1920 × 3.5 / 1209.6 = 5.56 px across, 1080 × 3.5 / 680.4 = 5.56 px down.
    expect(vp(g, 0, 0)).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(vp(g, 1, 0)).toEqual({ x: 1926, y: 0, width: 1920, height: 1080 });
    expect(vp(g, 0, 1)).toEqual({ x: 0, y: 1086, width: 1920, height: 1080 });
    expect(vp(g, 1, 1)).toEqual({ x: 1926, y: 1086, width: 1920, height: 1080 });
    expect(g.canvas).toEqual({ width: 3846, height: 2166 });
  });

  it('without bezels the canvas is the plain grid', () => {
    const g = wallGeometry({
      columns: 3,
      rows: 3,
      panel: { ...lg55, bezelMm: { top: 0, right: 0, bottom: 0, left: 0 } },
      tiles: [],
    });
    expect(g.canvas).toEqual({ width: 5760, height: 3240 });
    expect(vp(g, 2, 2)).toEqual({ x: 3840, y: 2160, width: 1920, height: 1080 });
  });

  it('a 1×5 strip of LED cabinets: uneven bezels add up per seam, and rounding never drifts across the strip', () => {
    // 500 × 500 mm cabinets of 192 × 192 px, 0.9 mm frame on the left and 1.3 mm on the right.
    const cabinet: PanelModel = {
      widthPx: 192,
      heightPx: 192,
      activeWidthMm: 500,
      activeHeightMm: 500,
      bezelMm: { top: 0, right: 1.3, bottom: 0, left: 0.9 },
    };
    const g = wallGeometry({ columns: 5, rows: 1, panel: cabinet, tiles: [] });
    const xs = g.tiles.map((t) => t.viewport.x);
    // Each seam is 2.2 mm = 0.8448 px; tile n starts at n × 502.2 mm × 0.384 px/mm = n × 192.84 px, rounded on its own.
    expect(xs).toEqual([0, 193, 386, 579, 771]);
    expect(g.tiles.every((t) => t.viewport.width === 192 && t.viewport.height === 192)).toBe(true);
    expect(g.canvas).toEqual({ width: 963, height: 192 });
  });

  it('panels rotated 90°: portrait tiles, the bezels turned with them', () => {
    // A 1×3 row of portrait panels whose native left frame is thick (2 mm) and top frame thin (1 mm).
    const panel: PanelModel = { ...lg55, bezelMm: { top: 1, right: 1, bottom: 1, left: 2 } };
    const g = wallGeometry({
      columns: 3,
      rows: 1,
      panel,
      tiles: [0, 1, 2].map((column) => ({ column, row: 0, screenId: null, rotation: 90 as const })),
    });
    // Hanging portrait, a panel is 680.4 mm wide and 1209.6 mm tall: in the wall model's pixels 1080 × 1920.
    const turned = g.tiles.map((t) => t.viewport);
    expect(turned.map((v) => [v.width, v.height])).toEqual([
      [1080, 1920],
      [1080, 1920],
      [1080, 1920],
    ]);
    // Turned clockwise, the native top (1 mm) is now on the right and the native bottom (1 mm) on the left:
    // each seam is 2 mm = 1920 × 2 / 1209.6 = 3.17 px (the thick native left frame now lies along the top).
    expect(turned.map((v) => v.x)).toEqual([0, 1083, 2166]);
    expect(g.canvas).toEqual({ width: 3246, height: 1920 });
  });

  it('mixed panels: a smaller panel is centred in its cell, measured in the wall model`s pixels, and scales', () => {
    // A 2×1 wall: the 55-inch model and a 49-inch 1080p panel (1073.8 × 604 mm, finer pitch) beside it.
    const lg49: PanelModel = { ...lg55, activeWidthMm: 1073.8, activeHeightMm: 604 };
    const g = wallGeometry({
      columns: 2,
      rows: 1,
      panel: lg55,
      tiles: [{ column: 1, row: 0, screenId: 'b', panel: lg49, rotation: 0 }],
    });
    const small = vp(g, 1, 0);
    // 1073.8 mm in 55-inch pixels is 1704 px across, 604 mm is 959 px down: the 49-inch player scales its viewport up.
    expect(small).toEqual({ x: 1926, y: 61, width: 1704, height: 959 });
    // Centred vertically in the 684 mm row: (684.9 − 607.5) / 2 = 38.7 mm above it, 61 px.
    expect(g.canvas).toEqual({ width: 3630, height: 1080 });
    const t = tileTransform(small ?? { width: 1, height: 1 }, 0, { width: 1920, height: 1080 });
    expect(t.scaleX).toBeCloseTo(1920 / 1704, 6);
    expect(applyCss(t.css, [1704, 959])).toEqual([1920, 1080]);
  });

  it('a tile of the wall model, upright, is drawn pixel for pixel', () => {
    expect(tileTransform({ width: 1920, height: 1080 }, 0, { width: 1920, height: 1080 }).css).toBe('none');
  });

  it('a turned tile draws its viewport turned back: the picture`s top edge lies along the panel`s native side', () => {
    // Mounted 90° clockwise, the panel's native left side is the top of the wall.
    const css = tileTransform({ width: 1080, height: 1920 }, 90, { width: 1920, height: 1080 }).css;
    expect(applyCss(css, [0, 0])).toEqual([0, 1080]); // top left of the picture → native bottom left
    expect(applyCss(css, [1080, 0])).toEqual([0, 0]); // top right → native top left
    expect(applyCss(css, [0, 1920])).toEqual([1920, 1080]); // bottom left → native bottom right
    const css270 = tileTransform({ width: 1080, height: 1920 }, 270, { width: 1920, height: 1080 }).css;
    expect(applyCss(css270, [0, 0])).toEqual([1920, 0]);
    expect(applyCss(css270, [1080, 1920])).toEqual([0, 1080]);
    const css180 = tileTransform({ width: 1920, height: 1080 }, 180, { width: 1920, height: 1080 }).css;
    expect(applyCss(css180, [0, 0])).toEqual([1920, 1080]);
  });

  it('refuses tiles outside the grid, a cell twice and a screen on two tiles', () => {
    const base = { id: 'w', name: 'W', columns: 2, rows: 1, panel: lg55 };
    expect(CreateWall.safeParse({ ...base, tiles: [{ column: 2, row: 0 }] }).success).toBe(false);
    expect(
      CreateWall.safeParse({
        ...base,
        tiles: [
          { column: 0, row: 0 },
          { column: 0, row: 0 },
        ],
      }).success,
    ).toBe(false);
    expect(
      CreateWall.safeParse({
        ...base,
        tiles: [
          { column: 0, row: 0, screenId: 's' },
          { column: 1, row: 0, screenId: 's' },
        ],
      }).success,
    ).toBe(false);
    expect(CreateWall.safeParse({ ...base, panel: { ...lg55, activeWidthMm: 0 } }).success).toBe(false);
  });
});
