import { type Page, expect, test } from '@playwright/test';
import { frameReport, installFrameProbe } from './support/frame-probe';
import { pixelAt } from './support/pixels';
import {
  type RenderFixtures,
  SCREEN,
  item,
  manifest,
  openHarness,
  show,
  startRenderFixtures,
} from './support/render-fixtures';

let fixtures: RenderFixtures;
test.beforeAll(async () => {
  fixtures = await startRenderFixtures();
});
test.afterAll(async () => {
  await fixtures?.close();
});

const near = (a: { r: number; g: number; b: number }, rgb: readonly number[], tolerance = 40) =>
  Math.abs(a.r - (rgb[0] ?? 0)) <= tolerance &&
  Math.abs(a.g - (rgb[1] ?? 0)) <= tolerance &&
  Math.abs(a.b - (rgb[2] ?? 0)) <= tolerance;

async function live(page: Page, type: string) {
  await expect(page.locator(`[data-live="true"] [data-content-type="${type}"]`).first()).toBeVisible({
    timeout: 15_000,
  });
}

test.describe('every content type renders in real Chromium', () => {
  test.beforeEach(async ({ page }) => {
    await openHarness(page, fixtures);
  });

  test('image: the picture, pixel for pixel in its quadrants', async ({ page }) => {
    const image = item('image', { asset: fixtures.image.sha256, fit: 'cover' });
    await show(page, manifest({ loop: [image], assets: [fixtures.image] }));
    await live(page, 'image');
    expect(near(await pixelAt(page, 100, 100), [220, 30, 30])).toBe(true); // top left: red
    expect(near(await pixelAt(page, 1180, 620), [240, 200, 20])).toBe(true); // bottom right: yellow
  });

  for (const kind of ['video', 'hls'] as const) {
    test(`${kind}: moving pictures`, async ({ page }) => {
      const media =
        kind === 'video'
          ? item('video', { asset: fixtures.video.sha256, fit: 'cover' })
          : item('hls', { url: fixtures.hlsUrl, fit: 'cover' });
      await show(page, manifest({ loop: [media], assets: kind === 'video' ? [fixtures.video] : [] }));
      await live(page, kind);
      const time = () =>
        page
          .locator('video')
          .first()
          .evaluate((v: HTMLVideoElement) => v.currentTime);
      await expect.poll(time, { timeout: 10_000 }).toBeGreaterThan(0.5);
      const a = await page.screenshot();
      await page.waitForTimeout(400);
      const b = await page.screenshot();
      expect(a.equals(b)).toBe(false);
      // testsrc2 is colourful: not a black frame.
      const p = await pixelAt(page, 640, 200);
      expect(p.r + p.g + p.b).toBeGreaterThan(60);
    });
  }

  test('web page: the page, in a sandboxed frame', async ({ page }) => {
    await show(page, manifest({ loop: [item('web-page', { url: fixtures.pageUrl })] }));
    await live(page, 'web-page');
    await expect.poll(async () => near(await pixelAt(page, 1200, 700), [0x22, 0xaa, 0x55], 8)).toBe(true);
    await expect(page.locator('iframe')).toHaveAttribute('sandbox', /allow-scripts/);
  });

  test('text: fitted to its zone, Indonesian first', async ({ page }) => {
    const long = 'Pelayanan KTP elektronik di Mal Pelayanan Publik dibuka pukul 08.00 sampai 15.00 WITA. '.repeat(6);
    await show(
      page,
      manifest({ loop: [item('text', { title: 'Pengumuman', body: long, en: { body: 'Service hours.' } })] }),
    );
    await live(page, 'text');
    const box = page.locator('[data-content-type="text"]');
    // Auto-fit: nothing overflows the zone.
    expect(await box.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    await expect(box).toContainText('Pelayanan KTP elektronik');
    const bg = await pixelAt(page, 4, 4);
    expect(bg.b).toBeGreaterThan(bg.r + 30);
  });

  test('clock: WITA, in Indonesian', async ({ page }) => {
    await show(page, manifest({ loop: [item('clock', { showDate: true })] }));
    await live(page, 'clock');
    await expect(page.locator('.bg-clock__time')).toContainText('WITA');
    await expect(page.locator('.bg-clock__date')).toContainText(
      /(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4}/,
    );
  });

  test('running text: moves smoothly, driven by time', async ({ page }) => {
    await show(
      page,
      manifest({
        loop: [item('running-text', { text: 'Info banjir: hindari Jl. Sudirman', speed: 200, background: '#7c2d12' })],
      }),
    );
    await live(page, 'running-text');
    const x = () =>
      page.locator('.bg-running-text__track').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).m41);
    const t0 = await page.evaluate(() => performance.now());
    const x0 = await x();
    await page.waitForTimeout(500);
    const t1 = await page.evaluate(() => performance.now());
    const x1 = await x();
    // 200 px/s, right to left: about 100 px in half a second (one repetition may have wrapped).
    const unit = await page
      .locator('.bg-running-text__track > span')
      .first()
      .evaluate((e) => (e as HTMLElement).offsetWidth);
    const moved = (((x0 - x1) % unit) + unit) % unit;
    expect(moved).toBeGreaterThan(((t1 - t0) / 1000) * 200 * 0.7);
    expect(moved).toBeLessThan(((t1 - t0) / 1000) * 200 * 1.3 + 20);
    expect(near(await pixelAt(page, 4, 4), [0x7c, 0x2d, 0x12], 10)).toBe(true);
  });

  test('3D chart: bars drawn with WebGL, rows re-rendered when a feed changes', async ({ page }) => {
    const table = {
      columns: [
        { key: 'opd', label: 'OPD', type: 'text' },
        { key: 'nilai', label: 'Nilai', type: 'number' },
      ],
      rows: [
        { opd: 'Pendidikan', nilai: '1250,5' },
        { opd: 'Kesehatan', nilai: 800 },
        { opd: 'Jalan', nilai: 400 },
      ],
    };
    await show(
      page,
      manifest({
        loop: [
          item('chart-3d', {
            title: 'Belanja daerah',
            table,
            labelKey: 'opd',
            valueKey: 'nilai',
            unit: 'miliar',
            feedId: 'apbd',
          }),
        ],
      }),
    );
    await live(page, 'chart-3d');
    // Numbers arrive as text from open-data portals and are shown the Indonesian way.
    await expect(page.locator('.bg-chart3d__legend')).toContainText('Pendidikan: 1.250,5 miliar');
    // The bar colour (#38bdf8) is on screen: WebGL drew it.
    const png = await page.screenshot();
    const { default: sharp } = await import('sharp');
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    let bar = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if ((data[i + 2] ?? 0) > 150 && (data[i + 1] ?? 0) > 120 && (data[i] ?? 255) < 120) bar += 1;
    }
    expect(bar).toBeGreaterThan(500);
    await page.evaluate(
      (t) => window.harness.feed('apbd', { ...t, rows: [{ opd: 'Pendidikan', nilai: 2000 }] }),
      table,
    );
    await expect(page.locator('.bg-chart3d__legend')).toContainText('Pendidikan: 2.000 miliar');
    await expect(page.locator('.bg-chart3d__legend li')).toHaveCount(1);
  });
});

test('a layout: zones at their exact pixels, an overlay above everything', async ({ page }) => {
  await openHarness(page, fixtures);
  const layout = {
    id: 'lobi',
    name: 'Lobi',
    width: SCREEN.width,
    height: SCREEN.height,
    background: '#101010',
    zones: [
      {
        id: 'kiri',
        x: 0,
        y: 0,
        width: 640,
        height: 720,
        z: 0,
        items: [item('image', { asset: fixtures.image.sha256, fit: 'cover' })],
      },
      {
        id: 'kanan',
        x: 640,
        y: 0,
        width: 640,
        height: 720,
        z: 1,
        items: [item('web-page', { url: fixtures.pageUrl })],
      },
    ],
  };
  const overlay = {
    id: 'ticker',
    x: 0,
    y: 640,
    width: 1280,
    height: 80,
    z: 5,
    items: [item('running-text', { text: 'Teks berjalan', background: '#7c2d12', fontScale: 0.6 })],
  };
  const m = manifest({
    loop: [item('text', { body: 'tidak tampil' })],
    layouts: { lobi: layout },
    overlays: [overlay],
    assets: [fixtures.image],
  });
  // The screen's default programme is the loop; a layout plays when scheduled. Schedule it all day.
  m.schedule.events.push({
    id: 'lobi-sepanjang-hari',
    name: 'Lobi',
    playlistId: 'lobi',
    targets: { screens: [SCREEN.id], groups: [], walls: [], all: false },
    priority: 1,
    start: '2026-01-01T00:00',
  });
  await show(page, m);
  await expect(page.locator('[data-zone-id="kanan"] [data-live="true"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-zone-id="ticker"] [data-live="true"]')).toBeVisible();
  const zone = await page.locator('[data-zone-id="kanan"]').boundingBox();
  expect(zone).toEqual({ x: 640, y: 0, width: 640, height: 720 });
  expect(near(await pixelAt(page, 100, 100), [220, 30, 30])).toBe(true); // image zone, left
  await expect.poll(async () => near(await pixelAt(page, 1200, 100), [0x22, 0xaa, 0x55], 8)).toBe(true); // page, right
  expect(near(await pixelAt(page, 5, 715), [0x7c, 0x2d, 0x12], 10)).toBe(true); // overlay over the image
  expect(near(await pixelAt(page, 1275, 715), [0x7c, 0x2d, 0x12], 10)).toBe(true); // and over the page
  await expect(page.getByText('tidak tampil')).toHaveCount(0);
});

test('a new manifest while an item plays is not a second showing (one proof-of-play record each)', async ({ page }) => {
  await openHarness(page, fixtures);
  const loop = [item('text', { body: 'Satu tayangan' }, 60_000), item('text', { body: 'Berikutnya' }, 60_000)];
  // Published now, its loop cued at its first item (as the controller does for a loop that changed): where the
  // loop is follows from the time, so without the cue it would be wherever the day has brought it.
  const cues = [{ programme: 'default', zone: 'main', at: new Date().toISOString(), index: 0 }];
  await show(page, manifest({ loop, cues }));
  await expect(page.getByText('Satu tayangan')).toBeVisible({ timeout: 15_000 });
  const reports = () => page.evaluate(() => window.harness.shown.map((s) => s.itemId));
  await expect.poll(reports).toEqual([loop[0]?.id]);
  // The controller republishes (a schedule edit elsewhere, a new version): the same item plays on.
  for (const version of [2, 3, 4]) await show(page, manifest({ loop, cues }, version));
  await page.waitForTimeout(1000);
  await expect(page.getByText('Satu tayangan')).toBeVisible();
  expect(await reports()).toEqual([loop[0]?.id]);
});

test('image → video → HLS → web page → text: over 100 transitions, never a blank frame', async ({ page }) => {
  test.setTimeout(180_000);
  await installFrameProbe(page);
  // Durations run twice as fast: a showing of 500 ms leaves a busy machine room to load the next item in time (one
  // that is late by a whole showing is passed over, below).
  await openHarness(page, fixtures, 2);
  const loop = [
    item('image', { asset: fixtures.image.sha256, fit: 'cover' }, 1000),
    item('video', { asset: fixtures.video.sha256, fit: 'cover' }, 1000),
    item('hls', { url: fixtures.hlsUrl, fit: 'cover' }, 1000),
    item('web-page', { url: fixtures.pageUrl }, 1000),
    item('text', { body: 'Selamat datang di Baruga' }, 1000),
  ];
  await show(page, manifest({ loop, assets: [fixtures.image, fixtures.video] }));
  await page.evaluate(() => window.__frameProbe?.reset());

  const deadline = Date.now() + 150_000;
  const transitions = async () => (await frameReport(page)).sequence.main?.length ?? 0;
  while ((await transitions()) < 105 && Date.now() < deadline) await page.waitForTimeout(1000);

  const report = await frameReport(page);
  const sequence = report.sequence.main ?? [];
  expect(sequence.length).toBeGreaterThanOrEqual(105);
  expect(await page.evaluate(() => window.harness.rejected)).toEqual([]);
  expect(report.blanks, JSON.stringify(report.blanks)).toEqual([]);
  expect(report.blankFrames).toBe(0);
  // The player played them in order: each item the next one, or, where a slow item kept the zone late by a whole
  // showing, a later one (it catches up at the next boundary, in step with every other tile: docs/rendering.md).
  // That is rare even on a busy machine; never the same item twice in a row.
  const order = loop.map((i) => i.id);
  const played = (await page.evaluate(() => window.harness.shown.map((s) => s.itemId))).slice(-100);
  const steps = played
    .slice(1)
    .map((id, i) => (order.indexOf(id) - order.indexOf(played[i] ?? '') + order.length) % order.length);
  expect(
    steps.every((step) => step >= 1),
    played.join(' '),
  ).toBe(true);
  expect(steps.filter((step) => step === 1).length, played.join(' ')).toBeGreaterThanOrEqual(steps.length * 0.9);
  // ...and the frames showed every one of them, over and over.
  for (const id of order) expect(sequence.filter((s) => s === id).length).toBeGreaterThanOrEqual(15);
  expect(report.frames).toBeGreaterThan(300);
});
