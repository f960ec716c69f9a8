import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePhoto } from '@baruga/content/fixtures';
import { type UploadResult, topics } from '@baruga/protocol';
import Database from 'better-sqlite3';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../testing/multipart';
import { startTestController } from '../testing/test-controller';
import { backupDataDir } from './backup';
import { blobPath } from './backup-files';
import { restoreBackup } from './restore';

type Started = Awaited<ReturnType<typeof startTestController>>;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-backup-'));

describe('backup of a running controller, and restore onto a fresh data folder', () => {
  let t: Started;
  let photo: UploadResult['item'];
  beforeAll(async () => {
    t = await startTestController();
    for (const id of ['lobi-1', 'lobi-2']) {
      await inject('POST', '/api/screens', { id, name: id, width: 640, height: 360 });
    }
    const body = multipartBody({ fileName: 'pantai.jpg', data: await makePhoto({ width: 800, height: 600 }) });
    const uploaded = await t.controller.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: { ...t.auth, ...body.headers },
      payload: body.payload,
    });
    photo = uploaded.json<UploadResult>().item;
    await inject('POST', '/api/screens/lobi-1/items', { type: 'image', props: { asset: photo.asset } });
    await inject('POST', '/api/screens/lobi-2/items', { type: 'text', props: { body: 'Selamat datang' } });
    for (const id of ['lobi-1', 'lobi-2'])
      expect((await inject('POST', `/api/screens/${id}/publish`)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.controller.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  function inject(method: 'GET' | 'POST', url: string, payload?: object) {
    return t.controller.app.inject({ method, url, headers: t.auth, ...(payload ? { payload } : {}) });
  }

  it('copies a consistent instant while writes go on, and a restored controller serves the same manifests', async () => {
    // 1. Writes keep coming while the backup runs: announcements published to lobi-2 again and again.
    let writing = true;
    let published = 0;
    const writes = (async () => {
      for (let i = 0; writing; i++) {
        await inject('POST', '/api/screens/lobi-2/items', { type: 'text', props: { body: `Pengumuman ${i}` } });
        if ((await inject('POST', '/api/screens/lobi-2/publish')).statusCode === 200) published++;
      }
    })();
    const report = await backupDataDir(t.dataDir, path.join(scratch, 'cadangan-1'));
    const duringBackup = published;
    writing = false;
    await writes;
    expect(duringBackup).toBeGreaterThan(0);
    expect(report.manifest).toMatchObject({ format: 'baruga-backup', keys: ['manifest-ed25519.pem'] });
    expect(fs.statSync(path.join(report.dir, 'keys', 'manifest-ed25519.pem')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(scratch).filter((n) => n.includes('partial'))).toEqual([]);

    // 2. Restored into a fresh folder, a controller starts on it and serves, for every screen, the manifest
    //    the backup's own database holds, byte for byte, and every blob the manifests name.
    const restoredDir = path.join(scratch, 'pulih');
    await restoreBackup(report.dir, restoredDir);
    const restored = await startTestController({ BARUGA_DATA: restoredDir });
    try {
      for (const id of ['lobi-1', 'lobi-2']) {
        const backedUp = storedManifest(report.dir, id);
        const served = await restored.controller.app.inject({
          method: 'GET',
          url: `/api/screens/${id}/manifest`,
          headers: restored.auth,
        });
        expect(served.json()).toEqual(backedUp.body);
        // What players receive: the same signed bytes, under the same key.
        expect(await retained(restored.controller.mqttPort ?? 0, topics.manifest(id))).toBe(backedUp.signed);
      }
      const image = await restored.controller.app.inject({ method: 'GET', url: `/content/${photo.thumbnail}` });
      expect(image.statusCode).toBe(200);
      expect(image.rawPayload.equals(fs.readFileSync(blobPath(t.dataDir, photo.thumbnail ?? '')))).toBe(true);
    } finally {
      await restored.controller.close();
    }
  });

  it('refuses to restore a damaged blob, a changed database or onto a data folder in use, and puts nothing in place', async () => {
    const report = await backupDataDir(t.dataDir, path.join(scratch, 'cadangan-2'));
    // Over an existing database: refused.
    await expect(restoreBackup(report.dir, t.dataDir)).rejects.toMatchObject({ code: 'BARUGA_ERR_RESTORE' });

    // One byte of one blob changed: refused, naming it, and the target folder holds no database.
    const damaged = path.join(scratch, 'cadangan-rusak');
    fs.cpSync(report.dir, damaged, { recursive: true });
    const blob = blobPath(damaged, photo.thumbnail ?? '');
    const bytes = fs.readFileSync(blob);
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 0xff;
    fs.writeFileSync(blob, bytes);
    const target = path.join(scratch, 'pulih-rusak');
    await expect(restoreBackup(damaged, target)).rejects.toThrow(/damaged/);
    expect(fs.existsSync(path.join(target, 'baruga.sqlite'))).toBe(false);

    // The database changed after the backup was written: refused by its hash.
    const edited = path.join(scratch, 'cadangan-ubah');
    fs.cpSync(report.dir, edited, { recursive: true });
    fs.appendFileSync(path.join(edited, 'baruga.sqlite'), Buffer.alloc(16));
    await expect(restoreBackup(edited, path.join(scratch, 'pulih-ubah'))).rejects.toThrow(/damaged/);
  });
});

/** The newest manifest a database holds for a screen: its body, and the signed bytes published. */
function storedManifest(dataDir: string, screenId: string): { body: unknown; signed: string } {
  const db = new Database(path.join(dataDir, 'baruga.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare<[string], { body: string; signed: string }>(
        'SELECT body, signed FROM manifests WHERE screen_id = ? ORDER BY version DESC LIMIT 1',
      )
      .get(screenId);
    if (!row) throw new Error(`no manifest for ${screenId}`);
    return { body: JSON.parse(row.body), signed: row.signed };
  } finally {
    db.close();
  }
}

/** The retained message on a topic, as a player connecting now receives it. */
async function retained(port: number, topic: string): Promise<string> {
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { protocolVersion: 4, reconnectPeriod: 0 });
  try {
    const message = new Promise<string>((resolve) =>
      client.once('message', (_t, payload) => resolve(payload.toString())),
    );
    await client.subscribeAsync(topic, { qos: 1 });
    return await message;
  } finally {
    await client.endAsync(true);
  }
}
