import { type Page, expect, test } from '@playwright/test';
import { signIn } from './support/api';
import {
  LAPTOP,
  accessibilityProblems,
  keepScreenshot,
  openPage,
  signInConsole,
  untranslated,
} from './support/console';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { uploadColour } from './support/delivery';

/** Every page of the console, with the name its screenshot keeps. */
const PAGES = [
  { hash: '#/', name: 'console-home' },
  { hash: '#/screens/videotron-1', name: 'console-screen' },
  { hash: '#/announcements', name: 'console-announcements' },
  { hash: '#/library', name: 'console-library' },
  { hash: '#/playlists', name: 'console-playlists' },
  { hash: '#/playlists/pagi', name: 'console-playlist-editor' },
  { hash: '#/layouts', name: 'console-layouts' },
  { hash: '#/layouts/dua-zona', name: 'console-layout-editor' },
  { hash: '#/schedule', name: 'console-schedule' },
  { hash: '#/reports', name: 'console-reports' },
  { hash: '#/players', name: 'console-players' },
  { hash: '#/walls', name: 'console-walls' },
  { hash: '#/sources', name: 'console-sources' },
  { hash: '#/alerts', name: 'console-alerts' },
  { hash: '#/approvals', name: 'console-approvals' },
  { hash: '#/users', name: 'console-users' },
  { hash: '#/audit', name: 'console-audit' },
];

/** A dialog of a page, opened by a button, so its words and its accessibility are checked too. */
const DIALOGS: Record<string, { id: string; en: string }> = {
  '#/screens/videotron-1': { id: 'Hitamkan layar', en: 'Black out' },
  '#/schedule': { id: 'Acara baru', en: 'New event' },
  '#/playlists/pagi': { id: 'Ubah', en: 'Edit' },
  '#/sources': { id: 'Tambah sumber data', en: 'Add a data source' },
};

/** What a person could read as a date written the American way, or a machine's date, anywhere on a page. */
const FOREIGN_DATES = /\b\d{1,2}\/\d{1,2}\/\d{2},|\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\b(AM|PM)\b/;

async function checkPage(page: Page, lang: 'id' | 'en', where: string) {
  expect.soft(await untranslated(page, lang), `${where}: text not from the ${lang} catalogue`).toEqual([]);
  expect.soft(await accessibilityProblems(page), `${where}: axe`).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(width, `${where}: scrolls sideways at 1366×768`).toBeLessThanOrEqual(LAPTOP.width);
  expect.soft(await page.locator('body').innerText(), `${where}: dates`).not.toMatch(FOREIGN_DATES);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  // The console's own messages, never the browser's bubbles ("Please fill out this field.", in its language).
  expect.soft(await page.locator('form:not([novalidate])').count(), `${where}: forms the browser validates`).toBe(0);
}

async function seed(url: string) {
  const api = await signIn(url);
  const asset = await uploadColour(url, api, 'spanduk-pariwisata', { r: 200, g: 30, b: 30 });
  const calls = [
    await api.call('POST', '/api/playlists', {
      id: 'pagi',
      name: 'Pagi',
      items: [
        { type: 'image', durationMs: 8000, props: { asset, alt: 'Spanduk' } },
        { type: 'text', durationMs: 8000, props: { title: 'APBD 2026', body: 'Rp 1.250.000 per warga' } },
      ],
    }),
    await api.call('POST', '/api/layouts', {
      id: 'dua-zona',
      name: 'Dua zona',
      width: 1920,
      height: 640,
      zones: [
        { id: 'kiri', x: 0, y: 0, width: 1280, height: 640, items: [{ type: 'image', props: { asset } }] },
        { id: 'kanan', x: 1280, y: 0, width: 640, height: 640, items: [{ type: 'clock', props: {} }] },
      ],
    }),
    await api.call('POST', '/api/dayparts', {
      id: 'jam-kantor',
      name: 'Jam kantor',
      windows: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '08:00', end: '16:00' }],
    }),
    await api.call('POST', '/api/events', {
      name: 'Promosi pagi',
      playlistId: 'dua-zona',
      targets: { screens: ['videotron-1'] },
      start: '2026-01-05T08:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      durationMinutes: 240,
      daypartId: 'jam-kantor',
    }),
    await api.call('POST', '/api/announcements', {
      kind: 'running-text',
      text: 'Rapat koordinasi pukul 14.00 di Ruang Baruga',
      targets: { walls: ['baruga-lounge'] },
    }),
    // A data source that works (an uploaded CSV) and one whose address answers nothing, so the sources page shows
    // rows, a fetch time and a last error.
    await api.call('POST', '/api/sources', {
      id: 'apbd-2026',
      name: 'APBD 2026',
      kind: 'csv',
      credit: 'BPKAD Sulawesi Selatan',
      text: 'uraian,anggaran\nPendapatan,1250000\nBelanja,1300000\n',
    }),
    await api.call('POST', '/api/sources', {
      id: 'pengaduan',
      name: 'Pengaduan',
      kind: 'json',
      url: 'http://127.0.0.1:9/pengaduan.json',
    }),
    // A drill on a lounge tile (no player open there), so the alerts page shows an active alert waiting.
    await api.call('POST', '/api/alerts', {
      event: 'Latihan evakuasi',
      headline: 'Latihan evakuasi gedung',
      targets: { screens: ['lounge-1'] },
      exercise: true,
    }),
  ];
  expect(
    calls.map((c) => c.status),
    JSON.stringify(calls.map((c) => c.body)),
  ).toEqual([201, 201, 201, 201, 201, 201, 201, 202]);
}

test.describe('every console page, in both languages', () => {
  let controller: ControllerProcess | undefined;
  test.afterEach(async () => {
    await controller?.stop();
  });

  test('shows only words from its catalogue, passes axe, fits a 1366×768 laptop, and writes dates as people do', async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(240_000);
    controller = await startControllerProcess();
    await seed(controller.url);
    // A browser tab plays the videotron, so its page has a player's report to show.
    const player = await context.newPage();
    await player.goto(`${controller.url}/player/?screen=videotron-1`);
    await signInConsole(page, controller.url);

    // The console has its own icon in the browser's tab.
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const served = await page.request.get(`${controller.url}${icon ?? '/none'}`);
    expect([served.status(), served.headers()['content-type']]).toEqual([200, 'image/svg+xml']);

    // The checks can fail: an English browser bubble and a dropdown without a label, as the console once had, and a
    // button whose accessible name does not contain what it shows, are caught.
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'probe';
      probe.innerHTML =
        '<p>Please fill out this field.</p><select><option>Semua layar</option></select>' +
        '<button type="button" aria-label="Bahasa / Language">English</button>';
      document.querySelector('#page')?.append(probe);
    });
    expect(await untranslated(page, 'id')).toContain('Please fill out this field.');
    const caught = (await accessibilityProblems(page)).join('\n');
    expect(caught).toMatch(/critical select-name/);
    expect(caught).toMatch(/serious label-content-name-mismatch/);
    await page.evaluate(() => document.getElementById('probe')?.remove());

    for (const lang of ['id', 'en'] as const) {
      if (lang === 'en') await page.getByTestId('language-switch').click();
      for (const { hash, name } of PAGES) {
        await openPage(page, hash);
        // The walls page with the demo wall open in its editor, tiles' clocks and the whole-wall preview.
        if (hash === '#/walls') await page.locator('[data-wall-id="baruga-lounge"]').click();
        await checkPage(page, lang, `${hash} (${lang})`);
        if (lang === 'id') await keepScreenshot(page, testInfo, name);
        if (hash === '#/reports') {
          // Date fields read day first, whatever the browser's locale (a native one would show 12/06/2026 here).
          await expect(page.getByLabel(lang === 'id' ? 'Dari tanggal' : 'From')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
        }
        if (hash === '#/sources') {
          // The working source with its rows, the broken one with the catalogue's sentence for its code.
          await expect(page.locator('[data-source="apbd-2026"]')).toContainText(lang === 'id' ? '2 baris' : '2 rows');
          await expect(page.locator('[data-source="pengaduan"] [data-testid="source-error"]')).toContainText(
            'BARUGA_ERR_SOURCE_UNREACHABLE',
          );
          await page
            .locator('[data-source="apbd-2026"]')
            .getByRole('button', { name: lang === 'id' ? 'Lihat baris' : 'Show rows' })
            .click();
          await expect(page.locator('[data-source="apbd-2026"] table')).toContainText(
            lang === 'id' ? '1.250.000' : '1,250,000',
          );
          await checkPage(page, lang, `${hash} rows (${lang})`);
        }
        if (hash === '#/alerts') {
          await expect(page.locator('[data-screen="lounge-1"][data-acked="no"]')).toBeVisible();
        }
        if (hash === '#/screens/videotron-1') {
          // A screen's page fits a laptop in little more than two screenfuls, and uses both columns.
          expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1600);
        }
        const dialog = DIALOGS[hash];
        if (dialog) {
          await page.getByRole('button', { name: dialog[lang], exact: true }).first().click();
          await expect(page.getByRole('dialog')).toBeVisible();
          await checkPage(page, lang, `${hash} dialog (${lang})`);
          await page.keyboard.press('Escape');
          await expect(page.getByRole('dialog')).toHaveCount(0);
        }
      }
    }
  });
});
