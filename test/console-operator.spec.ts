import { type Browser, type Page, expect, test } from '@playwright/test';
import sharp from 'sharp';
import { signIn } from './support/api';
import { dropFiles, keepScreenshot, openPage, signInConsole } from './support/console';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { controllerTimeFollowsPage } from './support/controller-time';
import { looksLike } from './support/delivery';

const HOUR = 3_600_000;
const BLUE = { r: 20, g: 60, b: 200 };
const RED = { r: 210, g: 30, b: 30 };

/** `2026-12-07` of the day after today, on the Makassar clock (UTC+8 all year). */
function tomorrowWita(): string {
  return new Date(Date.now() + 8 * HOUR + 24 * HOUR).toISOString().slice(0, 10);
}

async function photo(name: string, rgb: { r: number; g: number; b: number }) {
  const bytes = await sharp({ create: { width: 1280, height: 720, channels: 3, background: rgb } })
    .png()
    .toBuffer();
  return { name, mime: 'image/png', bytes };
}

/**
 * A player tab whose clock reads `at` and then flows: the page's own clock (Playwright's), and the controller's time
 * as the player measures it, answered from the page's clock so both agree (support/controller-time.ts).
 */
async function playerAt(browser: Browser, url: string, at: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 640 } });
  await context.clock.install({ time: at });
  const page = await context.newPage();
  await controllerTimeFollowsPage(page);
  await page.goto(url);
  return page;
}

/** Records every phase and progress value each upload row shows, as the operator watches them change. */
async function watchUploads(page: Page) {
  await page.evaluate(() => {
    const seen: Record<string, { phase: string; value: number }[]> = {};
    Object.assign(window, { __uploads: seen });
    new MutationObserver(() => {
      for (const row of document.querySelectorAll('[data-upload]')) {
        const name = row.getAttribute('data-upload') ?? '';
        const phase = row.getAttribute('data-phase') ?? '';
        const value = row.querySelector('progress')?.value ?? -1;
        const list = (seen[name] ??= []);
        const last = list[list.length - 1];
        if (!last || last.phase !== phase || last.value !== value) list.push({ phase, value });
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { __uploads: Record<string, { phase: string; value: number }[]> }).__uploads,
    );
}

/** Draws a zone on the canvas with the mouse, between two points given as shares of the canvas. */
async function drawZone(page: Page, from: [number, number], to: [number, number]) {
  const box = await page.getByTestId('zone-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height);
  await page.mouse.down();
  await page.mouse.move(box.x + to[0] * box.width, box.y + to[1] * box.height, { steps: 8 });
  await page.mouse.up();
}

/** Picks a picture in an item's editor from the library dialog, then applies the item. */
async function addPicture(page: Page, scope: ReturnType<Page['locator']>, name: string) {
  await scope.getByLabel('Jenis konten').selectOption({ label: 'Gambar' });
  await scope.getByRole('button', { name: 'Tambah konten' }).click();
  const editor = page.getByRole('dialog', { name: 'Konten: Gambar' });
  await editor.getByRole('button', { name: 'Pilih dari pustaka' }).click();
  await page
    .getByRole('dialog', { name: 'Pilih dari pustaka' })
    .getByRole('button', { name: `Pilih ${name}` })
    .click();
  await editor.getByRole('button', { name: 'Pakai' }).click();
  await expect(editor).toHaveCount(0);
}

test.describe('an operator’s day in the console', () => {
  let controller: ControllerProcess | undefined;
  test.afterEach(async () => {
    await controller?.stop();
  });

  test('uploads two pictures, builds a playlist and a two-zone layout, schedules it for a daypart tomorrow, and the player shows it then', async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(180_000);
    controller = await startControllerProcess();
    const api = await signIn(controller.url);
    const eventsBefore = (await api.call('GET', '/api/events')).body;
    await signInConsole(page, controller.url);

    // 1. Two pictures dragged into the library at once: each has its own bar, through upload and processing.
    await openPage(page, '#/library');
    const seen = await watchUploads(page);
    await dropFiles(page, '[data-testid="drop-zone"]', [
      await photo('benteng.png', BLUE),
      await photo('losari.png', RED),
    ]);
    for (const name of ['benteng.png', 'losari.png']) {
      await expect(page.locator(`[data-upload="${name}"]`)).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
      await expect(page.getByRole('progressbar', { name: `Kemajuan ${name}` })).toHaveAttribute('value', '100');
      await expect(page.locator(`[data-upload="${name}"]`)).toContainText('Selesai');
    }
    const phases = await seen();
    for (const name of ['benteng.png', 'losari.png']) {
      const list = phases[name] ?? [];
      expect(
        list.some((p) => p.phase === 'processing' && p.value >= 50 && p.value < 100),
        JSON.stringify(list),
      ).toBe(true);
      expect(list[list.length - 1]).toEqual({ phase: 'done', value: 100 });
    }
    // Both are in the library with their thumbnails decoded.
    for (const name of ['benteng', 'losari']) {
      const thumb = page.getByRole('img', { name: `Gambar kecil ${name}` });
      await expect(thumb).toBeVisible();
      await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    }
    await keepScreenshot(page, testInfo, 'console-library-uploads');

    // 2. A playlist of both, reordered by dragging, with the first shown for 6 seconds.
    await openPage(page, '#/playlists/new');
    await page.getByLabel('Nama daftar putar').fill('Wisata Makassar');
    await addPicture(page, page.locator('#page'), 'losari');
    await addPicture(page, page.locator('#page'), 'benteng');
    const rows = page.getByTestId('item-list').locator('li');
    await expect(rows).toHaveText([/losari/, /benteng/]);
    await rows.nth(1).dragTo(rows.nth(0));
    await expect(rows).toHaveText([/benteng/, /losari/]);
    await page.getByLabel('Durasi benteng (detik)').fill('6');
    await page.getByRole('button', { name: 'Simpan daftar putar' }).click();
    await expect(page).toHaveURL(/#\/playlists\/wisata-makassar$/);
    const playlist = (await api.call('GET', '/api/playlists/wisata-makassar')).body as {
      items: { durationMs: number; props: { alt: string } }[];
    };
    expect(playlist.items.map((i) => [i.props.alt, i.durationMs])).toEqual([
      ['benteng', 6000],
      ['losari', 10000],
    ]);

    // A picture in a playlist is not deleted: the library says where it is used.
    await openPage(page, '#/library');
    await page.locator('[data-name="losari"]').getByRole('button', { name: 'Hapus berkas' }).click();
    await page.getByRole('dialog', { name: 'Hapus berkas ini?' }).getByRole('button', { name: 'Hapus berkas' }).click();
    await expect(page.getByTestId('delete-refused')).toContainText('“losari” tidak dihapus karena masih dipakai');
    await expect(page.getByTestId('delete-refused')).toContainText('daftar putar wisata-makassar');

    // 3. A two-zone layout drawn on the videotron's canvas: the playlist on the left, a running text on the right.
    await openPage(page, '#/layouts/new');
    await page.getByLabel('Nama tata letak').fill('Videotron dua zona');
    await page.getByLabel('Untuk layar').selectOption({ label: 'Videotron Jl. Ahmad Yani (1920 × 640)' });
    await drawZone(page, [0.005, 0.01], [0.665, 0.99]);
    await page.getByLabel('Isi dari daftar putar').selectOption({ label: 'Wisata Makassar' });
    await drawZone(page, [0.672, 0.01], [0.995, 0.99]);
    const panel = page.locator('[data-zone-panel="2"]');
    await panel.getByLabel('Jenis konten').selectOption({ label: 'Teks berjalan' });
    await panel.getByRole('button', { name: 'Tambah konten' }).click();
    const editor = page.getByRole('dialog', { name: 'Konten: Teks berjalan' });
    await editor.getByLabel('Teks', { exact: true }).fill('Selamat datang di Makassar');
    await editor.getByRole('button', { name: 'Pakai' }).click();
    // The real player draws it in the preview frame: two zones.
    const preview = page.frameLocator('iframe[title="Pratinjau di pemutar"]');
    await expect(preview.locator('.bg-zone')).toHaveCount(2, { timeout: 15_000 });
    await keepScreenshot(page, testInfo, 'console-layout-zones');
    await page.getByRole('button', { name: 'Simpan tata letak' }).click();
    await expect(page).toHaveURL(/#\/layouts\/videotron-dua-zona$/);
    const layout = (await api.call('GET', '/api/layouts/videotron-dua-zona')).body as {
      zones: { x: number; y: number; width: number; height: number; items: { type: string }[] }[];
    };
    expect(layout.zones.map((z) => [z.x, z.y, z.width, z.height, z.items.map((i) => i.type)])).toEqual([
      [0, 0, 1280, 640, ['image', 'image']],
      [1280, 0, 640, 640, ['running-text']],
    ]);

    // 4. A daypart, then an event for tomorrow 08.00–17.00 within it, previewed before it goes live.
    await openPage(page, '#/schedule');
    await page.getByLabel('Nama bagian hari').fill('Jam layanan');
    for (const day of ['Sab', 'Min']) await page.getByLabel(day, { exact: true }).check();
    await page.locator('input[name="daypart-end"]').fill('17.00');
    await page.getByRole('button', { name: 'Simpan bagian hari' }).click();
    await expect(page.locator('[data-daypart="jam-layanan"]')).toBeVisible();
    // The calendar shows the videotron; a new event starts out aimed at it.
    await page.getByLabel('Jadwal untuk').selectOption({ label: 'Layar: Videotron Jl. Ahmad Yani' });
    await page.getByRole('button', { name: 'Acara baru' }).click();
    const form = page.getByRole('dialog', { name: 'Acara baru' });
    await form.getByLabel('Nama acara').fill('Promosi wisata');
    await form.getByLabel('Yang ditayangkan').selectOption({ label: 'Tata letak: Videotron dua zona' });
    await expect(form.getByLabel('Videotron Jl. Ahmad Yani')).toBeChecked();
    const [y, m, d] = tomorrowWita().split('-');
    await form.getByLabel('Tanggal mulai').fill(`${d}/${m}/${y}`);
    await form.getByLabel('Jam mulai').fill('08.00');
    await form.getByLabel('Jam selesai').fill('17.00');
    await form.getByLabel('Bagian hari').selectOption({ label: 'Jam layanan' });
    await expect(form.getByRole('button', { name: 'Terapkan ke layar' })).toBeDisabled();
    await form.getByRole('button', { name: 'Pratinjau perubahan' }).click();
    await expect(
      form.getByTestId('draft-preview').locator('[data-row="segment"]', { hasText: '08.00–17.00' }),
    ).toContainText('Videotron dua zona');
    // Previewed, not applied: the events are still the demo's own.
    expect((await api.call('GET', '/api/events')).body).toEqual(eventsBefore);
    await form.getByRole('button', { name: 'Terapkan ke layar' }).click();
    await expect(form.getByRole('status')).toHaveText('Diterapkan; 1 layar diperbarui.');
    await form.getByRole('button', { name: 'Tutup' }).click();
    // Clicking tomorrow at about 09.00 in the week says what plays then, and why, from the engine.
    const tomorrowColumn = page.locator(`[data-day="${tomorrowWita()}"]`);
    const column = await tomorrowColumn.boundingBox();
    if (!column) throw new Error('no column for tomorrow');
    await tomorrowColumn.click({ position: { x: column.width / 2, y: (column.height * 9.1) / 24 } });
    await expect(page.getByTestId('what-plays')).toContainText('Videotron dua zona');
    await expect(page.getByTestId('what-plays')).toContainText('Acara "Promosi wisata" (prioritas 10) tayang');
    const at = Date.parse(`${tomorrowWita()}T08:30:00+08:00`);
    const now = (await api.call('GET', `/api/screens/videotron-1/now?at=${new Date(at).toISOString()}`)).body;
    expect(now).toMatchObject({ playlistId: 'videotron-dua-zona' });

    // 5. The videotron's player, its clock at tomorrow 08.30: the two zones, the blue picture first.
    const player = await playerAt(browser, `${controller.url}/player/?screen=videotron-1`, at);
    await expect(player.locator('.bg-zone')).toHaveCount(2, { timeout: 20_000 });
    await expect(player.getByText('Selamat datang di Makassar').first()).toBeVisible();
    await expect.poll(() => looksLike(player, 300, 320, BLUE), { timeout: 15_000 }).toBe(true);
    await keepScreenshot(player, testInfo, 'player-videotron');
    await player.context().close();
  });
});
