import { expect, test } from '@playwright/test';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess, tempDataDir } from './support/controller-process';
import { addItem, publish, uploadColour, waitForColour } from './support/delivery';
import { freePort } from './support/mosquitto';
import { type TestPlayer, startPlayer } from './support/player-host';
import type {} from './support/player-window';

const SCREEN = { id: 'lobi-luring', name: 'Lobi luring', width: 640, height: 360 };
const RED = { r: 220, g: 20, b: 30 };

test.describe('offline first, with the Chromium host', () => {
  let controller: ControllerProcess | undefined;
  let player: TestPlayer | undefined;
  test.afterEach(async () => {
    await player?.stop();
    await controller?.stop();
  });

  test('plays from its cache with the controller and broker gone, after a reload and after a reboot', async () => {
    test.setTimeout(90_000);
    // 1. A controller on fixed ports (it comes back on them), a screen with an image and an announcement.
    const dataDir = tempDataDir();
    const ports = { BARUGA_PORT: String(await freePort()), BARUGA_MQTT_PORT: String(await freePort()) };
    const env = { ...ports, BARUGA_SEED_DEMO: '0' };
    controller = await startControllerProcess({ dataDir, env });
    const api = await signIn(controller.url);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    const red = await uploadColour(controller.url, api, 'merah', RED);
    await addItem(api, SCREEN.id, { type: 'image', durationMs: 3000, props: { asset: red } });
    await addItem(api, SCREEN.id, { type: 'text', durationMs: 3000, props: { body: 'Selamat datang di lobi' } });
    // A 3D chart: its engine (three.js) is a separate chunk the player loads with the first chart.
    await addItem(api, SCREEN.id, {
      type: 'chart-3d',
      durationMs: 3000,
      props: {
        title: 'Anggaran per sektor',
        table: {
          columns: [
            { key: 'sektor', label: 'Sektor', type: 'text' },
            { key: 'nilai', label: 'Nilai', type: 'number' },
          ],
          rows: [
            { sektor: 'Pendidikan', nilai: 2000 },
            { sektor: 'Kesehatan', nilai: 1200 },
          ],
        },
        labelKey: 'sektor',
        valueKey: 'nilai',
      },
    });
    await publish(api, SCREEN.id);

    // 2. The player shows both, each verified and cached before the manifest went on screen.
    player = await startPlayer(controller.url, { screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
    let page = await player.page(SCREEN.id);
    await waitForColour(page, RED);
    await expect(page.getByText('Selamat datang di lobi')).toBeVisible({ timeout: 10_000 });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // 3. The controller and its embedded broker stop. The screen plays on, and after a reload too.
    expect(await controller.stop()).toBe(0);
    controller = undefined;
    await page.reload();
    await waitForColour(page, RED, 10_000);
    await expect(page.getByText('Selamat datang di lobi')).toBeVisible({ timeout: 10_000 });
    expect(await page.evaluate(() => window.baruga?.rejected ?? [])).toEqual([]);

    // 4. A reboot: the browser goes, a new one starts on the same profile, still with no network.
    await player.stop();
    player = await startPlayer(`http://127.0.0.1:${ports.BARUGA_PORT}`, {
      userDataDir: player.userDataDir,
      screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }],
    });
    page = await player.page(SCREEN.id);
    await expect
      .poll(() => page.evaluate(() => (window.baruga?.shown.length ?? 0) > 0), { timeout: 10_000 })
      .toBe(true);
    // From navigation to the first painted frame, served by the Service Worker and IndexedDB alone
    // (bench/delivery measures it properly; this bound only catches a player that waits for the network).
    const firstFrameMs = await page.evaluate(() => (window.baruga?.shown[0]?.at ?? Infinity) - performance.timeOrigin);
    expect(firstFrameMs).toBeLessThan(6000);
    await waitForColour(page, RED, 10_000);
    // The chart too: its separately loaded engine chunk comes from the player's shell cache, not the network.
    await expect(page.locator('[data-live="true"] [data-content-type="chart-3d"] canvas')).toBeVisible({
      timeout: 15_000,
    });
    expect(await page.evaluate(() => window.baruga?.rejected ?? [])).toEqual([]);

    // 5. The controller comes back on the same data and ports: the player reconnects by itself and
    //    takes the next publish.
    controller = await startControllerProcess({ dataDir, env });
    const again = await signIn(controller.url);
    await again.announce(SCREEN.id, 'Layanan kembali normal');
    await expect(page.getByText('Layanan kembali normal')).toBeVisible({ timeout: 40_000 });
  });
});
