import { expect, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import { signIn } from './support/api';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { type TestPlayer, startPlayer } from './support/player-host';
import type {} from './support/player-window';

const SCREEN = { id: 'opd-lan', name: 'Layar OPD lewat LAN', width: 640, height: 360 };
/** baruga.test is not loopback to Chromium, so http://baruga.test:PORT is no secure context, as http://10.x is. */
const LAN = '--host-resolver-rules=MAP baruga.test 127.0.0.1';

test.describe('a controller on plain http on a LAN', () => {
  let controller: ControllerProcess | undefined;
  let player: TestPlayer | undefined;
  test.afterEach(async () => {
    await player?.stop();
    await controller?.stop();
  });

  test('a plain browser cannot verify and says so; the Chromium host can, and plays offline from there', async () => {
    // About 40 s on a quiet two-core machine; room for a busy one.
    test.setTimeout(90_000);
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const api = await signIn(controller.url);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    await api.announce(SCREEN.id, 'Rapat koordinasi pukul 09.00 WITA');
    const lanUrl = controller.url.replace('127.0.0.1', 'baruga.test');

    // 1. A plain Chromium at http://baruga.test:PORT: no secure context, so no Service Worker, no
    //    Cache API, no crypto.subtle. The player refuses to play what it cannot verify, and says why,
    //    on screen and in its heartbeat.
    const plain = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, LAN] });
    try {
      const page = await plain.newPage({ viewport: { width: SCREEN.width, height: SCREEN.height } });
      await page.goto(`${lanUrl}/player/?screen=${SCREEN.id}`);
      expect(await page.evaluate(() => [isSecureContext, 'serviceWorker' in navigator, !!crypto.subtle])).toEqual([
        false,
        false,
        false,
      ]);
      await expect(page.getByText('Koneksi tidak aman')).toBeVisible({ timeout: 10_000 });
      await page.waitForTimeout(1000);
      await expect(page.getByText('Rapat koordinasi')).toHaveCount(0);
      await expect
        .poll(async () => {
          const rows = (await api.call('GET', '/api/delivery/screens')).body as unknown as {
            heartbeat: { lastRejection: { code: string } | null } | null;
          }[];
          return rows[0]?.heartbeat?.lastRejection?.code;
        })
        .toBe('BARUGA_ERR_INSECURE_CONTEXT');
    } finally {
      await plain.close();
    }

    // 2. The Chromium host marks the controller's origin as trustworthy: the same URL is a secure
    //    context, the manifest is verified and the announcement plays.
    player = await startPlayer(lanUrl, { screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }], extraArgs: [LAN] });
    const page = await player.page(SCREEN.id);
    await expect(page.getByText('Rapat koordinasi pukul 09.00 WITA').first()).toBeVisible({ timeout: 15_000 });
    expect(await page.evaluate(() => [location.origin, isSecureContext, !!crypto.subtle])).toEqual([
      lanUrl,
      true,
      true,
    ]);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // 3. And it caches there too: the controller goes, a reload still plays.
    expect(await controller.stop()).toBe(0);
    controller = undefined;
    await page.reload();
    await expect(page.getByText('Rapat koordinasi pukul 09.00 WITA').first()).toBeVisible({ timeout: 15_000 });
  });
});
