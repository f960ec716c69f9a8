import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { addItem, publish, uploadColour } from './support/delivery';
import { checkDataFolder } from './support/store-check';

const SCREEN = { id: 'lobi-penuh', name: 'Lobi penuh', width: 640, height: 360 };

/** A photo-sized JPEG of noise (a few megabytes): no compression saves it. */
async function noisyPhoto(): Promise<Buffer> {
  const width = 1600;
  const height = 1200;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

async function upload(url: string, token: string, name: string, data: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: 'image/jpeg' }), `${name}.jpg`);
  const response = await fetch(`${url}/api/content`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

test.describe('fault: the data folder’s disk fills up', () => {
  let controller: ControllerProcess | undefined;
  let mount: string | undefined;
  test.afterEach(async () => {
    await controller?.stop();
    if (mount) {
      execFileSync('umount', [mount]);
      fs.rmSync(mount, { recursive: true, force: true });
    }
  });

  test('uploads fail with a clear code, nothing stored is damaged, and they work again once there is room', async () => {
    test.setTimeout(90_000);
    // 1. A small disk of its own for the data folder (a tmpfs, as root). Without one this test cannot say
    //    anything, so it fails rather than skips.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-disk-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', dir], { stdio: 'pipe' });
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`the disk-full test needs a tmpfs mounted as root (mount -t tmpfs): ${String(error)}`);
    }
    mount = dir;
    const dataDir = path.join(dir, 'data');
    controller = await startControllerProcess({ dataDir, env: { BARUGA_SEED_DEMO: '0' } });
    const api = await signIn(controller.url);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    const blue = await uploadColour(controller.url, api, 'biru', { r: 20, g: 60, b: 200 });
    await addItem(api, SCREEN.id, { type: 'image', props: { asset: blue } });
    const version = await publish(api, SCREEN.id);
    const before = checkDataFolder(dataDir);
    const served = Buffer.from(await (await fetch(`${controller.url}/content/${blue}`)).arrayBuffer());

    // 2. Something else fills the disk to its last 64 KiB.
    const filler = path.join(dir, 'filler');
    const free = () => {
      const s = fs.statfsSync(dir);
      return s.bavail * s.bsize;
    };
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 64 * 1024)));

    // 3. An operator uploads a photo: refused with a code that says what is wrong, not "internal error".
    const photo = await noisyPhoto();
    const refused = await upload(controller.url, api.token, 'pantai', photo);
    expect(refused.status, JSON.stringify(refused.body)).toBe(507);
    expect(refused.body.error?.code).toBe('BARUGA_ERR_STORAGE_FULL');

    // 4. Nothing stored is damaged: the same blobs, each still its own bytes, nothing half-written left behind,
    //    the database intact; the controller still serves the content and the published manifest.
    const after = checkDataFolder(dataDir);
    expect(after).toMatchObject({ integrity: 'ok', foreignKeyProblems: 0, damagedBlobs: [], rowsWithoutFile: [] });
    expect(after.leftInTmp).toEqual([]);
    expect(after.blobCount).toBe(before.blobCount);
    expect(Buffer.from(await (await fetch(`${controller.url}/content/${blue}`)).arrayBuffer())).toEqual(served);
    expect(((await api.call('GET', `/api/screens/${SCREEN.id}/manifest`)).body as { version: number }).version).toBe(
      version,
    );
    expect((await api.call('GET', '/api/health')).status).toBe(200);

    // 5. Room again: the same upload goes through.
    fs.rmSync(filler);
    const accepted = await upload(controller.url, api.token, 'pantai', photo);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(checkDataFolder(dataDir)).toMatchObject({ integrity: 'ok', damagedBlobs: [], rowsWithoutFile: [] });
  });
});
