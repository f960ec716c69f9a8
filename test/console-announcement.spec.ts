import fs from 'node:fs';
import { type Page, expect, test } from '@playwright/test';
import { signIn } from './support/api';
import { openPage, signInConsole } from './support/console';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';

const HOUR = 3_600_000;

/** `{ date: '06/12/2026', time: '15.30' }` on the Makassar clock, `minutes` from now. */
function witaIn(minutes: number) {
  const iso = new Date(Date.now() + 8 * HOUR + minutes * 60_000).toISOString();
  return {
    date: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
    time: `${iso.slice(11, 13)}.${iso.slice(14, 16)}`,
  };
}

async function openPlayer(page: Page, url: string, screen: string, size = { width: 1920, height: 640 }) {
  const player = await page.context().newPage();
  await player.setViewportSize(size);
  await player.goto(`${url}/player/?screen=${screen}`);
  await expect(player.locator('[data-live="true"]').first()).toBeVisible({ timeout: 20_000 });
  return player;
}

test.describe('announcements and a screen’s day-to-day, from the console', () => {
  let controller: ControllerProcess | undefined;
  test.afterEach(async () => {
    await controller?.stop();
  });

  test('an announcement reaches the videotron within two seconds; a running text covers the whole wall until a time and ends early', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    controller = await startControllerProcess();
    const api = await signIn(controller.url);
    const player = await openPlayer(page, controller.url, 'videotron-1');
    await signInConsole(page, controller.url);

    // 1. A text card for the videotron until two hours from now, drawn by the player in the preview as it is typed.
    await openPage(page, '#/announcements');
    const text = 'Jalan Ahmad Yani ditutup untuk karnaval';
    await page.getByLabel('Isi pengumuman').fill(text);
    await page.getByRole('group', { name: 'Layar' }).getByLabel('Videotron Jl. Ahmad Yani').check();
    await page.getByLabel('Berakhir').selectOption({ label: 'Pada jam tertentu' });
    const until = witaIn(120);
    await page.getByLabel('Tanggal berakhir').fill(until.date);
    await page.getByLabel('Jam berakhir').fill(until.time);
    const preview = page.frameLocator('iframe[title="Pratinjau di pemutar"]');
    await expect(preview.getByText(text).first()).toBeVisible({ timeout: 15_000 });

    // 2. Sent: on the videotron's own player within two seconds of the click.
    const sent = Date.now();
    await page.getByRole('button', { name: 'Kirim ke layar' }).click();
    await expect(player.getByText(text).first()).toBeVisible({ timeout: 2000 });
    expect(Date.now() - sent).toBeLessThan(2000);
    await expect(page.getByRole('status').filter({ hasText: 'Terkirim' })).toHaveText('Terkirim ke 1 layar.');

    // 3. A running text on the whole Lounge wall until a time, in one step: all four tiles play it.
    const nowOn = async (screen: string) =>
      ((await api.call('GET', `/api/screens/${screen}/now`)).body as { playlistId: string }).playlistId;
    // What the wall plays of its own (the demo wall's welcome layout), which comes back when the announcement ends.
    const own = await nowOn('lounge-1');
    expect(own).not.toMatch(/^pengumuman-/);
    await page.getByLabel('Bentuk').selectOption({ label: 'Teks berjalan' });
    await page.getByLabel('Teks yang berjalan').fill('Rapat koordinasi pukul 14.00 di Ruang Baruga');
    await page.getByRole('group', { name: 'Dinding video' }).getByLabel('Baruga Lounge (4 layar)').check();
    await page.getByLabel('Berakhir').selectOption({ label: 'Pada jam tertentu' });
    await page.getByLabel('Tanggal berakhir').fill(until.date);
    await page.getByLabel('Jam berakhir').fill(until.time);
    await page.getByRole('button', { name: 'Kirim ke layar' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Terkirim' })).toHaveText('Terkirim ke 4 layar.');
    for (const tile of ['lounge-1', 'lounge-2', 'lounge-3', 'lounge-4']) {
      expect(await nowOn(tile), tile).toMatch(/^pengumuman-/);
    }
    const ticker = page.locator('[data-announcement]', { hasText: 'Rapat koordinasi' });
    await expect(ticker.locator('.bc-tag')).toHaveText('sedang tayang');
    await expect(ticker).toContainText(`– ${until.time} WITA`);

    // 4. Ended early: it asks first, then it leaves the list and the tiles go back to what the wall played before.
    await ticker.getByRole('button', { name: 'Akhiri sekarang' }).click();
    await page
      .getByRole('dialog', { name: 'Akhiri pengumuman ini?' })
      .getByRole('button', { name: 'Akhiri sekarang' })
      .click();
    await expect(ticker).toHaveCount(0);
    await expect.poll(() => nowOn('lounge-1')).toBe(own);
  });

  test('a screen’s page names what is on screen, asks before a blackout, offers only what a browser tab can do, and shows unpublished changes', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    controller = await startControllerProcess();
    const api = await signIn(controller.url);
    const player = await openPlayer(page, controller.url, 'videotron-1');
    await signInConsole(page, controller.url);

    // 1. Home: the videotron online, with the item its player reports, by name.
    const card = page.locator('[data-screen-id="videotron-1"]');
    await expect(card.locator('[data-health]')).toHaveAttribute('data-health', 'online', { timeout: 20_000 });
    // What is on screen comes with the player's next report (every 15 s), with no reload.
    await expect(card.getByTestId('on-screen')).toContainText(/Kota Makassar|Selamat datang di Baruga|Gambar contoh/, {
      timeout: 20_000,
    });
    // Live: another operator adds to a tile's loop; the page shows it without a reload.
    await api.call('POST', '/api/screens/lounge-1/items', { type: 'text', props: { body: 'Dari operator lain' } });
    await expect(page.locator('[data-screen-id="lounge-1"]').getByTestId('unpublished')).toBeVisible({ timeout: 5000 });

    // 2. Its page: the default loop plays all day (not "since 00.00 until 00.00"), and the item on screen is named.
    await card.getByRole('link').click();
    await expect(page.locator('#page h1')).toHaveText('Videotron Jl. Ahmad Yani');
    await expect(page.locator('.bc-sched__now')).toContainText('sepanjang hari ini');
    await expect(page.locator('.bc-sched__now')).not.toContainText('00.00');
    await expect(page.getByTestId('on-screen')).toContainText(/Kota Makassar|Selamat datang di Baruga|Gambar contoh/);

    // 3. A browser tab cannot take screenshots or restart: not offered, and the page says why, in Indonesian.
    const commands = page.getByRole('region', { name: 'Perintah jarak jauh' });
    await expect(commands.getByRole('button', { name: 'Tangkapan layar' })).toHaveCount(0);
    await expect(commands).toContainText('tidak dapat mengambil tangkapan layar');

    // 4. Blackout asks first and says what it does; cancelling sends nothing, confirming blacks it out. (The demo
    //    videotron is not public: a public screen plays on an enrolled player only, and this one is a browser tab.)
    await commands.getByRole('button', { name: 'Hitamkan layar' }).click();
    const confirm = page.getByRole('dialog', { name: 'Hitamkan layar ini?' });
    await expect(confirm).toContainText('Videotron Jl. Ahmad Yani akan menjadi hitam sampai Anda memilih');
    await confirm.getByRole('button', { name: 'Batal' }).click();
    expect((await api.call('GET', '/api/screens/videotron-1/commands')).body).toEqual([]);
    await commands.getByRole('button', { name: 'Hitamkan layar' }).click();
    await confirm.getByRole('button', { name: 'Hitamkan layar' }).click();
    // A browser tab may not acknowledge commands (docs/security.md): sent, and the page says it is not confirmed.
    await expect(commands.locator('[data-command="blackout"]')).toHaveAttribute('data-state', 'sent', {
      timeout: 15_000,
    });
    await expect(commands.locator('[data-command="blackout"]')).toContainText('terkirim, tanpa konfirmasi');
    await expect(player.getByTestId('blackout')).toBeVisible();
    await commands.getByRole('button', { name: 'Tampilkan lagi' }).click();
    await expect(player.getByTestId('blackout')).toHaveCount(0, { timeout: 15_000 });

    // 5. Removing a loop item asks, then says plainly that the screen does not show the change until published.
    const loop = page.getByRole('region', { name: 'Putaran layar' });
    await loop.locator('li', { hasText: 'Kota Makassar' }).getByRole('button', { name: 'Keluarkan' }).click();
    await page
      .getByRole('dialog', { name: 'Keluarkan dari putaran?' })
      .getByRole('button', { name: 'Keluarkan' })
      .click();
    await expect(loop.getByTestId('unpublished-banner')).toContainText('belum terbit');
    await openPage(page, '#/');
    await expect(card.getByTestId('unpublished')).toHaveText('Perubahan belum terbit');
    await card.getByRole('link').click();
    await loop.getByRole('button', { name: 'Terbitkan ke layar' }).click();
    await expect(loop.getByTestId('unpublished-banner')).toHaveCount(0);
    await expect(loop.getByRole('status')).toContainText('Terbit sebagai versi');

    // 6. Proof of play: the report names items, and "Unduh CSV" with all screens gives a file in Indonesian.
    await openPage(page, '#/reports');
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Tampilkan' }).click();
          return page.getByTestId('pop-report').locator('tbody tr').count();
        },
        { timeout: 40_000, intervals: [2000] },
      )
      .toBeGreaterThan(0);
    await expect(page.getByTestId('pop-report')).toContainText('Videotron Jl. Ahmad Yani');
    await expect(page.getByTestId('pop-report')).not.toContainText(/text · [0-9a-f]{8}/);
    await expect(page.getByLabel('Layar', { exact: true })).toHaveValue('');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh CSV' }).click();
    const file = await (await download).path();
    const lines = fs
      .readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Periode,Zona waktu,Layar,Nama layar,Konten,Nama konten,Jenis,Jumlah tayang,Durasi (detik)');
    expect(lines.slice(1).join('\n')).toContain('videotron-1,Videotron Jl. Ahmad Yani');

    // 7. A mistyped pairing code is a sentence a person can act on, the code only in small print.
    await openPage(page, '#/players');
    await page.getByLabel('Kode pasangan').fill('ABCDEF');
    await page.getByLabel('Nama pemutar').fill('PC lobi');
    await page.getByRole('group', { name: 'Layar yang diputar' }).getByLabel('Videotron Jl. Ahmad Yani').check();
    await page.getByRole('button', { name: 'Pasangkan' }).click();
    const alert = page.getByRole('alert');
    await expect(alert.locator('p').first()).toHaveText(
      'Tidak ada pemutar yang menampilkan kode itu. Periksa kode di layar pemutar; kode berganti setiap jam.',
    );
    await expect(alert.locator('small')).toHaveText('Kode untuk petugas teknis: BARUGA_ERR_PAIRING_CODE_UNKNOWN');
  });
});
