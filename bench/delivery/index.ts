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
import { manifestArrivals, mqttRoundTrips } from '../lib/mqtt';
import { type Benchmark, outcome } from '../lib/result';
import { type DeliveryMeasurements, deliveryFigures } from './figures';

const SCREEN = { id: 'bench-delivery', name: 'Bench delivery', width: 640, height: 360 };
const ASSETS = 50;
const COLD_RUNS = 3;
const WARM_RUNS = 10;
/** Boots of each kind: new profiles online, the player's warm profile online, and the same offline. */
const BOOTS = 5;
const ROUND_TRIPS = 200;

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

/** Boots a browser on `profile` and measures its first painted frame, from navigation and from launch. */
async function boot(controllerUrl: string, profile: string) {
  const started = Date.now();
  const browser = host(profile);
  try {
    await browser.start({ controllerUrl, screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
    const page = browser.page(SCREEN.id) as Page;
    const fromNavigation = await firstFrame(page);
    const withLaunch = (await page.evaluate(() => window.baruga?.shown[0]?.at ?? NaN)) - started;
    return { firstFrame: fromNavigation, withLaunch };
  } finally {
    await browser.dispose();
  }
}

/**
 * Delivery: publish-to-screen with 50 new assets (downloaded, SHA-256 checked and cached before the
 * manifest goes on screen) and with every asset already cached, in real Chromium through the Chromium
 * host; then a reboot on the player's warm profile, online and then with the controller and broker gone.
 * Anchors, in the same run: a bare MQTT subscriber receiving the same signed manifests (the floor set by
 * the controller's publish work and the broker), and the same warm profile booting online. Limit: the
 * bare MQTT round trip. A new player's first boot online (empty profile) is reported on its own.
 */
export const benchmark: Benchmark = {
  title:
    'player delivery: publish-to-screen cold (50 new assets) and warm; reboots of a warm profile offline and online',
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

      if (controller.mqttPort === null) throw new Error('the controller runs no embedded broker');
      const roundTrips = await mqttRoundTrips(ROUND_TRIPS);
      const arrivals = await manifestArrivals(bare, SCREEN.id);

      // A new player's first boot online, nothing cached (a new profile each time).
      const emptyProfileOnline: number[] = [];
      for (let i = 0; i < BOOTS; i++) emptyProfileOnline.push((await boot(controller.url, profile())).firstFrame);

      const playerProfile = profile();
      player = host(playerProfile);
      await player.start({ controllerUrl: controller.url, screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
      const page = player.page(SCREEN.id) as Page;
      await paintedAt(page, first.id);
      // Let the Service Worker finish installing (it caches the app for the offline boots below).
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });

      let items: { id: string; asset: string }[] = [{ id: first.id, asset: '' }];
      const cold: DeliveryMeasurements['cold'] = [];
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
        const onScreen = (await paintedAt(page, items[0]?.id ?? '')) - started;
        const arrived = await arrivals.arrival(version);
        cold.push({ onScreen, onBareClient: arrived === undefined ? undefined : arrived - started });
      }

      const warm: DeliveryMeasurements['warm'] = [];
      for (let run = 0; run < WARM_RUNS; run++) {
        // The same 50 images: one item goes, a new item with a cached image comes; nothing to download.
        const [gone, ...rest] = items;
        if (!gone) throw new Error('no items left to rotate');
        await call('DELETE', `/api/screens/${SCREEN.id}/items/${gone.id}`);
        const added = await call<{ id: string }>('POST', `/api/screens/${SCREEN.id}/items`, {
          type: 'image',
          durationMs: 600_000,
          props: { asset: gone.asset },
        });
        items = [...rest, { id: added.id, asset: gone.asset }];
        const started = Date.now();
        const { version } = await call<{ version: number }>('POST', `/api/screens/${SCREEN.id}/publish`);
        const onScreen = (await paintedAt(page, added.id)) - started;
        const arrived = await arrivals.arrival(version);
        warm.push({ onScreen, onBareClient: arrived === undefined ? undefined : arrived - started });
      }
      const rejected = await page.evaluate(() => window.baruga?.rejected ?? []);
      if (rejected.length > 0) throw new Error(`the player refused something: ${rejected.join('; ')}`);

      // Reboots on the player's warm profile: online first (the like-for-like anchor), then with the
      // controller and broker gone. The same profile state on both sides; only the network differs.
      await player.dispose();
      player = null;
      const warmProfileOnline: DeliveryMeasurements['warmProfileOnline'] = [];
      for (let i = 0; i < BOOTS; i++) warmProfileOnline.push(await boot(controller.url, playerProfile));
      await controller.stop();
      const warmProfileOffline: DeliveryMeasurements['warmProfileOffline'] = [];
      for (let i = 0; i < BOOTS; i++) warmProfileOffline.push(await boot(controller.url, playerProfile));

      const { figures, excluded } = deliveryFigures({
        cold,
        warm,
        roundTrips,
        emptyProfileOnline,
        warmProfileOnline,
        warmProfileOffline,
      });
      return outcome({
        anchor: 'publish: bare MQTT subscriber, same publishes; start: the same warm profile online',
        figures,
        excluded,
        notes:
          `Chromium host, headless Debian Chromium, embedded broker, loopback; ${SCREEN.width}×${SCREEN.height} screen. ` +
          `Cold: median of ${cold.length} publishes that each replace the loop with ${ASSETS} images never seen ` +
          `before (their renditions at the screen's size, downloaded, SHA-256 checked and cached before ` +
          `the manifest goes on screen), from the publish request to the frame that painted the first new image. ` +
          `Warm: median of ${warm.length} publishes whose ${ASSETS} images are all cached. Their anchor is a Node ` +
          `MQTT client receiving the same signed manifests (it includes all the controller does at publish: ` +
          `compiling, signing, cutting any rendition not made at upload); an ` +
          `arrival it has not seen by the paint is waited for (5 s), and one that never comes is counted in ` +
          `excluded. Their limit is the median of ${roundTrips.length} bare MQTT round trips on the same broker. ` +
          `Boots (${BOOTS} of each, a new browser each time, from navigation to the first painted frame; ` +
          `with_browser_launch from starting Chromium): offline_cold_start_ms is, despite its name, a warm ` +
          `profile (HTTP cache, code cache, Service Worker installed, manifest verified from IndexedDB) with the ` +
          `controller and broker stopped; warm_offline_cold_start_ms is the same boots under a clear name. Both ` +
          `are set against the same profile booting with the controller up, so the comparison shows what being ` +
          `offline costs and nothing else. Until this run the anchor was a new, empty profile online, which ` +
          `mixed warm against cold; that boot is now first_boot_empty_profile_ms, Baruga's own cold start, with ` +
          `no anchor. A truly cold offline boot cannot exist: with nothing cached there is nothing to show.`,
      });
    } finally {
      await bare.endAsync();
      await player?.dispose();
      await controller.stop();
      for (const dir of profiles) fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
