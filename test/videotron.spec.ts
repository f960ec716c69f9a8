import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import sharp from 'sharp';
import { tempDataDir } from './support/controller-process';
import { startStaticServer } from './support/static-server';

const HARNESS_DIST = path.resolve(import.meta.dirname, 'harness', 'dist');
/** An LED videotron of an odd size, fed from a rectangle of a PC's desktop. */
const VIDEOTRON = { width: 960, height: 320 };
const EVERY_DAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * The picture: a one-pixel checkerboard of white and black on the left half (any scaling or smoothing turns it
 * grey), plain white on the right half (what dimming is measured on).
 */
async function picture(): Promise<Buffer> {
  const { width, height } = VIDEOTRON;
  const pixels = Buffer.alloc(width * height * 3, 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width / 2; x++) {
      if ((x + y) % 2 === 1) pixels.fill(0, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

async function grey(page: Page): Promise<{ data: Buffer; width: number }> {
  const { data, info } = await sharp(await page.screenshot())
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width };
}

test.describe('a videotron', () => {
  let server: Awaited<ReturnType<typeof startStaticServer>>;
  let asset: { sha256: string; url: string; size: number; mime: string };
  test.beforeAll(async () => {
    if (!fs.existsSync(path.join(HARNESS_DIST, 'index.html'))) throw new Error('run "npm run build:harness" first');
    const dir = tempDataDir('baruga-videotron-');
    fs.mkdirSync(path.join(dir, 'content'));
    const png = await picture();
    const sha256 = crypto.createHash('sha256').update(png).digest('hex');
    fs.writeFileSync(path.join(dir, 'content', sha256), png);
    asset = { sha256, url: `/content/${sha256}`, size: png.length, mime: 'image/png' };
    server = await startStaticServer(
      { '/content/': path.join(dir, 'content'), '/': HARNESS_DIST },
      new Map([[sha256, 'image/png']]),
    );
  });
  test.afterAll(async () => {
    await server?.close();
  });

  const manifest = (brightness: unknown) => ({
    schemaVersion: 2,
    screenId: 'videotron-uji',
    version: 1,
    issuedAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    screen: {
      id: 'videotron-uji',
      name: 'Videotron',
      ...VIDEOTRON,
      timezone: 'Asia/Makassar',
      locale: 'id-ID',
      public: true,
    },
    loop: [
      {
        id: 'gambar',
        type: 'image',
        typeVersion: 1,
        durationMs: 600_000,
        props: { asset: asset.sha256, fit: 'cover' },
        sample: false,
      },
    ],
    playlists: {},
    schedule: { wallId: null, groups: [], events: [], dayparts: [] },
    assets: [asset],
    brightness,
  });

  test('draws its odd size pixel for pixel, and dims by its brightness schedule', async ({ page }) => {
    await page.setViewportSize(VIDEOTRON);
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => typeof window.harness === 'object');
    await page.evaluate((m) => window.harness.show(m), manifest({ percent: 100, rules: [] }));
    await expect(page.locator('[data-live="true"] img')).toBeVisible({ timeout: 15_000 });

    // 1. Full brightness: the checkerboard survives exactly (no scaling, no smoothing) and white is white.
    const full = await grey(page);
    let exact = 0;
    for (let y = 10; y < 310; y += 7) {
      for (let x = 10; x < 470; x += 5) {
        const expected = (x + y) % 2 === 1 ? 0 : 255;
        if (Math.abs((full.data[y * full.width + x] ?? -999) - expected) <= 8) exact += 1;
      }
    }
    expect(exact).toBe(43 * 92);
    expect(full.data[160 * full.width + 720]).toBeGreaterThanOrEqual(250);

    // 2. A night rule that holds all day, at 40 %: white reads 40 % of white, and the checkerboard's black stays black.
    await page.evaluate(
      (m) => window.harness.show(m),
      manifest({
        percent: 100,
        rules: [{ windows: [{ days: EVERY_DAY, start: '00:00', end: '24:00' }], percent: 40 }],
      }),
    );
    await expect(page.locator('.bg-brightness')).toBeAttached();
    const dim = await grey(page);
    const white = dim.data[160 * dim.width + 720] ?? 0;
    expect(white).toBeGreaterThanOrEqual(Math.floor(255 * 0.4) - 3);
    expect(white).toBeLessThanOrEqual(Math.ceil(255 * 0.4) + 3);

    // 3. A rule for another time of day does not dim now: back to full.
    const now = new Date(Date.now() + 8 * 3600_000); // WITA
    const later = `${String((now.getUTCHours() + 3) % 24).padStart(2, '0')}:00`;
    const end = `${String((now.getUTCHours() + 4) % 24).padStart(2, '0')}:00`;
    await page.evaluate(
      (m) => window.harness.show(m),
      manifest({ percent: 100, rules: [{ windows: [{ days: EVERY_DAY, start: later, end }], percent: 40 }] }),
    );
    await expect(page.locator('.bg-brightness')).toHaveCount(0);
    const back = await grey(page);
    expect(back.data[160 * back.width + 720]).toBeGreaterThanOrEqual(250);
  });
});
