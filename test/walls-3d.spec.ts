import fs from 'node:fs';
import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import sharp from 'sharp';
import { wallGeometry } from '@baruga/protocol';
import { startStaticServer } from './support/static-server';

const HARNESS_DIST = path.resolve(import.meta.dirname, 'harness', 'dist');
const PANEL = {
  widthPx: 320,
  heightPx: 180,
  activeWidthMm: 320,
  activeHeightMm: 180,
  bezelMm: { top: 2, right: 2, bottom: 2, left: 2 },
};
const GEOMETRY = wallGeometry({ columns: 2, rows: 2, panel: PANEL, tiles: [] });
const CANVAS = GEOMETRY.canvas;

/** A still chart (no turning) of five bars across the whole canvas. */
const chart = {
  id: 'grafik',
  type: 'chart-3d',
  typeVersion: 1,
  durationMs: 600_000,
  sample: false,
  props: {
    table: {
      columns: [
        { key: 'opd', label: 'OPD', type: 'text' },
        { key: 'nilai', label: 'Nilai', type: 'number' },
      ],
      rows: [1, 4, 2, 5, 3].map((nilai, i) => ({ opd: `OPD ${i + 1}`, nilai })),
    },
    labelKey: 'opd',
    valueKey: 'nilai',
    rotateDegPerS: 0,
  },
};
const layout = {
  id: 'grafik-dinding',
  name: 'Grafik',
  ...CANVAS,
  background: '#000000',
  zones: [{ id: 'grafik', x: 0, y: 0, ...CANVAS, z: 0, transition: { kind: 'cut', durationMs: 0 }, items: [chart] }],
};
const event = {
  id: 'e1',
  name: 'Grafik di dinding',
  playlistId: layout.id,
  targets: { screens: [], groups: [], walls: ['uji'], all: false },
  priority: 0,
  timezone: null,
  start: '2025-01-01T00:00',
  end: null,
  rrule: null,
  exdates: [],
  durationMinutes: null,
  daypartId: null,
  interrupt: null,
  maxPlaysPerHour: null,
  enabled: true,
};

function manifest(size: { width: number; height: number }, wall: unknown) {
  return {
    schemaVersion: 2,
    screenId: 'uji',
    version: 1,
    issuedAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    screen: { id: 'uji', name: 'Uji', ...size, timezone: 'Asia/Makassar', locale: 'id-ID', public: false },
    loop: [],
    playlists: {},
    schedule: { wallId: 'uji', groups: [], events: [event], dayparts: [] },
    layouts: { [layout.id]: layout },
    assets: [],
    wall,
  };
}

async function rendered(page: Page, size: { width: number; height: number }, wall: unknown): Promise<Buffer> {
  await page.setViewportSize(size);
  await page.evaluate((m) => window.harness.show(m), manifest(size, wall));
  await expect(page.locator('[data-live="true"] [data-content-type="chart-3d"] canvas')).toBeAttached({
    timeout: 20_000,
  });
  // The bars ease to their heights over 0.8 s; then the scene holds still.
  await page.waitForTimeout(1_500);
  return page.screenshot();
}

test('a 3D chart across a 2×2 wall is one scene: each tile renders its part of the canvas camera', async ({ page }) => {
  test.setTimeout(90_000);
  if (!fs.existsSync(path.join(HARNESS_DIST, 'index.html'))) throw new Error('run "npm run build:harness" first');
  const server = await startStaticServer({ '/': HARNESS_DIST });
  try {
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => typeof window.harness === 'object');
    // 1. The whole chart on one screen of the canvas's size: the reference.
    const whole = await sharp(await rendered(page, CANVAS, null))
      .raw()
      .toBuffer({ resolveWithObject: true });

    // 2. Each tile of the wall: what it draws must be that part of the reference, bars cut at the same places.
    for (const tile of GEOMETRY.tiles) {
      const wall = {
        id: 'uji',
        name: 'Uji',
        column: tile.column,
        row: tile.row,
        canvas: CANVAS,
        viewport: tile.viewport,
        rotation: 0,
      };
      const part = await sharp(await rendered(page, { width: PANEL.widthPx, height: PANEL.heightPx }, wall))
        .raw()
        .toBuffer({ resolveWithObject: true });
      const crop = await sharp(whole.data, { raw: whole.info })
        .extract({
          left: tile.viewport.x,
          top: tile.viewport.y,
          width: tile.viewport.width,
          height: tile.viewport.height,
        })
        .raw()
        .toBuffer();
      let difference = 0;
      let lit = 0;
      for (let i = 0; i < crop.length; i++) {
        difference += Math.abs((crop[i] ?? 0) - (part.data[i] ?? 0));
        if ((crop[i] ?? 0) > 120) lit += 1;
      }
      // Something is drawn there (bars or legend), and it is the same picture, up to edge antialiasing.
      expect(lit, `tile ${tile.column},${tile.row}`).toBeGreaterThan(200);
      expect(difference / crop.length, `tile ${tile.column},${tile.row}: mean difference`).toBeLessThan(4);
    }
  } finally {
    await server.close();
  }
});
