import fs from 'node:fs';
import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess, tempDataDir } from './support/controller-process';
import { freePort, startMosquitto } from './support/mosquitto';
import { pixelAt } from './support/pixels';
import type {} from './support/player-window';

const SCREEN = { id: 'lobi-uji', name: 'Lobi uji', width: 1280, height: 720 };

async function openPlayer(page: Page, controller: ControllerProcess, screenId = SCREEN.id) {
  await page.setViewportSize({ width: SCREEN.width, height: SCREEN.height });
  await page.goto(`${controller.url}/player/?screen=${screenId}`);
}

/** The wall-clock time the player painted an item whose text contains `text`, polled from window.baruga. */
async function shownAt(page: Page, text: string, timeoutMs = 5000): Promise<number> {
  await expect(page.locator('[data-live="true"]', { hasText: text })).toBeVisible({ timeout: timeoutMs });
  const itemId = await page.locator('[data-live="true"]').getAttribute('data-item-id');
  await expect.poll(() => page.evaluate((id) => window.baruga?.shown.some((s) => s.itemId === id), itemId)).toBe(true);
  return page.evaluate((id) => window.baruga?.shown.findLast((s) => s.itemId === id)?.at ?? Number.NaN, itemId);
}

/** Publishes an announcement and returns how long until the player painted it. */
async function publishAndTime(page: Page, api: Awaited<ReturnType<typeof signIn>>, text: string, extra = {}) {
  const before = Date.now();
  await api.announce(SCREEN.id, text, extra);
  const at = await shownAt(page, text);
  return at - before;
}

test.describe('a walking Baruga', () => {
  let controller: ControllerProcess;
  test.afterEach(async () => {
    await controller?.stop();
  });

  test('an announcement published through the API is on screen within a second, and survives a restart', async ({
    page,
  }) => {
    // The reconnect after the restart may wait out the player's backoff (step 8).
    test.setTimeout(120_000);
    // 1. A controller on its own ports and data directory, as `npm start` runs it.
    const dataDir = tempDataDir();
    const ports = { BARUGA_PORT: String(await freePort()), BARUGA_MQTT_PORT: String(await freePort()) };
    controller = await startControllerProcess({ dataDir, env: ports });
    const api = await signIn(controller.url);

    // 2. The operator makes a screen with one announcement and publishes it.
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    await api.announce(SCREEN.id, 'Selamat pagi, Kendari');

    // 3. The player shows it, in the info colours (blue).
    await openPlayer(page, controller);
    await shownAt(page, 'Selamat pagi, Kendari');
    const calm = await pixelAt(page, 20, SCREEN.height - 20);
    expect(calm.b).toBeGreaterThan(calm.r + 30);

    // 4. A warning goes out; the player paints it within a second, in warning colours (orange).
    const latency = await publishAndTime(page, api, 'Peringatan: jalan Ahmad Yani ditutup', { tone: 'warning' });
    expect(latency).toBeLessThan(1000);
    const warm = await pixelAt(page, 20, SCREEN.height - 20);
    expect(warm.r).toBeGreaterThan(warm.b + 30);

    // 5. The presence reaches the operator.
    await expect
      .poll(async () => ((await api.call('GET', `/api/screens/${SCREEN.id}`)).body as { connected: boolean }).connected)
      .toBe(true);

    // 6. The controller stops cleanly; the player keeps its content on screen meanwhile.
    expect(await controller.stop()).toBe(0);
    // A clean close checkpoints the write-ahead log into the database file.
    expect(fs.statSync(path.join(dataDir, 'baruga.sqlite-wal'), { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    await page.waitForTimeout(500);
    await expect(page.getByText('Peringatan: jalan Ahmad Yani ditutup')).toBeVisible();

    // 7. Restarted on the same data: the screen, its loop and its published version are still there.
    const restartedAt = Date.now();
    controller = await startControllerProcess({ dataDir, env: ports });
    expect(controller.output()).not.toContain('printed once');
    const again = await signIn(controller.url);
    const screen = (await again.call('GET', `/api/screens/${SCREEN.id}`)).body as {
      publishedVersion: number;
      items: { props: { body: string } }[];
    };
    expect(screen.publishedVersion).toBe(2);
    expect(screen.items.map((i) => i.props.body)).toEqual([
      'Selamat pagi, Kendari',
      'Peringatan: jalan Ahmad Yani ditutup',
    ]);

    // 8. The same player page reconnects by itself: its online status reaches the new controller. While the
    //    controller was away each retry waited a random time under a cap that doubles from 1 s to 60 s
    //    (player/src/common/reconnect-backoff.ts: a province of players must not come back in one instant), so
    //    this may take some seconds, and at most the largest cap.
    await expect
      .poll(
        async () =>
          Date.parse(
            ((await again.call('GET', `/api/screens/${SCREEN.id}`)).body as { lastSeenAt: string }).lastSeenAt,
          ),
        { timeout: 65_000 },
      )
      .toBeGreaterThan(restartedAt);
    // Connected again, it takes the next publish within a second.
    const after = await publishAndTime(page, again, 'Layanan kembali normal');
    expect(after).toBeLessThan(1000);
  });

  test('the demo seed plays on a wall tile and the videotron, labelled as sample', async ({ page }) => {
    controller = await startControllerProcess({ env: { BARUGA_ADMIN_PASSWORD: '' } });
    // First start without a preset password: a random one is printed once.
    expect(controller.output()).toMatch(/password "[A-Za-z0-9_-]{12,}"/);
    for (const id of ['lounge-1', 'lounge-2', 'lounge-3', 'lounge-4', 'videotron-1']) {
      expect(controller.output()).toContain(`/player/?screen=${id}`);
    }
    await page.setViewportSize({ width: 1920, height: 640 });
    await page.goto(`${controller.url}/player/?screen=videotron-1`);
    await expect(page.locator('[data-live="true"]').getByText('CONTOH · SAMPLE')).toBeVisible();
    // The clock reads WITA in Indonesian. Where the loop is follows from the time, not from when the page opened
    // (the player's shared clock), so the clock item comes round within one pass of the loop (26 s).
    await expect(page.locator('[data-live="true"] .bg-clock__time')).toContainText('WITA', { timeout: 30_000 });
    const stage = await page.getByTestId('stage').boundingBox();
    expect(stage).toEqual({ x: 0, y: 0, width: 1920, height: 640 });

    // A tile of the lounge wall draws its part of the wall's one picture: the top right quarter, with the clock in
    // the wall's corner and the welcome reaching in from the left.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${controller.url}/player/?screen=lounge-2`);
    const tile = page.locator('[data-wall-id="baruga-lounge"][data-tile="1,0"]');
    await expect(tile.locator('[data-layout-id="baruga-lounge-welcome"]')).toBeAttached();
    await expect(tile.locator('[data-zone-id="clock"] .bg-clock__time')).toContainText('WITA');
    await expect(tile.locator('[data-zone-id="welcome"]')).toBeAttached();
    // The running text along the bottom of the wall is not on this tile at all.
    await expect(tile.locator('[data-zone-id="ticker"]')).toHaveCount(0);
  });

  test('an operator signs in to the console, writes an announcement and sees it on the player', async ({
    page,
    context,
  }) => {
    controller = await startControllerProcess();
    await page.goto(`${controller.url}/`);
    await page.getByLabel('Kata sandi').fill('salah');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('alert')).toContainText('Nama pengguna atau kata sandi salah.');
    await page.getByLabel('Kata sandi').fill('rahasia-uji-123');
    await page.getByRole('button', { name: 'Masuk' }).click();

    const player = await context.newPage();
    // The videotron plays its own loop (the lounge's tiles play the wall's picture).
    await player.setViewportSize({ width: 1920, height: 640 });
    await player.goto(`${controller.url}/player/?screen=videotron-1`);
    await expect(player.locator('[data-live="true"]')).toBeVisible();

    const tile = page.locator('[data-screen-id="videotron-1"]');
    await expect(tile).toContainText('Daring');
    await page.getByRole('link', { name: 'Pengumuman' }).click();
    await page.getByLabel('Isi pengumuman').fill('Kunjungan kerja Gubernur pukul 10.00 WITA');
    await page.getByLabel('Isi dalam bahasa Inggris (opsional)').fill("Governor's working visit at 10.00 WITA");
    await page.getByRole('group', { name: 'Layar' }).getByLabel('Videotron Jl. Ahmad Yani').check();
    await page.getByRole('button', { name: 'Kirim ke layar' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Terkirim' })).toHaveText('Terkirim ke 1 layar.');

    await expect(player.locator('[data-live="true"]')).toContainText('Kunjungan kerja Gubernur pukul 10.00 WITA');
    await expect(player.locator('[data-live="true"]')).toContainText("Governor's working visit");

    await page.getByRole('button', { name: /^English/ }).click();
    await expect(page.getByRole('heading', { name: 'Send an announcement' })).toBeVisible();
  });
});

test.describe('with Debian Mosquitto as the external broker', () => {
  let controller: ControllerProcess | undefined;
  let broker: Awaited<ReturnType<typeof startMosquitto>> | undefined;
  test.afterEach(async () => {
    await controller?.stop();
    await broker?.stop();
  });

  for (const via of ['broker-websocket', 'controller-bridge'] as const) {
    test(`publish reaches the player within a second (${via})`, async ({ page }) => {
      broker = await startMosquitto();
      controller = await startControllerProcess({
        env: {
          BARUGA_MQTT_URL: `mqtt://127.0.0.1:${broker.tcpPort}`,
          ...(via === 'broker-websocket' ? { BARUGA_MQTT_WS_URL: `ws://127.0.0.1:${broker.wsPort}` } : {}),
        },
      });
      expect(controller.mqttPort).toBeNull();
      const api = await signIn(controller.url);
      expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
      await api.announce(SCREEN.id, 'Lewat Mosquitto');
      await openPlayer(page, controller);
      await shownAt(page, 'Lewat Mosquitto');
      const latency = await publishAndTime(page, api, 'Pengumuman kedua lewat Mosquitto');
      expect(latency).toBeLessThan(1000);
      await expect
        .poll(
          async () => ((await api.call('GET', `/api/screens/${SCREEN.id}`)).body as { connected: boolean }).connected,
        )
        .toBe(true);
    });
  }
});
