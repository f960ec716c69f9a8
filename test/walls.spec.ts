import { expect, test } from '@playwright/test';
import { type Browser, type Page, chromium } from 'playwright-core';
import sharp from 'sharp';
import type { WallView } from '@baruga/protocol';
import { signIn } from './support/api';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { type WallWitness, wallWitnessScript } from './support/wall-witness';

/** Four small panels (320×180 px, 320 × 180 mm of picture) with 2 mm of frame each side: 4 px behind every seam. */
const TILE = { width: 320, height: 180 };
const PANEL = {
  widthPx: 320,
  heightPx: 180,
  activeWidthMm: 320,
  activeHeightMm: 180,
  bezelMm: { top: 2, right: 2, bottom: 2, left: 2 },
};
/** Each player's own clock is this wrong: seconds apart, as unsynchronised PCs are. */
const SKEWS = [1_500, -1_200, 400, -1_900];
const TICKER_SPEED = 240;

/**
 * Parallel diagonals across the whole canvas, y = 0.4 x + c: between them they cross every seam of a 2×2 wall (the
 * vertical seam in both rows, the horizontal one in both columns), and every tile shows at least two.
 */
const SLOPE = 0.4;
const LINES = [-100, 20, 140, 260];

/** The picture: white, with the diagonals 7 px thick. */
async function diagonals(width: number, height: number): Promise<Buffer> {
  const lines = LINES.map(
    (c) => `<line x1="0" y1="${c}" x2="${width}" y2="${c + SLOPE * width}" stroke="#000" stroke-width="7"/>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#fff"/>${lines.join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Where the lines cross every third row of a tile's screenshot: the centre of each run of dark pixels. */
async function lineCentres(png: Buffer): Promise<{ x: number; y: number }[]> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const points: { x: number; y: number }[] = [];
  for (let y = 2; y < info.height - 2; y += 3) {
    let start = -1;
    for (let x = 0; x <= info.width; x++) {
      const dark = x < info.width && (data[y * info.width + x] ?? 255) < 128;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        // A whole crossing only: a run cut by the tile's edge would pull its centre.
        if (start > 0 && x < info.width && x - start >= 12) points.push({ x: (start + x - 1) / 2, y });
        start = -1;
      }
    }
  }
  return points;
}

/** For `ms`, the running text's offset at every frame the page draws, with the frame's true time. */
function sampleTicker(page: Page, ms: number): Promise<{ t: number; x: number }[]> {
  return page.evaluate(
    (duration) =>
      new Promise<{ t: number; x: number }[]>((resolve) => {
        const origin = (window.__wallWitness as WallWitness).realOrigin;
        const samples: { t: number; x: number }[] = [];
        const start = performance.now();
        const frame = (time: number) => {
          const track = document.querySelector<HTMLElement>(
            '[data-zone-id="ticker"] [data-live="true"] .bg-running-text__track',
          );
          const match = /translate3d\((-?[\d.]+)px/.exec(track?.style.transform ?? '');
          if (match) samples.push({ t: origin + time, x: Number(match[1]) });
          if (performance.now() - start < duration) requestAnimationFrame(frame);
          else resolve(samples);
        };
        requestAnimationFrame(frame);
      }),
    ms,
  );
}

test.describe('a 2×2 video wall of four players', () => {
  let controller: ControllerProcess | undefined;
  const browsers: Browser[] = [];
  test.afterEach(async () => {
    for (const b of browsers.splice(0)) await b.close().catch(() => undefined);
    await controller?.stop();
  });

  test('one picture across four Chromium processes with wrong clocks: the diagonal continues over every bezel, the running text crosses with no jump', async () => {
    test.setTimeout(90_000);
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const api = await signIn(controller.url);

    // 1. Four screens become a 2×2 wall; the controller compensates the bezels in one canvas.
    const tiles = [0, 1, 2, 3].map((i) => ({ column: i % 2, row: Math.floor(i / 2), screenId: `tile-${i}` }));
    for (const t of tiles) {
      expect((await api.call('POST', '/api/screens', { id: t.screenId, name: t.screenId, ...TILE })).status).toBe(201);
    }
    const created = await api.call('POST', '/api/walls', {
      id: 'uji',
      name: 'Uji',
      columns: 2,
      rows: 2,
      panel: PANEL,
      tiles,
    });
    expect(created.status).toBe(201);
    const wall = created.body as unknown as WallView;
    expect(wall.canvas).toEqual({ width: 644, height: 364 });

    // 2. One layout on the canvas: the diagonal picture, and a running text along the bottom across both seams.
    const upload = new FormData();
    upload.append('file', new Blob([new Uint8Array(await diagonals(644, 364))], { type: 'image/png' }), 'garis.png');
    const uploaded = await fetch(`${controller.url}/api/content`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}` },
      body: upload,
    });
    expect(uploaded.status).toBe(201);
    const picture = ((await uploaded.json()) as { item: { asset: string } }).item.asset;
    const layout = await api.call('POST', '/api/layouts', {
      id: 'garis',
      name: 'Garis',
      ...wall.canvas,
      zones: [
        {
          id: 'picture',
          x: 0,
          y: 0,
          ...wall.canvas,
          items: [{ type: 'image', durationMs: 600_000, props: { asset: picture, fit: 'cover' } }],
        },
        {
          id: 'ticker',
          ...{ x: 0, y: 280, width: 644, height: 60, z: 1 },
          items: [
            {
              type: 'running-text',
              durationMs: 600_000,
              props: { text: 'Selamat datang di Baruga • Welcome to Baruga', speed: TICKER_SPEED, fontScale: 0.6 },
            },
          ],
        },
      ],
    });
    expect(layout.status, JSON.stringify(layout.body)).toBe(201);
    const event = await api.call('POST', '/api/events', {
      name: 'Garis di dinding',
      playlistId: 'garis',
      targets: { walls: ['uji'] },
      start: '2025-01-01T00:00',
    });
    expect(event.status).toBe(201);

    // 3. Four players, each its own Chromium process and its own wrong clock.
    const pages = await Promise.all(
      tiles.map(async (t, i) => {
        const browser = await chromium.launch({
          executablePath: CHROMIUM_PATH,
          args: [...CHROMIUM_ARGS, '--force-device-scale-factor=1'],
        });
        browsers.push(browser);
        const page = await browser.newPage({ viewport: TILE });
        await page.addInitScript({ content: wallWitnessScript({ skewMs: SKEWS[i] ?? 0, blockClockExchange: false }) });
        await page.goto(`${controller?.url}/player/?screen=${t.screenId}`);
        return page;
      }),
    );
    for (const [i, page] of pages.entries()) {
      await expect(page.locator('[data-zone-id="picture"] [data-live="true"] img')).toBeVisible({ timeout: 30_000 });
      // The ticker runs along the bottom row only: the top tiles do not even mount it.
      const ticker = page.locator('[data-zone-id="ticker"] [data-live="true"]');
      if ((tiles[i]?.row ?? 0) === 1) await expect(ticker).toBeAttached();
      else await expect(ticker).toHaveCount(0);
    }

    // 4. The diagonals: every crossing, placed on the canvas by its tile's viewport, lies on its line. Without bezel
    // compensation a point on the right or lower tiles would be 4 px off (1.6 px off its line or more).
    const onLine = new Map<string, number[]>();
    for (const [i, page] of pages.entries()) {
      const viewport = wall.tiles.find((t) => t.screenId === tiles[i]?.screenId)?.viewport;
      if (!viewport) throw new Error('no viewport');
      for (const p of await lineCentres(await page.locator('[data-testid="stage"]').screenshot())) {
        // The running text's band (canvas rows 280–340) covers the lines there.
        if (p.y + viewport.y > 274 && p.y + viewport.y < 346) continue;
        const residual = p.y + viewport.y - SLOPE * (p.x + viewport.x);
        const c = LINES.reduce((best, line) => (Math.abs(residual - line) < Math.abs(residual - best) ? line : best));
        const key = `tile ${i}, line ${c}`;
        onLine.set(key, [...(onLine.get(key) ?? []), residual - c]);
      }
    }
    for (let i = 0; i < 4; i++) {
      const lines = [...onLine.keys()].filter((k) => k.startsWith(`tile ${i},`) && (onLine.get(k)?.length ?? 0) >= 5);
      expect(lines.length, `lines seen on tile ${i}`).toBeGreaterThanOrEqual(2);
    }
    for (const [key, residuals] of onLine) {
      const mean = residuals.reduce((a, b) => a + b, 0) / residuals.length;
      expect(Math.abs(mean), `${key}: mean distance`).toBeLessThan(0.75);
      expect(Math.max(...residuals.map(Math.abs)), `${key}: farthest point`).toBeLessThan(2);
    }

    // 5. The running text: once the clocks have settled, every tile draws it at the same canvas offset for the
    // same true instant; a letter leaving one tile enters the next together. Sampled on all four at once.
    await expect
      .poll(() => pages[0]?.evaluate(() => (window.baruga as { clock?: unknown } | undefined)?.clock ?? null), {
        timeout: 15_000,
      })
      .not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const bottom = pages.filter((_, i) => tiles[i]?.row === 1);
    const traces = await Promise.all(bottom.map((p) => sampleTicker(p, 1_500)));
    const [reference, ...others] = traces;
    expect(reference?.length).toBeGreaterThan(20);
    // Where the reference tile had the text at each of its frames, and where each other tile had it then: the
    // same, within one frame of travel (240 px/s: 4 px) and a little for the clock estimate.
    const offsetAt = (trace: { t: number; x: number }[], t: number) => {
      const i = trace.findIndex((s) => s.t >= t);
      const a = trace[i - 1];
      const b = trace[i];
      if (!a || !b || b.x > a.x) return null; // before the trace, after it, or where the text wrapped
      return a.x + ((b.x - a.x) * (t - a.t)) / (b.t - a.t);
    };
    let compared = 0;
    for (const s of reference ?? []) {
      for (const trace of others) {
        const x = offsetAt(trace, s.t);
        if (x === null) continue;
        compared += 1;
        expect(Math.abs(x - s.x), `at ${s.t}`).toBeLessThan((TICKER_SPEED * 1000) / 60 / 1000 + 2);
      }
    }
    expect(compared).toBeGreaterThan(40);
  });
});
