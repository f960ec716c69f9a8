import mqtt from 'mqtt';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium';
import { ADMIN_PASSWORD, startControllerProcess } from '../../test/support/controller-process';
import type {} from '../../test/support/player-window';
import { type Benchmark, median, percentile, round } from '../lib/result';

const RUNS = 50;
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
 * the same runs: the floor set by the controller and the broker, with no browser and no rendering.
 */
export const benchmark: Benchmark = {
  title: 'announcement publish-to-screen latency in real Chromium, and player cold start',
  async run() {
    const controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const bare = mqtt.connect(`mqtt://127.0.0.1:${controller.mqttPort}`, { protocolVersion: 4 });
    try {
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

      const arrivals = new Map<number, number>();
      await bare.subscribeAsync(`baruga/v1/screens/${SCREEN.id}/manifest`, { qos: 1 });
      bare.on('message', (_topic, payload) => {
        // The wire message is the signed envelope { manifest, signature, keyId }.
        const message = JSON.parse(payload.toString()) as { manifest?: { version: number }; version?: number };
        const version = message.manifest?.version ?? message.version;
        if (version !== undefined && !arrivals.has(version)) arrivals.set(version, Date.now());
      });

      const onScreen: number[] = [];
      const onBareClient: number[] = [];
      const deadline = Date.now() + 120_000;
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
        onScreen.push((paintedAt ?? NaN) - started);
        const arrived = arrivals.get(version);
        if (arrived !== undefined) onBareClient.push(arrived - started);
      }

      return {
        figures: {
          publish_to_screen_p50_ms: round(median(onScreen), 1),
          publish_to_screen_p99_ms: round(percentile(onScreen, 99), 1),
          first_frame_ms: round(median(firstFrames), 1),
        },
        units: { publish_to_screen_p50_ms: 'ms', publish_to_screen_p99_ms: 'ms', first_frame_ms: 'ms' },
        anchor: {
          name: 'bare MQTT subscriber, same publishes',
          figures: {
            publish_to_screen_p50_ms: round(median(onBareClient), 1),
            publish_to_screen_p99_ms: round(percentile(onBareClient, 99), 1),
          },
        },
        notes:
          `${onScreen.length} publishes to one player in headless Debian Chromium (embedded broker, loopback); ` +
          `latency runs from the publish request to the frame that painted the new announcement. ` +
          `first_frame_ms is the median of ${firstFrames.length} cold starts (new browser context) from navigation ` +
          `to the first painted item. The anchor is a Node MQTT client receiving the same retained manifests.`,
      };
    } finally {
      await bare.endAsync();
      await browser.close();
      await controller.stop();
    }
  },
};
