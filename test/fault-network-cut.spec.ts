import { expect, test } from '@playwright/test';
import type { Page } from 'playwright-core';
import { RECONNECT_BACKOFF } from '../player/src/common/reconnect-backoff';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { startCuttableLink } from './support/cuttable-link';
import { isClockExchange } from './support/controller-time';
import { addItem, publish } from './support/delivery';
import { storedAppearances } from './support/proof-of-play';
import { type TestPlayer, startPlayer } from './support/player-host';
import type {} from './support/player-window';

const SCREEN = { id: 'lobi-putus', name: 'Lobi putus', width: 640, height: 360 };
const MINUTE = 60_000;
const wita = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(11, 16);
const visible = (page: Page, text: string) => page.getByText(text).filter({ visible: true }).first();

interface Row {
  id: string;
  itemId: string;
  startedAt: string;
}

const appearances = async (page: Page) => (await page.evaluate(() => window.baruga?.shown ?? [])).map((s) => s.itemId);

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

test.describe('fault: a player’s network is cut', () => {
  let controller: ControllerProcess | undefined;
  let player: TestPlayer | undefined;
  let link: Awaited<ReturnType<typeof startCuttableLink>> | undefined;
  test.afterEach(async () => {
    await player?.stop();
    await link?.stop();
    await controller?.stop();
  });

  test('for ten minutes across a daypart change: it plays the right content and delivers every record after', async () => {
    test.setTimeout(120_000);
    // 1. Office hours open five minutes from now (WITA); the screen's own loop plays until then.
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const api = await signIn(controller.url);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    await addItem(api, SCREEN.id, { type: 'text', durationMs: 2000, props: { body: 'Di luar jam kantor A' } });
    await addItem(api, SCREEN.id, { type: 'text', durationMs: 2000, props: { body: 'Di luar jam kantor B' } });
    await publish(api, SCREEN.id);
    const opens = Math.ceil((Date.now() + 5 * MINUTE) / MINUTE) * MINUTE;
    const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    const office = [
      { type: 'text', durationMs: 2000, props: { body: 'Jam kantor: loket buka' } },
      { type: 'text', durationMs: 2000, props: { body: 'Jam kantor: antre di sini' } },
    ];
    const created = [
      await api.call('POST', '/api/playlists', { id: 'kantor', name: 'Jam kantor', items: office }),
      await api.call('POST', '/api/dayparts', {
        id: 'jam-kantor',
        name: 'Jam kantor',
        windows: [{ days, start: wita(opens), end: wita(opens + 60 * MINUTE) }],
      }),
      await api.call('POST', '/api/events', {
        name: 'Layanan jam kantor',
        playlistId: 'kantor',
        targets: { screens: [SCREEN.id] },
        start: '2025-01-01T00:00',
        daypartId: 'jam-kantor',
      }),
    ];
    expect(created.map((c) => c.status)).toEqual([201, 201, 201]);

    // 2. The player reaches the controller through a link the test can cut, on a clock it can move (the
    //    controller's clock answers as the page's while the link is up, as test/support/controller-time.ts does).
    link = await startCuttableLink(controller.url);
    const cable = link;
    player = await startPlayer(link.url, { screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
    const page = await player.page(SCREEN.id);
    await expect(visible(page, 'Di luar jam kantor')).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    let beforeClock: string[] | null = null;
    await expect.poll(async () => (beforeClock = await storedAppearances(page)) !== null).toBe(true);
    await page.context().clock.install();
    await page.route(isClockExchange, async (route) => {
      if (cable.isCut) return route.abort('internetdisconnected');
      const now = await page.evaluate(() => Date.now()).catch(() => null);
      if (now === null) return route.abort().catch(() => undefined);
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ now }) });
    });
    await page.reload();
    await expect(visible(page, 'Di luar jam kantor')).toBeVisible({ timeout: 15_000 });
    await expect.poll(async () => (await appearances(page)).length, { timeout: 15_000 }).toBeGreaterThan(1);

    // 3. The cable is pulled. Ten minutes pass on the player's clock, across the opening of office hours.
    link.cut();
    await page.waitForTimeout(1500);
    const atCut = (await appearances(page)).length;
    await page.clock.fastForward(10 * MINUTE);
    await expect(visible(page, 'Jam kantor:')).toBeVisible({ timeout: 10_000 });
    // It goes on playing office hours, offline, recording as it goes (two-second items: a few in some seconds).
    await expect.poll(async () => (await appearances(page)).length - atCut, { timeout: 20_000 }).toBeGreaterThan(3);
    expect(await buffered(page)).toBeGreaterThan(2);

    // 4. The cable is back. The player reconnects by itself (its next try is at most the backoff's largest cap,
    //    60 s, away on its clock: player/src/common/reconnect-backoff.ts) and delivers what it held; the controller
    //    acknowledges every record and the player lets it go.
    link.heal();
    await page.clock.fastForward(RECONNECT_BACKOFF.maxCapMs);
    await expect.poll(() => buffered(page), { timeout: 40_000 }).toBeLessThanOrEqual(1);
    const session = await appearances(page);

    // 5. The controller holds exactly what the screen showed: every appearance once, in order, none twice, the
    //    office-hours items among them after the opening; the one on screen now arrives when it ends.
    const listed = (await api.call('GET', `/api/proof-of-play?screen=${SCREEN.id}&limit=1000`)).body as unknown as {
      records: Row[];
    };
    const rows = listed.records;
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.map((r) => r.itemId)).toEqual([...(beforeClock ?? []), ...session.slice(0, -1)]);
    const kantor = (await api.call('GET', '/api/playlists/kantor')).body as unknown as { items: { id: string }[] };
    const officeIds = new Set(kantor.items.map((i) => i.id));
    const inOffice = rows.filter((r) => officeIds.has(r.itemId));
    expect(inOffice.length).toBeGreaterThanOrEqual(3);
    expect(inOffice.every((r) => Date.parse(r.startedAt) >= opens)).toBe(true);
    expect(await page.evaluate(() => window.baruga?.rejected ?? [])).toEqual([]);
  });
});
