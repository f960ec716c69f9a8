import { expect, test } from '@playwright/test';
import type { Page } from 'playwright-core';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess, tempDataDir } from './support/controller-process';
import { controllerTimeFollowsPage } from './support/controller-time';
import { storedAppearances } from './support/proof-of-play';
import { addItem, publish } from './support/delivery';
import { freePort } from './support/mosquitto';
import { type TestPlayer, startPlayer } from './support/player-host';
import type {} from './support/player-window';

const SCREEN = { id: 'lobi-bukti', name: 'Lobi bukti tayang', width: 640, height: 360 };
const DAY_MS = 24 * 3600_000;

interface Row {
  id: string;
  itemId: string;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  manifestVersion: number;
}

/** What the screen showed, as the renderer reported it: one entry per appearance. */
async function appearances(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => window.baruga?.shown ?? []);
  return shown.map((s) => s.itemId);
}

/** Records the player still holds (not yet acknowledged), read from its own IndexedDB. */
const buffered = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('baruga-player');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('pop').objectStore('pop').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );

test.describe('proof of play', () => {
  let controller: ControllerProcess | undefined;
  let player: TestPlayer | undefined;
  test.afterEach(async () => {
    await player?.stop();
    await controller?.stop();
  });

  test('survives a day offline and a reload, then arrives exactly once', async () => {
    test.setTimeout(90_000);
    // 1. Two items of two seconds each, on a controller that will come back on the same ports.
    const dataDir = tempDataDir();
    const env = {
      BARUGA_PORT: String(await freePort()),
      BARUGA_MQTT_PORT: String(await freePort()),
      BARUGA_SEED_DEMO: '0',
    };
    controller = await startControllerProcess({ dataDir, env });
    const api = await signIn(controller.url);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    await addItem(api, SCREEN.id, { type: 'text', durationMs: 2000, props: { body: 'Iklan layanan A' } });
    await addItem(api, SCREEN.id, { type: 'text', durationMs: 2000, props: { body: 'Iklan layanan B' } });
    await publish(api, SCREEN.id);

    // 2. The player runs on a clock the test can move (Playwright's fake timers, flowing in real time), and the
    //    controller's clock moves with it (the player plays and records by the controller's time).
    player = await startPlayer(controller.url, { screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
    const page = await player.page(SCREEN.id);
    await expect(page.getByText('Iklan layanan').filter({ visible: true }).first()).toBeVisible({ timeout: 15_000 });
    // Reloaded only once the item on screen is its own stored play (support/proof-of-play.ts): sooner, its record
    // could still be in flight, or the reloaded page's pick-up of the same pass could count as the same play.
    let beforeClock: string[] | null = null;
    await expect
      .poll(async () => (beforeClock = await storedAppearances(page)) !== null, { timeout: 15_000 })
      .toBe(true);
    await page.context().clock.install();
    await controllerTimeFollowsPage(page);
    await page.reload();
    await expect(page.getByText('Iklan layanan').filter({ visible: true }).first()).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => appearances(page), { timeout: 15_000 }).toHaveLength(3);

    // 3. The controller and broker go away. A day passes on the player's clock while it plays on.
    expect(await controller.stop()).toBe(0);
    controller = undefined;
    await page.waitForTimeout(2500);
    await page.clock.fastForward(DAY_MS);
    await expect.poll(async () => (await appearances(page)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    let firstSession: string[] | null = null;
    await expect
      .poll(async () => (firstSession = await storedAppearances(page)) !== null, { timeout: 15_000 })
      .toBe(true);

    // 4. Still offline, the page reloads (a crash or a watchdog would do the same): nothing buffered is lost.
    expect(await buffered(page)).toBeGreaterThan(3);
    await page.reload();
    await expect(page.getByText('Iklan layanan').filter({ visible: true }).first()).toBeVisible({ timeout: 15_000 });
    await expect.poll(async () => (await appearances(page)).length, { timeout: 15_000 }).toBeGreaterThan(2);

    // 5. The controller comes back. The player delivers its buffer; each record is acknowledged and deleted.
    controller = await startControllerProcess({ dataDir, env });
    const again = await signIn(controller.url);
    await expect.poll(() => buffered(page), { timeout: 30_000 }).toBe(1); // only the item on screen now
    const secondSession = await appearances(page);

    // 6. The controller holds exactly what the screen showed: every appearance once, in order, none twice;
    //    the one still on screen arrives when it ends.
    const page1 = (await again.call('GET', `/api/proof-of-play?screen=${SCREEN.id}&limit=1000`)).body as unknown as {
      records: Row[];
      total: number;
    };
    const rows = page1.records;
    const items = (await again.call('GET', `/api/screens/${SCREEN.id}/items`)).body as unknown as { id: string }[];
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => `${r.itemId}@${r.startedAt}`)).size).toBe(rows.length);
    expect(rows.map((r) => r.itemId)).toEqual([
      ...(beforeClock ?? []),
      ...(firstSession ?? []),
      ...secondSession.slice(0, -1),
    ]);
    expect(rows.every((r) => items.some((i) => i.id === r.itemId) && r.manifestVersion === 1)).toBe(true);
    const span = Date.parse(rows.at(-1)?.startedAt ?? '') - Date.parse(rows[0]?.startedAt ?? '');
    expect(span).toBeGreaterThan(DAY_MS);
  });
});
