import { expect, test } from '@playwright/test';
import type { Page } from 'playwright-core';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { addItem, publish, uploadColour, waitForColour } from './support/delivery';
import { type TestPlayer, startEnrolledPlayer } from './support/player-host';
import type {} from './support/player-window';

const SCREEN = { id: 'lobi-perintah', name: 'Lobi perintah', width: 640, height: 360 };
const BLUE = { r: 30, g: 60, b: 210 };

type Command = { id: string; state: string; code: string | null; message: string | null };

test.describe('remote commands on the host', () => {
  let controller: ControllerProcess | undefined;
  let player: TestPlayer | undefined;
  test.afterEach(async () => {
    await player?.stop();
    await controller?.stop();
  });

  test('clear cache downloads the screen’s assets again; restart host brings the whole browser back', async () => {
    test.setTimeout(90_000);
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const api = await signIn(controller.url);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    const blue = await uploadColour(controller.url, api, 'biru', BLUE);
    await addItem(api, SCREEN.id, { type: 'image', durationMs: 600_000, props: { asset: blue } });
    await publish(api, SCREEN.id);
    // Acknowledged commands and host restarts are an enrolled player's (anonymous tabs do not acknowledge).
    player = await startEnrolledPlayer(controller.url, api, [SCREEN.id]);
    const page: Page = await player.page(SCREEN.id);
    await waitForColour(page, BLUE);

    const send = async (name: string): Promise<Command> => {
      const issued = await api.call('POST', `/api/screens/${SCREEN.id}/commands`, { name });
      expect(issued.status).toBe(202);
      const id = (issued.body as { id: string }).id;
      await expect
        .poll(async () => ((await api.call('GET', `/api/commands/${id}`)).body as Command).state, { timeout: 15_000 })
        .not.toBe('pending');
      return (await api.call('GET', `/api/commands/${id}`)).body as Command;
    };
    const cachedAssets = () =>
      page.evaluate(async () => (await (await caches.open('baruga-assets-v1')).keys()).map((r) => r.url));

    // 1. Clear cache: the screen's image leaves the cache and comes back, downloaded and checked again.
    expect(await cachedAssets()).toHaveLength(1);
    const cleared = await send('clear-cache');
    expect(cleared).toMatchObject({ state: 'ok', code: 'BARUGA_OK' });
    expect(cleared.message).toMatch(/cleared 1 of 1 assets .*downloaded 1 again/);
    expect(await cachedAssets()).toHaveLength(1);
    await waitForColour(page, BLUE);

    // 2. Restart host: acknowledged, then Chromium goes and comes back with the same screen playing.
    const before = player.host.page(SCREEN.id);
    const restarted = await send('restart-host');
    expect(restarted).toMatchObject({ state: 'ok', code: 'BARUGA_OK' });
    await expect
      .poll(() => [undefined, before].includes(player?.host.page(SCREEN.id)), { timeout: 20_000 })
      .toBe(false);
    const after = await player.page(SCREEN.id);
    // waitForFunction, unlike a poll of evaluate, survives the page's first navigation.
    await after.waitForFunction(() => (window.baruga?.shown.length ?? 0) > 0, null, { timeout: 15_000 });
    await waitForColour(after, BLUE);
  });
});
