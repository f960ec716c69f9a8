import { expect, test } from '@playwright/test';
import { RECONNECT_BACKOFF, reconnectDelayMs } from '../player/src/common/reconnect-backoff';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { startMosquitto } from './support/mosquitto';
import { type TestPlayer, startPlayer } from './support/player-host';
import type {} from './support/player-window';

const SCREEN = { id: 'lobi-broker', name: 'Lobi broker', width: 640, height: 360 };
const OUTAGE_MS = 12_000;
/** The longest the player may wait before its next try after `failures` failed tries (full jitter's cap). */
const capMs = (failures: number) => reconnectDelayMs(failures, () => 1);
/** A try's own failure (a refused WebSocket) and a page timer's lateness. */
const SLACK_MS = 500;

test.describe('fault: the broker restarts', () => {
  let controller: ControllerProcess | undefined;
  let player: TestPlayer | undefined;
  let broker: Awaited<ReturnType<typeof startMosquitto>> | undefined;
  test.afterEach(async () => {
    await player?.stop();
    await controller?.stop();
    await broker?.stop();
  });

  test('players reconnect with backoff and resynchronise, and a publish made meanwhile reaches them', async () => {
    // The wait for the reconnect may be as long as the backoff's largest cap (step 4).
    test.setTimeout(150_000);
    // 1. Debian's Mosquitto as the broker (players connect to it directly), a screen, a player showing v1.
    broker = await startMosquitto();
    const ports = { tcpPort: broker.tcpPort, wsPort: broker.wsPort };
    controller = await startControllerProcess({
      env: {
        BARUGA_SEED_DEMO: '0',
        BARUGA_MQTT_URL: `mqtt://127.0.0.1:${ports.tcpPort}`,
        BARUGA_MQTT_WS_URL: `ws://127.0.0.1:${ports.wsPort}`,
      },
    });
    const api = await signIn(controller.url);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    await api.announce(SCREEN.id, 'Sebelum broker mati');
    player = await startPlayer(controller.url, { screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
    const page = await player.page(SCREEN.id);
    await expect(page.getByText('Sebelum broker mati').first()).toBeVisible({ timeout: 15_000 });

    // 2. The broker dies (kill -9: no goodbye, no retained messages kept). A publish meanwhile is stored and
    //    says so at once, rather than hanging until the broker is back.
    const killedAt = Date.now();
    await broker.kill();
    broker = undefined;
    const lostAt = Date.now();
    await api.call('POST', `/api/screens/${SCREEN.id}/items`, { type: 'text', props: { body: 'Selama broker mati' } });
    const published = await api.call('POST', `/api/screens/${SCREEN.id}/publish`);
    expect(Date.now() - lostAt).toBeLessThan(3000);
    expect(published.status).toBe(503);
    expect(published.body).toMatchObject({ error: { code: 'BARUGA_ERR_BROKER_UNAVAILABLE', details: { version: 2 } } });

    // 3. While it is down the player keeps its content on screen and keeps trying, each wait drawn at random
    //    under a cap that doubles (player/src/common/reconnect-backoff.ts: 1, 2, 4, 8 … 60 s).
    await page.waitForTimeout(OUTAGE_MS - (Date.now() - lostAt));
    await expect(page.getByText('Sebelum broker mati').first()).toBeVisible();
    const attempts = (await page.evaluate(() => window.baruga?.reconnects ?? [])).filter((t) => t >= killedAt);
    const seen = `attempts at ${attempts.map((t) => t - killedAt).join(', ')} ms after the kill`;
    // After the n-th failed try the next comes within the n-th cap (2, 4, 8 … s), however the draws fall. (The
    // first try's start also counts the time the page takes to notice the lost connection, so it is not timed.)
    attempts.slice(1).forEach((t, i) => {
      expect(t - (attempts[i] as number), seen).toBeLessThanOrEqual(capMs(i + 1) + SLACK_MS);
    });
    // It backs off rather than knocking every second (about twelve tries in this outage, as mqtt.js's fixed
    // reconnectPeriod would): the caps 1 + 2 + 4 s guarantee three tries, and eight or more happen by chance
    // once in about 40,000 outages (a simulation of the draws gives 3 to 6 tries 99.9 % of the time).
    expect(attempts.length, seen).toBeGreaterThanOrEqual(3);
    expect(attempts.length, seen).toBeLessThanOrEqual(7);

    // 4. The broker comes back empty on the same ports. The controller's link returns and publishes every
    //    manifest again; the player reconnects by itself, its next try at most the largest cap (60 s) away, and
    //    shows what was published while the broker was gone.
    broker = await startMosquitto(ports);
    await expect(page.getByText('Selama broker mati').first()).toBeVisible({
      timeout: RECONNECT_BACKOFF.maxCapMs + 15_000,
    });
    expect(await page.evaluate(() => window.baruga?.manifestVersion)).toBe(2);
    await expect
      .poll(
        async () => ((await api.call('GET', `/api/screens/${SCREEN.id}`)).body as { connected: boolean }).connected,
        {
          timeout: 15_000,
        },
      )
      .toBe(true);

    // 5. And it is in step from then on: the next publish arrives within seconds.
    await api.announce(SCREEN.id, 'Broker kembali normal');
    await expect(page.getByText('Broker kembali normal').first()).toBeVisible({ timeout: 5_000 });
  });
});
