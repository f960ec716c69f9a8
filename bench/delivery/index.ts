import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { ChromiumHost } from '../../player/src/node/chromium-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium';
import { ADMIN_PASSWORD, startControllerProcess, tempDataDir } from '../../test/support/controller-process';
import type {} from '../../test/support/player-window';
import { type Benchmark, median, round } from '../lib/result';

const SCREEN = { id: 'bench-delivery', name: 'Bench delivery', width: 640, height: 360 };
const ASSETS = 50;
const COLD_RUNS = 3;
const WARM_RUNS = 10;
const BOOTS = 5;

type Api = <T>(method: string, path: string, body?: unknown) => Promise<T>;

async function client(baseUrl: string): Promise<{ call: Api; token: string }> {
  const session = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const { token } = (await session.json()) as { token: string };
  const call: Api = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${p}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    if (!res.ok) throw new Error(`${method} ${p}: HTTP ${res.status} ${await res.text()}`);
    return (res.status === 204 ? null : await res.json()) as T;
  };
  return { call, token };
}

/** A photo-like image (gradient plus grain, so it does not compress to nothing), uploaded to the library. */
async function uploadImage(baseUrl: string, token: string, seed: number): Promise<string> {
  const { width, height } = SCREEN;
  const pixels = Buffer.alloc(width * height * 3);
  let x = seed * 2654435761;
  for (let i = 0; i < pixels.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    pixels[i] = ((i % (width * 3)) / 3 + seed * 37 + (x >>> 27)) & 0xff;
  }
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), `bench-${seed}.jpg`);
  const res = await fetch(`${baseUrl}/api/content?name=bench-${seed}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status >= 300) throw new Error(`upload: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { item: { asset: string } }).item.asset;
}

/** Wall-clock ms at which the page painted `itemId` (window.baruga.shown), waiting at most `timeoutMs`. */
async function paintedAt(page: Page, itemId: string, timeoutMs = 60_000): Promise<number> {
  await page.waitForFunction((id) => window.baruga?.shown.some((s) => s.itemId === id), itemId, {
    timeout: timeoutMs,
  });
  return page.evaluate((id) => window.baruga?.shown.find((s) => s.itemId === id)?.at ?? NaN, itemId);
}

function host(userDataDir: string) {
  return new ChromiumHost({
    executablePath: CHROMIUM_PATH,
    userDataDir,
    headless: true,
    kiosk: false,
    extraArgs: CHROMIUM_ARGS.filter((a) => a !== '--headless'),
  });
}

/** First frame after navigation, ms since the page's time origin, once the page has painted anything. */
async function firstFrame(page: Page): Promise<number> {
  await page.waitForFunction(() => (window.baruga?.shown.length ?? 0) > 0, null, { timeout: 30_000 });
  return page.evaluate(() => (window.baruga?.shown[0]?.at ?? NaN) - performance.timeOrigin);
}

/**
 * Delivery: publish-to-screen with 50 new assets (downloaded, SHA-256 checked and cached before the
 * manifest goes on screen) and with every asset already cached, in real Chromium through the Chromium
 * host; then cold start from the cache with the controller and broker gone. Anchors, in the same run: a
 * bare MQTT subscriber receiving the same signed manifests (the floor set by the controller, its
 * renditions and the broker), and the same player's first boot online with nothing cached.
 */
export const benchmark: Benchmark = {
  title: 'player delivery: publish-to-screen cold (50 new assets) and warm, offline cold start',
  async run() {
    const dataDir = tempDataDir('baruga-bench-delivery-');
    const controller = await startControllerProcess({ dataDir, env: { BARUGA_SEED_DEMO: '0' } });
    const profiles: string[] = [];
    const profile = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-bench-player-'));
      profiles.push(dir);
      return dir;
    };
    const bare = await mqtt.connectAsync(`mqtt://127.0.0.1:${controller.mqttPort}`, { protocolVersion: 4 });
    let player: ChromiumHost | null = null;
    try {
      const { call, token } = await client(controller.url);
      await call('POST', '/api/screens', SCREEN);
      const first = await call<{ id: string }>('POST', `/api/screens/${SCREEN.id}/items`, {
        type: 'text',
        durationMs: 600_000,
        props: { body: 'Pengumuman awal' },
      });
      await call('POST', `/api/screens/${SCREEN.id}/publish`);

      const arrivals = new Map<number, number>();
      await bare.subscribeAsync(`baruga/v1/screens/${SCREEN.id}/manifest`, { qos: 1 });
      bare.on('message', (_topic, payload) => {
        const version = (JSON.parse(payload.toString()) as { manifest: { version: number } }).manifest.version;
        if (!arrivals.has(version)) arrivals.set(version, Date.now());
      });

      // Anchor for the cold start: the first boot online, nothing cached (a new profile).
      const onlineBoots: number[] = [];
      for (let i = 0; i < 3; i++) {
        const fresh = host(profile());
        await fresh.start({ controllerUrl: controller.url, screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
        onlineBoots.push(await firstFrame(fresh.page(SCREEN.id) as Page));
        await fresh.dispose();
      }

      const playerProfile = profile();
      player = host(playerProfile);
      await player.start({ controllerUrl: controller.url, screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
      const page = player.page(SCREEN.id) as Page;
      await paintedAt(page, first.id);
      // Let the Service Worker finish installing (it caches the app for the offline boots below).
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });

      let items: { id: string; asset: string }[] = [{ id: first.id, asset: '' }];
      const cold: number[] = [];
      const coldAnchor: number[] = [];
      let seed = 1;
      for (let run = 0; run < COLD_RUNS; run++) {
        // 50 images the player has never seen replace the whole loop.
        const assets: string[] = [];
        for (let i = 0; i < ASSETS; i++) assets.push(await uploadImage(controller.url, token, seed++));
        for (const item of items) await call('DELETE', `/api/screens/${SCREEN.id}/items/${item.id}`);
        items = [];
        for (const asset of assets) {
          const added = await call<{ id: string }>('POST', `/api/screens/${SCREEN.id}/items`, {
            type: 'image',
            durationMs: 600_000,
            props: { asset },
          });
          items.push({ id: added.id, asset });
        }
        const started = Date.now();
        const { version } = await call<{ version: number }>('POST', `/api/screens/${SCREEN.id}/publish`);
        cold.push((await paintedAt(page, items[0]?.id ?? '')) - started);
        const arrived = arrivals.get(version);
        if (arrived !== undefined) coldAnchor.push(arrived - started);
      }

      const warm: number[] = [];
      const warmAnchor: number[] = [];
      for (let run = 0; run < WARM_RUNS; run++) {
        // The same 50 images: one item goes, a new item with a cached image comes; nothing to download.
        const [gone, ...rest] = items;
        if (!gone) break;
        await call('DELETE', `/api/screens/${SCREEN.id}/items/${gone.id}`);
        const added = await call<{ id: string }>('POST', `/api/screens/${SCREEN.id}/items`, {
          type: 'image',
          durationMs: 600_000,
          props: { asset: gone.asset },
        });
        items = [...rest, { id: added.id, asset: gone.asset }];
        const started = Date.now();
        const { version } = await call<{ version: number }>('POST', `/api/screens/${SCREEN.id}/publish`);
        warm.push((await paintedAt(page, added.id)) - started);
        const arrived = arrivals.get(version);
        if (arrived !== undefined) warmAnchor.push(arrived - started);
      }
      const rejected = await page.evaluate(() => window.baruga?.rejected ?? []);
      if (rejected.length > 0) throw new Error(`the player refused something: ${rejected.join('; ')}`);

      // Offline cold start: controller and broker gone, a new browser on the same profile (a reboot).
      await player.dispose();
      player = null;
      await controller.stop();
      const offline: number[] = [];
      const offlineWithLaunch: number[] = [];
      for (let i = 0; i < BOOTS; i++) {
        const started = Date.now();
        const boot = host(playerProfile);
        await boot.start({ controllerUrl: controller.url, screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
        const bootPage = boot.page(SCREEN.id) as Page;
        offline.push(await firstFrame(bootPage));
        offlineWithLaunch.push((await bootPage.evaluate(() => window.baruga?.shown[0]?.at ?? NaN)) - started);
        await boot.dispose();
      }

      return {
        figures: {
          publish_to_screen_cold_ms: round(median(cold), 1),
          publish_to_screen_warm_ms: round(median(warm), 1),
          offline_cold_start_ms: round(median(offline), 1),
          offline_cold_start_with_browser_launch_ms: round(median(offlineWithLaunch), 1),
        },
        units: {
          publish_to_screen_cold_ms: 'ms',
          publish_to_screen_warm_ms: 'ms',
          offline_cold_start_ms: 'ms',
          offline_cold_start_with_browser_launch_ms: 'ms',
        },
        anchor: {
          name: 'publish: bare MQTT subscriber, same publishes; start: online first boot, empty cache',
          figures: {
            publish_to_screen_cold_ms: round(median(coldAnchor), 1),
            publish_to_screen_warm_ms: round(median(warmAnchor), 1),
            offline_cold_start_ms: round(median(onlineBoots), 1),
          },
        },
        notes:
          `Chromium host, headless Debian Chromium, embedded broker, loopback; ${SCREEN.width}×${SCREEN.height} screen. ` +
          `Cold: median of ${cold.length} publishes that each replace the loop with ${ASSETS} images never seen ` +
          `before (JPEG renditions made by the controller at publish, downloaded, SHA-256 checked and cached before ` +
          `the manifest goes on screen), from the publish request to the frame that painted the first new image. ` +
          `Warm: median of ${warm.length} publishes whose ${ASSETS} images are all cached. ` +
          `Offline cold start: median of ${offline.length} boots of a new browser on the player's ` +
          `profile with the controller and broker stopped, from navigation to the first painted frame (served by ` +
          `the Service Worker, manifest verified from IndexedDB); with_browser_launch adds starting Chromium. ` +
          `Anchors: a Node MQTT client receiving the same signed manifests (includes the controller's rendition ` +
          `work); the same player's first boot online with an empty profile.`,
      };
    } finally {
      await bare.endAsync();
      await player?.dispose();
      await controller.stop();
      for (const dir of profiles) fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
