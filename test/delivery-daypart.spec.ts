import { expect, test } from '@playwright/test';
import type { Page } from 'playwright-core';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { controllerTimeFollowsPage } from './support/controller-time';
import { addItem, publish } from './support/delivery';
import { type TestPlayer, startPlayer } from './support/player-host';
import type {} from './support/player-window';

const SCREEN = { id: 'lobi-jadwal', name: 'Lobi jadwal', width: 640, height: 360 };
const MINUTE = 60_000;

/** HH:MM in Makassar (WITA, UTC+8 all year) of an instant. */
const wita = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(11, 16);

const visible = (page: Page, text: string) => page.getByText(text).filter({ visible: true }).first();

test.describe('offline schedules', () => {
  let controller: ControllerProcess | undefined;
  let player: TestPlayer | undefined;
  test.afterEach(async () => {
    await player?.stop();
    await controller?.stop();
  });

  test('with the controller and broker gone, the player switches at a daypart boundary and back', async () => {
    test.setTimeout(90_000);
    // 1. Office hours open three minutes from now (WITA) and last an hour; outside them, the screen's loop.
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const api = await signIn(controller.url);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    await addItem(api, SCREEN.id, { type: 'text', durationMs: 600_000, props: { body: 'Di luar jam kantor' } });
    await publish(api, SCREEN.id);
    const opens = Math.ceil((Date.now() + 3 * MINUTE) / MINUTE) * MINUTE;
    const closes = opens + 60 * MINUTE;
    const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    const created = [
      await api.call('POST', '/api/playlists', {
        id: 'kantor',
        name: 'Jam kantor',
        items: [{ type: 'text', durationMs: 600_000, props: { body: 'Jam kantor: layanan buka' } }],
      }),
      await api.call('POST', '/api/dayparts', {
        id: 'jam-kantor',
        name: 'Jam kantor',
        windows: [{ days, start: wita(opens), end: wita(closes) }],
      }),
      await api.call('POST', '/api/events', {
        name: 'Layanan jam kantor',
        playlistId: 'kantor',
        targets: { screens: [SCREEN.id] },
        start: '2025-01-01T00:00',
        daypartId: 'jam-kantor',
      }),
    ];
    expect(
      created.map((c) => c.status),
      JSON.stringify(created.map((c) => c.body)),
    ).toEqual([201, 201, 201]);

    // 2. The player, on a clock the test can move (the controller's with it: the player plays by the controller's
    //    time), shows the loop: office hours have not begun.
    player = await startPlayer(controller.url, { screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
    const page = await player.page(SCREEN.id);
    await page.context().clock.install();
    await controllerTimeFollowsPage(page);
    await page.reload();
    await expect(visible(page, 'Di luar jam kantor')).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.evaluate(() => window.baruga?.manifestVersion)).toBe(2);

    // 3. The controller and its broker go away, and the player starts again with no network.
    expect(await controller.stop()).toBe(0);
    controller = undefined;
    await page.reload();
    await expect(visible(page, 'Di luar jam kantor')).toBeVisible({ timeout: 15_000 });

    // 4. The clock passes the opening: office-hours content, resolved on the player alone.
    await page.clock.fastForward(opens - Date.now() + 5000);
    await expect(visible(page, 'Jam kantor: layanan buka')).toBeVisible({ timeout: 10_000 });

    // 5. And past the closing: back to the loop.
    await page.clock.fastForward(61 * MINUTE);
    await expect(visible(page, 'Di luar jam kantor')).toBeVisible({ timeout: 10_000 });
    expect(await page.evaluate(() => window.baruga?.rejected ?? [])).toEqual([]);
  });
});
