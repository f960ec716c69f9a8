import { expect, test } from '@playwright/test';
import type { Page } from 'playwright-core';
import { capXml } from '../controller/src/testing/cap-fixtures';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { addItem, looksLike, publish, uploadColour, waitForColour } from './support/delivery';
import { type TestPlayer, startEnrolledPlayer } from './support/player-host';
import type {} from './support/player-window';

/** Two outdoor screens on Makassar's waterfront, each driven by its own player. */
const SCREENS = [
  { id: 'videotron-losari', name: 'Videotron Losari', location: { lat: -5.1435, lon: 119.4075 } },
  { id: 'videotron-karebosi', name: 'Videotron Karebosi', location: { lat: -5.1339, lon: 119.4147 } },
];
const SIZE = { width: 640, height: 360 };
const TEAL = { r: 20, g: 150, b: 140 };
/** The takeover's colour for a Severe alert (player/src/browser/alerts/alert-takeover.tsx). */
const ALERT_RED = { r: 0xb9, g: 0x1c, b: 0x1c };

type Alert = {
  id: string;
  state: string;
  screens: { screenId: string; ackAt: string | null; latencyMs: number | null }[];
};

test.describe('an emergency alert on real players', () => {
  let controller: ControllerProcess | undefined;
  const players: TestPlayer[] = [];
  test.afterEach(async () => {
    for (const p of players.splice(0)) await p.stop();
    await controller?.stop();
  });

  test('a CAP alert takes over two players within a second, and a Cancel gives them back their schedule', async () => {
    test.setTimeout(90_000);
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const api = await signIn(controller.url);
    const teal = await uploadColour(controller.url, api, 'teal', TEAL);
    for (const s of SCREENS) {
      expect((await api.call('POST', '/api/screens', { ...s, ...SIZE, public: true })).status).toBe(201);
      await addItem(api, s.id, { type: 'image', durationMs: 600_000, props: { asset: teal } });
      await publish(api, s.id);
    }
    // 1. Two players, each playing its screen's schedule.
    const pages: Page[] = [];
    for (const s of SCREENS) {
      // Public screens play on an enrolled player only (docs/security.md).
      const player = await startEnrolledPlayer(controller.url, api, [s.id]);
      players.push(player);
      const page = await player.page(s.id);
      await waitForColour(page, TEAL);
      pages.push(page);
    }
    const shownBefore = await Promise.all(pages.map((p) => p.evaluate(() => window.baruga?.shown.length ?? 0)));

    // 2. BMKG's warning arrives as CAP: both screens are inside its polygon.
    const sent = Date.now();
    const posted = await fetch(`${controller.url}/api/alerts/cap`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/cap+xml' },
      body: capXml({
        identifier: 'INATEWS-E2E-1',
        sent: '2025-03-01T08:03:30+08:00',
        expires: new Date(sent + 600_000).toISOString(),
      }),
    });
    expect(posted.status).toBe(202);
    const { id, screens } = (await posted.json()) as { id: string; screens: number };
    expect(screens).toBe(2);

    // 3. Each player paints it over everything and says so; the controller timed both from the alert's arrival.
    await expect
      .poll(
        async () => ((await api.call('GET', `/api/alerts/${id}`)).body as Alert).screens.filter((s) => s.ackAt).length,
        {
          timeout: 5000,
          intervals: [50, 100, 200],
        },
      )
      .toBe(2);
    const alert = (await api.call('GET', `/api/alerts/${id}`)).body as Alert;
    for (const s of alert.screens) expect(s.latencyMs, s.screenId).toBeLessThan(1000);
    for (const page of pages) {
      await expect(page.getByTestId('alert-takeover')).toBeVisible();
      await expect(page.getByTestId('alert-takeover')).toContainText('Gempa bumi');
      await expect(page.getByTestId('alert-takeover')).toContainText('Earthquake');
      await expect(page.getByTestId('alert-takeover')).toContainText('Jauhi pantai');
      expect(await looksLike(page, 20, 20, ALERT_RED)).toBe(true);
    }

    // 4. A Cancel from the sender: the takeover goes, the schedule is there (it went on playing underneath).
    const cancel = await fetch(`${controller.url}/api/alerts/cap`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/cap+xml' },
      body: capXml({
        identifier: 'INATEWS-E2E-1-CANCEL',
        msgType: 'Cancel',
        references: 'inatews@bmkg.go.id,INATEWS-E2E-1,2025-03-01T08:03:30+08:00',
      }),
    });
    expect(((await cancel.json()) as { ended: string[] }).ended).toEqual([id]);
    for (const [i, page] of pages.entries()) {
      await expect(page.getByTestId('alert-takeover')).toHaveCount(0, { timeout: 5000 });
      await waitForColour(page, TEAL, 5000);
      // The same item plays on: nothing was restarted or blanked for the alert.
      expect(await page.evaluate(() => window.baruga?.shown.length ?? 0)).toBe(shownBefore[i]);
    }
  });
});
