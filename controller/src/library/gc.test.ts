import crypto from 'node:crypto';
import fs from 'node:fs';
import { makePhoto } from '@baruga/content/fixtures';
import { type UploadResult } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningController } from '../controller';
import { multipartBody } from '../testing/multipart';
import { startTestController } from '../testing/test-controller';
import { BlobStore } from './blob-store';
import { collectGarbage, referencedBlobs } from './gc';

let controller: RunningController;
let dataDir: string;
let auth: Record<string, string>;
let store: BlobStore;

beforeAll(async () => {
  ({ controller, dataDir, auth } = await startTestController());
  store = new BlobStore(dataDir);
  await controller.app.inject({
    method: 'POST',
    url: '/api/screens',
    headers: auth,
    payload: { id: 'kiosk-1', name: 'Kiosk', width: 1080, height: 1920 },
  });
  // Screenshots are asked of enrolled players: one drives the kiosk.
  const enrolled = await controller.app.inject({
    method: 'POST',
    url: '/api/players/enroll',
    payload: { host: 'chromium' },
  });
  await controller.app.inject({
    method: 'POST',
    url: '/api/players/pair',
    headers: auth,
    payload: { code: enrolled.json<{ pairingCode: string }>().pairingCode, name: 'Kiosk', screens: ['kiosk-1'] },
  });
});
afterAll(async () => {
  await controller.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function uploadPhoto(name: string, seed: number) {
  const body = multipartBody({ fileName: name, data: await makePhoto({ width: 400 + seed, height: 300 }) });
  const response = await controller.app.inject({
    method: 'POST',
    url: '/api/content',
    headers: { ...auth, ...body.headers },
    payload: body.payload,
  });
  return response.json<UploadResult>().item;
}

const onDisk = (sha256: string) => fs.existsSync(store.pathOf(sha256));
const gc = (graceMs = 0) => collectGarbage(controller.db, controller.repos, store, { graceMs, now: Date.now() + 1000 });

describe('garbage collection', () => {
  it('removes what nothing references, keeps everything a library item or a loop item needs', async () => {
    // 1. Two photos in the library; one is placed on the kiosk.
    const kept = await uploadPhoto('dipakai.jpg', 1);
    const dropped = await uploadPhoto('dibuang.jpg', 2);
    const added = await controller.app.inject({
      method: 'POST',
      url: '/api/screens/kiosk-1/items',
      headers: auth,
      payload: { type: 'image', props: { asset: kept.asset } },
    });
    expect(added.statusCode).toBe(201);
    const keptRenditions = controller.repos.library.renditionsOf(kept.asset!).map((r) => r.sha256);
    const droppedRenditions = controller.repos.library.renditionsOf(dropped.asset!).map((r) => r.sha256);
    expect(keptRenditions).toHaveLength(1);

    // 2. Leftovers of a crash: a file no row names, and a row for bytes nobody uses.
    const orphanFile = await store.putBuffer(crypto.randomBytes(1000));
    const orphanRow = await store.putBuffer(crypto.randomBytes(2000));
    controller.repos.blobs.add({ sha256: orphanRow.sha256, size: orphanRow.size, mime: 'image/png' });

    // 3. Inside the grace period nothing goes: an upload may be about to claim them.
    const young = await gc(60 * 60 * 1000);
    expect(young.removedBlobs).toBe(0);
    expect(young.skippedYoung).toBeGreaterThanOrEqual(2);
    expect(onDisk(orphanFile.sha256) && onDisk(orphanRow.sha256)).toBe(true);

    // 4. Past it, the orphans go; the library's blobs stay.
    const first = await gc();
    expect(first.removedBlobs).toBe(2);
    expect(first.freedBytes).toBe(3000);
    expect(onDisk(orphanFile.sha256) || onDisk(orphanRow.sha256)).toBe(false);
    expect(controller.repos.blobs.get(orphanRow.sha256)).toBeNull();
    for (const sha of [kept.asset!, kept.thumbnail!, ...keptRenditions, dropped.asset!, dropped.thumbnail!]) {
      expect(onDisk(sha), sha).toBe(true);
    }

    // 5. The unused photo is deleted: its original, thumbnail and renditions go at the next pass.
    const deleted = await controller.app.inject({ method: 'DELETE', url: `/api/content/${dropped.id}`, headers: auth });
    expect(deleted.statusCode).toBe(204);
    const second = await gc();
    expect(second.removedBlobs).toBe(2 + droppedRenditions.length);
    for (const sha of [dropped.asset!, dropped.thumbnail!, ...droppedRenditions]) expect(onDisk(sha)).toBe(false);
    expect(controller.repos.library.renditionsOf(dropped.asset!)).toEqual([]);

    // 6. The photo in use survives even without its library item: the loop item still names it.
    const refused = await controller.app.inject({ method: 'DELETE', url: `/api/content/${kept.id}`, headers: auth });
    expect(refused.statusCode).toBe(409);
    controller.db.prepare('DELETE FROM library_items WHERE id = ?').run(kept.id);
    await gc();
    expect(onDisk(kept.asset!)).toBe(true);
    expect(referencedBlobs(controller.repos).has(kept.asset!)).toBe(true);
  });

  it('keeps what a playlist holds, and the library says so when asked to delete it', async () => {
    // 1. A photo placed only in a playlist (events put playlists on screens later).
    const poster = await uploadPhoto('poster-lebaran.jpg', 3);
    const created = await controller.app.inject({
      method: 'POST',
      url: '/api/playlists',
      headers: auth,
      payload: { id: 'lebaran', name: 'Lebaran', items: [{ type: 'image', props: { asset: poster.asset } }] },
    });
    expect(created.statusCode).toBe(201);

    // 2. Delete is refused with the playlist named; garbage collection keeps the original and its renditions.
    const refused = await controller.app.inject({ method: 'DELETE', url: `/api/content/${poster.id}`, headers: auth });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { details: { items: 1, playlists: ['lebaran'], screens: [], summary: 'used by 1 item in 1 playlist' } },
    });
    controller.db.prepare('DELETE FROM library_items WHERE id = ?').run(poster.id);
    await gc();
    expect(onDisk(poster.asset!)).toBe(true);
  });

  it("keeps what a layout's zone or a screen's overlay holds, and the library names them", async () => {
    // 1. One photo placed only in a layout nobody schedules yet, another only in the kiosk's overlay.
    const map = await uploadPhoto('peta-kota.jpg', 4);
    const logo = await uploadPhoto('logo-pemprov.jpg', 5);
    const layout = await controller.app.inject({
      method: 'POST',
      url: '/api/layouts',
      headers: auth,
      payload: {
        id: 'peta',
        name: 'Peta kota',
        width: 1080,
        height: 1920,
        zones: [
          { id: 'map', x: 0, y: 0, width: 1080, height: 1500, items: [{ type: 'image', props: { asset: map.asset } }] },
        ],
      },
    });
    expect(layout.statusCode, layout.body).toBe(201);
    const overlay = await controller.app.inject({
      method: 'PUT',
      url: '/api/screens/kiosk-1/overlays',
      headers: auth,
      payload: {
        zones: [
          {
            id: 'logo',
            x: 880,
            y: 0,
            width: 200,
            height: 200,
            items: [{ type: 'image', props: { asset: logo.asset } }],
          },
        ],
      },
    });
    expect(overlay.statusCode, overlay.body).toBe(200);

    // 2. Deleting either is refused, naming where it is used.
    const refusedMap = await controller.app.inject({ method: 'DELETE', url: `/api/content/${map.id}`, headers: auth });
    expect(refusedMap.statusCode).toBe(409);
    expect(refusedMap.json().error.details).toMatchObject({
      items: 1,
      layouts: ['peta'],
      screens: [],
      summary: 'used by 1 item in 1 layout',
    });
    const refusedLogo = await controller.app.inject({
      method: 'DELETE',
      url: `/api/content/${logo.id}`,
      headers: auth,
    });
    expect(refusedLogo.json().error.details).toMatchObject({ items: 1, layouts: [], screens: ['kiosk-1'] });

    // 3. Without their library items, the collector still keeps both originals: the zones name them.
    for (const id of [map.id, logo.id]) controller.db.prepare('DELETE FROM library_items WHERE id = ?').run(id);
    await gc();
    expect(onDisk(map.asset!)).toBe(true);
    expect(onDisk(logo.asset!)).toBe(true);
  });
});

describe('screenshots', () => {
  /** What a player does for a screenshot command: the console asks, the player uploads a PNG. */
  async function screenshot(seed: number): Promise<string> {
    const issued = await controller.app.inject({
      method: 'POST',
      url: '/api/screens/kiosk-1/commands',
      headers: auth,
      payload: { name: 'screenshot' },
    });
    expect(issued.statusCode, issued.body).toBe(202);
    const png = await makePhoto({ width: 64 + seed, height: 36, format: 'png' });
    const uploaded = await controller.app.inject({
      method: 'PUT',
      url: `/api/commands/${issued.json<{ id: string }>().id}/screenshot`,
      headers: { 'content-type': 'image/png' },
      payload: png,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    return uploaded.json<{ sha256: string }>().sha256;
  }

  it("keeps each screen's newest screenshot, which the console shows, and lets older ones go", async () => {
    const older = await screenshot(1);
    await new Promise((r) => setTimeout(r, 5)); // commands are ordered by when they were issued
    const newest = await screenshot(2);
    expect(referencedBlobs(controller.repos).has(newest)).toBe(true);
    await gc();
    expect(onDisk(newest)).toBe(true);
    expect(onDisk(older)).toBe(false);
    expect(controller.repos.commands.latestScreenshot('kiosk-1')?.sha256).toBe(newest);
  });
});
