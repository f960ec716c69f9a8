import mqtt from 'mqtt';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium';
import { ADMIN_PASSWORD, startControllerProcess } from '../../test/support/controller-process';
import type {} from '../../test/support/player-window';
import { manifestArrivals, mqttRoundTrips } from '../lib/mqtt';
import { type Benchmark, outcome } from '../lib/result';
import { type PublishMeasurements, publishFigures } from './figures';

/** Enough publishes for an interpolated p99 on each side (100), with room for a few the anchor misses. */
const RUNS = 120;
const ROUND_TRIPS = 200;
const COLD_STARTS = 10;
const SCREEN = { id: 'bench-publish', name: 'Bench publish', width: 1280, height: 720 };

async function client(baseUrl: string) {
  const session = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const { token } = (await session.json()) as { token: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return (res.status === 204 ? null : await res.json()) as T;
  };
}

/**
 * Publish-to-screen: an operator publishes an announcement; how long until a player in real Chromium
 * paints it. The anchor is a bare MQTT subscriber on the same broker receiving the same manifests in
 * the same runs: the floor set by the controller and the broker, with no browser and no rendering. The
 * limit is the bare MQTT round trip, with no controller either.
 */
export const benchmark: Benchmark = {
  title: 'announcement publish-to-screen latency in real Chromium, and player cold start',
  async run() {
    const controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const bare = mqtt.connect(`mqtt://127.0.0.1:${controller.mqttPort}`, { protocolVersion: 4 });
    try {
      if (controller.mqttPort === null) throw new Error('the controller runs no embedded broker');
      const roundTrips = await mqttRoundTrips(ROUND_TRIPS);
      const api = await client(controller.url);
      await api('POST', '/api/screens', SCREEN);
      let item = await api<{ id: string }>('POST', `/api/screens/${SCREEN.id}/items`, {
        type: 'text',
        durationMs: 600_000,
        props: { body: 'Pengumuman awal' },
      });
      await api('POST', `/api/screens/${SCREEN.id}/publish`);

      // Cold starts: a fresh browser context (no storage, no cache) to the first painted item.
      const firstFrames: number[] = [];
      for (let i = 0; i < COLD_STARTS; i++) {
        const context = await browser.newContext({ viewport: { width: SCREEN.width, height: SCREEN.height } });
        const page = await context.newPage();
        await page.goto(`${controller.url}/player/?screen=${SCREEN.id}`);
        await page.waitForFunction(() => (window.baruga?.shown.length ?? 0) > 0, null, { timeout: 30_000 });
        firstFrames.push(await page.evaluate(() => (window.baruga?.shown[0]?.at ?? NaN) - performance.timeOrigin));
        await context.close();
      }

      const page = await browser.newPage({ viewport: { width: SCREEN.width, height: SCREEN.height } });
      await page.goto(`${controller.url}/player/?screen=${SCREEN.id}`);
      await page.waitForFunction(() => (window.baruga?.shown.length ?? 0) > 0);

      const arrivals = await manifestArrivals(bare, SCREEN.id);
      const publishes: PublishMeasurements['publishes'] = [];
      const deadline = Date.now() + 300_000;
      for (let run = 0; run < RUNS && Date.now() < deadline; run++) {
        const text = `Pengumuman nomor ${run + 1}`;
        const next = await api<{ id: string }>('POST', `/api/screens/${SCREEN.id}/items`, {
          type: 'text',
          durationMs: 600_000,
          props: { body: text },
        });
        await api('DELETE', `/api/screens/${SCREEN.id}/items/${item.id}`);
        item = next;
        const started = Date.now();
        const { version } = await api<{ version: number }>('POST', `/api/screens/${SCREEN.id}/publish`);
        await page.waitForFunction((id) => window.baruga?.shown.some((s) => s.itemId === id), item.id, {
          timeout: 5000,
        });
        const paintedAt = await page.evaluate(
          (id) => window.baruga?.shown.findLast((s) => s.itemId === id)?.at,
          item.id,
        );
        if (paintedAt === undefined) throw new Error(`publish ${run + 1}: no paint time for ${item.id}`);
        const arrived = await arrivals.arrival(version);
        publishes.push({
          onScreen: paintedAt - started,
          onBareClient: arrived === undefined ? undefined : arrived - started,
        });
      }
      // A short run would make a p99 of too few samples: fail rather than report it.
      if (publishes.length < RUNS) throw new Error(`only ${publishes.length} of ${RUNS} publishes in 300 s`);

      const { figures, excluded } = publishFigures({ publishes, roundTrips, firstFrames });
      return outcome({
        anchor: 'bare MQTT subscriber, same publishes',
        figures,
        excluded,
        notes:
          `${publishes.length} publishes to one player in headless Debian Chromium (embedded broker, loopback); ` +
          `latency runs from the publish request to the frame that painted the new announcement, and for the ` +
          `anchor (a Node MQTT client on the same broker) to the arrival of the same retained manifest; ` +
          `percentiles are interpolated. An arrival the anchor has not seen when the frame is painted is waited ` +
          `for (5 s); one that never comes is counted in excluded, not dropped. Limit: ${roundTrips.length} bare ` +
          `MQTT round trips (QoS 1, one Node client publishing through the same broker to another). ` +
          `first_frame_ms is the median of ${firstFrames.length} cold starts (new browser context: empty cache, ` +
          `no Service Worker, online, the browser already running) from navigation to the first painted item.`,
      });
    } finally {
      await bare.endAsync();
      await browser.close();
      await controller.stop();
    }
  },
};
