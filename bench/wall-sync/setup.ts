import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CanvasSize, PanelModel, WallView } from '@baruga/protocol';
import sharp from 'sharp';
import { ADMIN_PASSWORD } from '../../test/support/controller-process';

/** Tiles are small (four to nine Chromium processes share two cores here); the geometry is a real wall's. */
export const TILE = { width: 320, height: 180 };
/** A 320×180 panel of 320 × 180 mm with 2 mm of frame each side: 4 px of the picture behind every seam. */
export const PANEL: PanelModel = {
  widthPx: TILE.width,
  heightPx: TILE.height,
  activeWidthMm: 320,
  activeHeightMm: 180,
  bezelMm: { top: 2, right: 2, bottom: 2, left: 2 },
};
/**
 * What each item lasts beyond a whole number of 100 ms (six frames at 60 Hz). Without it every transition of a run
 * falls at the same point between two frames, and tiles whose clocks differ by a few milliseconds either all agree or
 * all split a frame, by the luck of that one phase; with it, a zone's successive transitions step 7 ms at a time
 * through the 16.7 ms between two frames, so a run samples the phases rather than one of them.
 */
const PHASE_STEP_MS = 7;
/**
 * Zones of the transition layout: concentric rectangles around the canvas's centre, the smallest half the canvas, so
 * each one reaches into every tile of a 3×3 wall, each cycling through ten pictures of its own length (2.007 s to
 * 2.907 s, a picture's shortest is 2 s): about four transitions a second, none of them on a shared grid. Pictures,
 * because they decode off the main thread: the benchmark measures the switching, not the layout of ten zones of
 * large text on two shared cores.
 */
export const TRANSITION_ZONES = Array.from({ length: 10 }, (_, k) => ({
  id: `ring-${k}`,
  share: 0.95 - k * 0.05,
  itemMs: 2000 + 100 * k + PHASE_STEP_MS,
}));
export const ITEMS_PER_ZONE = 10;
export const VIDEO_FPS = 25;
export const VIDEO_SECONDS = 20;

export type Api = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export async function signIn(baseUrl: string): Promise<{ call: Api; token: string }> {
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

/** The tiles' screens and the wall: `columns` × `rows` of the bench panel. */
export async function createWall(call: Api, id: string, columns: number, rows: number): Promise<WallView> {
  const tiles = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const screenId = `${id}-${column}-${row}`;
      await call('POST', '/api/screens', { id: screenId, name: screenId, ...TILE });
      tiles.push({ column, row, screenId });
    }
  }
  return call<WallView>('POST', '/api/walls', { id, name: id, columns, rows, panel: PANEL, tiles });
}

/** Ten plain pictures of different colours in the library, for the transition zones' items. */
export async function uploadSwatches(baseUrl: string, token: string): Promise<string[]> {
  const assets: string[] = [];
  for (let i = 0; i < ITEMS_PER_ZONE; i++) {
    const png = await sharp({
      create: {
        width: 64,
        height: 36,
        channels: 3,
        background: { r: (i * 97) % 256, g: (i * 53 + 40) % 256, b: (i * 29 + 90) % 256 },
      },
    })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `swatch-${i}.png`);
    const res = await fetch(`${baseUrl}/api/content?name=swatch-${i}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    if (res.status >= 300) throw new Error(`swatch upload: HTTP ${res.status} ${await res.text()}`);
    assets.push(((await res.json()) as { item: { asset: string } }).item.asset);
  }
  return assets;
}

/** The transition layout on a wall's canvas (see TRANSITION_ZONES). */
export function transitionLayout(id: string, canvas: CanvasSize, swatches: readonly string[]) {
  return {
    id,
    name: id,
    ...canvas,
    background: '#000000',
    zones: TRANSITION_ZONES.map((zone, k) => {
      const width = Math.round(canvas.width * zone.share);
      const height = Math.round(canvas.height * zone.share);
      return {
        id: zone.id,
        x: Math.round((canvas.width - width) / 2),
        y: Math.round((canvas.height - height) / 2),
        width,
        height,
        z: k,
        // Each zone starts its cycle at another colour, so neighbouring rings never show the same picture.
        items: Array.from({ length: ITEMS_PER_ZONE }, (_, i) => ({
          type: 'image',
          durationMs: zone.itemMs,
          props: { asset: swatches[(i + k) % swatches.length], fit: 'cover' },
        })),
      };
    }),
  };
}

/** A test clip (25 frames a second, H.264) in the library; its asset for a video item. */
export async function uploadClip(baseUrl: string, token: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-bench-wall-'));
  const file = path.join(dir, 'frames.mp4');
  execFileSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-f', 'lavfi'],
    ...['-i', `testsrc=size=${TILE.width * 2}x${TILE.height * 2}:rate=${VIDEO_FPS}`],
    ...['-t', String(VIDEO_SECONDS), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-profile:v', 'main', '-g', '25', file],
  ]);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))], { type: 'video/mp4' }), 'frames.mp4');
  const res = await fetch(`${baseUrl}/api/content?name=frames`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  fs.rmSync(dir, { recursive: true, force: true });
  if (res.status >= 300) throw new Error(`clip upload: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { item: { asset: string } }).item.asset;
}

/** A layout with one full-canvas video zone playing the clip on a loop. */
export function videoLayout(id: string, canvas: CanvasSize, asset: string) {
  return {
    id,
    name: id,
    ...canvas,
    background: '#000000',
    zones: [
      {
        id: 'video',
        x: 0,
        y: 0,
        ...canvas,
        items: [{ type: 'video', durationMs: 600_000, props: { asset, loop: true, fit: 'cover' } }],
      },
    ],
  };
}

/** An event that keeps `playlistId` on the wall from now on. */
export async function putOnWall(call: Api, wallId: string, playlistId: string): Promise<string> {
  const created = await call<{ event: { event: { id: string } } }>('POST', '/api/events', {
    name: playlistId,
    playlistId,
    targets: { walls: [wallId] },
    priority: 10,
    start: '2025-01-01T00:00',
  });
  return created.event.event.id;
}
