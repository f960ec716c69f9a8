import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess, tempDataDir } from './support/controller-process';
import { checkDataFolder } from './support/store-check';

type Api = Awaited<ReturnType<typeof signIn>>;

/** A large photo of noise (3000×2000): long enough to receive slowly and to process. */
async function bigPhoto(): Promise<Buffer> {
  const width = 3000;
  const height = 2000;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** kill -9: no shutdown hook runs, nothing is flushed on purpose. */
async function killHard(controller: ControllerProcess): Promise<void> {
  process.kill(controller.pid ?? 0, 'SIGKILL');
  await controller.stop();
}

/**
 * A multipart upload sent by hand, `pauseAfter` bytes first: returns the request (to keep writing) and the phase
 * the controller reports for it.
 */
function startUpload(url: string, token: string, uploadId: string, photo: Buffer) {
  const boundary = 'baruga-kill-test';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="besar.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, photo, tail]);
  const request = http.request(`${url}/api/content?uploadId=${uploadId}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(body.length),
    },
  });
  request.on('error', () => {});
  return { request, body };
}

const phaseOf = async (api: Api, uploadId: string) =>
  ((await api.call('GET', `/api/content/uploads/${uploadId}`)).body as { phase?: string } | null)?.phase;

/** After a restart: what the issue asks of a data folder that was killed mid-write. */
function expectIntact(dataDir: string) {
  const state = checkDataFolder(dataDir);
  expect(state).toMatchObject({
    integrity: 'ok',
    foreignKeyProblems: 0,
    damagedBlobs: [],
    rowsWithoutFile: [],
    leftInTmp: [],
  });
  // Every asset a stored manifest names is a blob with its file: a player fetching it would find it.
  const db = new Database(path.join(dataDir, 'baruga.sqlite'), { readonly: true });
  try {
    const bodies = db.prepare<[], { body: string }>('SELECT body FROM manifests').all();
    for (const { body } of bodies) {
      for (const asset of (JSON.parse(body) as { assets: { sha256: string }[] }).assets) {
        expect(fs.existsSync(path.join(dataDir, 'blobs', asset.sha256.slice(0, 2), asset.sha256))).toBe(true);
      }
    }
  } finally {
    db.close();
  }
}

test.describe('fault: the controller is killed with kill -9', () => {
  let controller: ControllerProcess | undefined;
  test.afterEach(async () => {
    await controller?.stop();
  });

  test('during an upload (receiving, then processing): on restart nothing partial, no orphan row', async () => {
    test.setTimeout(120_000);
    const dataDir = tempDataDir();
    const env = { BARUGA_SEED_DEMO: '0' };
    controller = await startControllerProcess({ dataDir, env });
    let api = await signIn(controller.url);
    // Screens of several sizes: processing cuts one rendition for each.
    for (const [i, [width, height]] of [
      [1920, 1080],
      [1080, 1920],
      [1920, 640],
      [1280, 720],
    ].entries()) {
      await api.call('POST', '/api/screens', { id: `layar-${i}`, name: `Layar ${i}`, width, height });
    }
    const photo = await bigPhoto();

    // 1. Killed while the body is still arriving (half of it sent).
    const receiving = startUpload(controller.url, api.token, 'kill-terima-1', photo);
    receiving.request.write(receiving.body.subarray(0, receiving.body.length / 2));
    await expect.poll(() => phaseOf(api, 'kill-terima-1'), { timeout: 10_000 }).toBe('receiving');
    await killHard(controller);
    receiving.request.destroy();

    // 2. Restarted on the same folder (the half-received file goes with the temp folder); then killed again
    //    while the whole file is being processed.
    controller = await startControllerProcess({ dataDir, env });
    expectIntact(dataDir);
    api = await signIn(controller.url);
    expect(((await api.call('GET', '/api/content')).body as { total: number }).total).toBe(0);
    const processing = startUpload(controller.url, api.token, 'kill-olah-1', photo);
    processing.request.end(processing.body);
    await expect.poll(() => phaseOf(api, 'kill-olah-1'), { timeout: 20_000, intervals: [50] }).toBe('processing');
    await killHard(controller);
    processing.request.destroy();

    // 3. Restarted: no partial file, no orphan row, no library item from either; the same upload then succeeds.
    controller = await startControllerProcess({ dataDir, env });
    expectIntact(dataDir);
    api = await signIn(controller.url);
    expect(((await api.call('GET', '/api/content')).body as { total: number }).total).toBe(0);
    const again = startUpload(controller.url, api.token, 'kill-lagi-1', photo);
    const answered = new Promise<number>((resolve) => again.request.on('response', (r) => resolve(r.statusCode ?? 0)));
    again.request.end(again.body);
    expect(await answered).toBe(201);
    expectIntact(dataDir);
  });

  test('during a publish to many screens: on restart every manifest is whole and every screen publishes', async () => {
    test.setTimeout(120_000);
    const dataDir = tempDataDir();
    const env = { BARUGA_SEED_DEMO: '0' };
    controller = await startControllerProcess({ dataDir, env });
    let api = await signIn(controller.url);
    // 1. Thirty screens of thirty sizes, one picture: an event for all of them cuts thirty renditions as it
    //    republishes them, a few seconds of work to interrupt.
    const screens = Array.from({ length: 30 }, (_, i) => ({
      id: `layar-${i}`,
      name: `Layar ${i}`,
      width: 800 + i * 16,
      height: 450 + i * 9,
    }));
    for (const s of screens) expect((await api.call('POST', '/api/screens', s)).status).toBe(201);
    const upload = startUpload(
      controller.url,
      api.token,
      'foto-acara-1',
      await sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 200, g: 40, b: 40 } } })
        .jpeg()
        .toBuffer(),
    );
    const uploaded = new Promise<string>((resolve) =>
      upload.request.on('response', (r) => {
        let text = '';
        r.on('data', (d: Buffer) => (text += d.toString()));
        r.on('end', () => resolve((JSON.parse(text) as { item: { asset: string } }).item.asset));
      }),
    );
    upload.request.end(upload.body);
    const asset = await uploaded;
    expect(
      (
        await api.call('POST', '/api/playlists', {
          id: 'acara',
          name: 'Acara',
          items: [{ type: 'image', props: { asset } }],
        })
      ).status,
    ).toBe(201);

    // 2. The event that republishes all thirty; killed while it works.
    void api
      .call('POST', '/api/events', {
        name: 'Acara',
        playlistId: 'acara',
        targets: { all: true },
        start: '2025-01-01T00:00',
      })
      .catch(() => undefined);
    const db = () => new Database(path.join(dataDir, 'baruga.sqlite'), { readonly: true });
    const count = (table: 'manifests' | 'events') => {
      const handle = db();
      try {
        return (handle.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      } finally {
        handle.close();
      }
    };
    // The event is stored first; its republish (renditions cut for thirty sizes, then manifests stored a batch
    // per transaction) follows: killed as soon as the event is there, the kill lands inside that work.
    await expect.poll(() => count('events'), { timeout: 30_000, intervals: [20] }).toBeGreaterThan(0);
    const before = count('manifests');
    await killHard(controller);
    expect(before).toBeLessThan(screens.length);

    // 3. Restarted: every stored manifest is whole and names only blobs that exist; every screen publishes.
    controller = await startControllerProcess({ dataDir, env });
    expectIntact(dataDir);
    api = await signIn(controller.url);
    for (const s of screens) {
      const publish = await api.call('POST', `/api/screens/${s.id}/publish`);
      expect(publish.status, `${s.id}: ${JSON.stringify(publish.body)}`).toBe(200);
    }
    expectIntact(dataDir);
  });
});
