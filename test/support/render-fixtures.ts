import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makeClip, makeHlsStream, makePhoto } from '@baruga/content/fixtures';
import type { Page } from '@playwright/test';
import { tempDataDir } from './controller-process';
import { startStaticServer } from './static-server';

const HARNESS_DIST = path.resolve(import.meta.dirname, '..', 'harness', 'dist');

export interface Asset {
  sha256: string;
  url: string;
  size: number;
  mime: string;
}

/** Real media for the renderer, made by sharp and ffmpeg, served from loopback with the render harness. */
export async function startRenderFixtures() {
  if (!fs.existsSync(path.join(HARNESS_DIST, 'index.html'))) {
    throw new Error('the render harness is not built: run "npm run build:harness" (npm test does)');
  }
  const dir = tempDataDir('baruga-render-');
  const content = path.join(dir, 'content');
  fs.mkdirSync(content);
  const types = new Map<string, string>();
  const add = (data: Buffer, mime: string): Asset => {
    const sha256 = crypto.createHash('sha256').update(data).digest('hex');
    fs.writeFileSync(path.join(content, sha256), data);
    types.set(sha256, mime);
    return { sha256, url: `/content/${sha256}`, size: data.length, mime };
  };
  const image = add(await makePhoto({ width: 1280, height: 720, format: 'jpeg' }), 'image/jpeg');
  const clip = makeClip(dir, 'clip.mp4', { seconds: 3, width: 640, height: 360, audio: 'none' });
  const video = add(fs.readFileSync(clip), 'video/mp4');
  makeHlsStream(path.join(dir, 'hls'), { live: false });
  fs.mkdirSync(path.join(dir, 'pages'));
  fs.writeFileSync(
    path.join(dir, 'pages', 'index.html'),
    '<!doctype html><body style="margin:0;background:#22aa55;color:#fff;font:64px sans-serif">Halaman web uji</body>',
  );
  const server = await startStaticServer(
    { '/content/': content, '/hls/': path.join(dir, 'hls'), '/pages/': path.join(dir, 'pages'), '/': HARNESS_DIST },
    types,
  );
  return {
    server,
    image,
    video,
    hlsUrl: `${server.url}/hls/master.m3u8`,
    pageUrl: `${server.url}/pages/index.html`,
    close: () => server.close(),
  };
}
export type RenderFixtures = Awaited<ReturnType<typeof startRenderFixtures>>;

export const SCREEN = {
  id: 'uji-render',
  name: 'Uji render',
  width: 1280,
  height: 720,
  timezone: 'Asia/Makassar',
  locale: 'id-ID',
  public: false,
} as const;

let itemSeq = 0;
export function item(type: string, props: Record<string, unknown>, durationMs = 5000) {
  itemSeq += 1;
  return { id: `${type}-${itemSeq}`, type, typeVersion: 1, durationMs, props, sample: false };
}

/** A manifest as the controller would publish it, for the harness (which checks it with the same schema). */
export function manifest(
  parts: {
    loop?: unknown[];
    layouts?: Record<string, unknown>;
    overlays?: unknown[];
    assets?: Asset[];
    /** Where zones begin (protocol PlaybackCue), as the publisher sets them when a zone's items change. */
    cues?: { programme: string; zone: string; at: string; index: number }[];
  },
  version = 1,
) {
  return {
    schemaVersion: 2,
    screenId: SCREEN.id,
    version,
    issuedAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    screen: SCREEN,
    loop: parts.loop ?? [],
    playlists: {},
    schedule: { wallId: null, groups: [] as string[], events: [] as unknown[], dayparts: [] as unknown[] },
    layouts: parts.layouts ?? {},
    overlays: parts.overlays ?? [],
    assets: parts.assets ?? [],
    cues: parts.cues ?? [],
  };
}

export async function openHarness(page: Page, fixtures: RenderFixtures, speed = 1) {
  await page.setViewportSize({ width: SCREEN.width, height: SCREEN.height });
  await page.goto(`${fixtures.server.url}/index.html?speed=${speed}`);
  await page.waitForFunction(() => typeof window.harness === 'object');
}

export async function show(page: Page, m: unknown) {
  await page.evaluate((value) => window.harness.show(value), m);
}

declare global {
  interface Window {
    harness: {
      show(manifest: unknown): void;
      unmount(): void;
      feed(feedId: string, table: unknown): void;
      cycles(manifest: unknown, count: number): Promise<number>;
      shownTotal(): number;
      shown: { itemId: string; zoneId: string; at: number }[];
      rejected: string[];
    };
  }
}
