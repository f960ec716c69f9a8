import fs from 'node:fs';
import http from 'node:http';
import { corruptedPng, decompressionBombPng, makePhoto, truncated } from '@baruga/content/fixtures';
import { ErrorCode, type LibraryItem, type Manifest, type UploadProgress, type UploadResult } from '@baruga/protocol';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningController } from '../controller';
import { multipartBody, storeSnapshot } from '../testing/multipart';
import { startTestController } from '../testing/test-controller';

let controller: RunningController;
let dataDir: string;
let auth: Record<string, string>;
let phone: Buffer;

beforeAll(async () => {
  ({ controller, dataDir, auth } = await startTestController({ BARUGA_MAX_UPLOAD_MB: '4' }));
  phone = await makePhoto({ width: 2000, height: 1500, orientation: 6, gps: true });
  for (const [id, width, height] of [
    ['lounge-1', 1920, 1080],
    ['videotron-1', 1920, 640],
    ['kiosk-1', 1080, 1920],
  ] as const) {
    const created = await inject('POST', '/api/screens', { id, name: id, width, height });
    expect(created.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await controller.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function inject(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return controller.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });
}

function upload(fileName: string, data: Buffer, options: { mime?: string; query?: string; field?: string } = {}) {
  const body = multipartBody({ fileName, data, mime: options.mime, field: options.field });
  return controller.app.inject({
    method: 'POST',
    url: `/api/content${options.query ? `?${options.query}` : ''}`,
    headers: { ...auth, ...body.headers },
    payload: body.payload,
  });
}

async function pixel(image: Buffer, x: number, y: number) {
  return [...(await sharp(image).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer())];
}

describe('an operator uploads a phone photo', () => {
  let item: LibraryItem;

  it('gets a library item, renditions for every screen size, and a progress figure at 100 %', async () => {
    // 1. Upload with an id to follow, and a tag.
    const response = await upload('Pantai Nambo.jpg', phone, {
      mime: 'image/jpeg',
      query: 'uploadId=phone-0001&tags=Wisata',
    });
    expect(response.statusCode).toBe(201);
    const result = response.json<UploadResult>();
    item = result.item;
    expect(result.deduplicated).toBe(false);
    expect(item).toMatchObject({ kind: 'image', name: 'Pantai Nambo', tags: ['wisata'], width: 1500, height: 2000 });

    // 2. The progress figure the console polled ends at done.
    const progress = (await inject('GET', '/api/content/uploads/phone-0001')).json<UploadProgress>();
    expect(progress).toMatchObject({ phase: 'done', fraction: 1, itemId: item.id, receivedBytes: phone.length });
    expect(progress.stepsDone).toBe(progress.stepsTotal);
    expect(progress.stepsTotal).toBe(4); // thumbnail + three screen sizes

    // 3. Renditions exist at exactly 1920×1080, 1920×640 and 1080×1920.
    const detail = (await inject('GET', `/api/content/${item.id}`)).json<LibraryItem>();
    expect(detail.renditions?.map((r) => `${r.width}x${r.height}`).sort()).toEqual([
      '1080x1920',
      '1920x1080',
      '1920x640',
    ]);
    expect(detail.usage).toMatchObject({ inUse: false, summary: 'not used' });
  });

  it('never serves the original (GPS inside); the thumbnail is clean', async () => {
    expect((await controller.app.inject({ url: `/content/${item.asset}` })).statusCode).toBe(404);
    const thumb = await controller.app.inject({ url: `/content/${item.thumbnail}` });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['cache-control']).toContain('immutable');
    expect((await sharp(thumb.rawPayload).metadata()).exif).toBeUndefined();
    expect(thumb.rawPayload.toString('latin1')).not.toContain('BarugaTestCam');
  });

  it('reaches the videotron as a 1920×640 rendition, and a contain item on the kiosk gets its own', async () => {
    // 1. The item on the videotron names the original; the manifest names the videotron's rendition.
    const added = await inject('POST', '/api/screens/videotron-1/items', {
      type: 'image',
      props: { asset: item.asset },
    });
    expect(added.statusCode).toBe(201);
    const published = await inject('POST', '/api/screens/videotron-1/publish');
    expect(published.json()).toMatchObject({ screenId: 'videotron-1' });
    const manifest = (await inject('GET', '/api/screens/videotron-1/manifest')).json<Manifest>();
    const delivered = manifest.loop[0]?.props.asset as string;
    expect(delivered).not.toBe(item.asset);
    expect(manifest.assets.map((a) => a.sha256)).toEqual([delivered]);
    const file = await controller.app.inject({ url: `/content/${delivered}` });
    expect(file.statusCode).toBe(200);
    const meta = await sharp(file.rawPayload).metadata();
    expect([meta.width, meta.height, meta.format, meta.exif]).toEqual([1920, 640, 'jpeg', undefined]);

    // 2. "contain" on the portrait kiosk: cut at publish time, with bars in the chosen colour.
    await inject('POST', '/api/screens/kiosk-1/items', {
      type: 'image',
      props: { asset: item.asset, fit: 'contain', background: '#ff0000' },
    });
    expect((await inject('POST', '/api/screens/kiosk-1/publish')).statusCode).toBe(200);
    const kiosk = (await inject('GET', '/api/screens/kiosk-1/manifest')).json<Manifest>();
    const contained = await controller.app.inject({ url: `/content/${kiosk.loop[0]?.props.asset as string}` });
    const image = contained.rawPayload;
    expect((await sharp(image).metadata()).width).toBe(1080);
    // A 1500×2000 picture in 1080×1920: 1080×1440, red bars of 240 px above and below.
    const top = await pixel(image, 540, 100);
    expect(top[0]).toBeGreaterThan(230);
    expect(top[1]).toBeLessThan(30);
  });

  it('comes back as the same item when uploaded again, and cannot be deleted while in use', async () => {
    const again = await upload('copy of photo.jpeg', phone);
    expect(again.statusCode).toBe(200);
    expect(again.json<UploadResult>()).toMatchObject({ deduplicated: true, item: { id: item.id } });

    const refused = await inject('DELETE', `/api/content/${item.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: {
        code: ErrorCode.contentInUse,
        details: { items: 2, screens: ['kiosk-1', 'videotron-1'], publishedOn: ['kiosk-1', 'videotron-1'] },
      },
    });
    expect(refused.json<{ error: { message: string } }>().error.message).toContain(
      'used by 2 items on 2 screens; published on 2 screens',
    );
  });
});

describe('every refused upload leaves the store and the database exactly as before', () => {
  const cases: [
    string,
    () => Promise<{ name: string; data: Buffer; mime?: string; field?: string }>,
    number,
    string,
  ][] = [
    ['a zero-byte file', async () => ({ name: 'kosong.jpg', data: Buffer.alloc(0) }), 400, ErrorCode.emptyFile],
    [
      'a truncated JPEG',
      async () => ({
        name: 'terpotong.jpg',
        data: truncated(await makePhoto({ width: 1600, height: 1200, noise: true })),
      }),
      422,
      ErrorCode.corruptFile,
    ],
    [
      'a PNG with damaged data',
      async () => ({
        name: 'rusak.png',
        data: corruptedPng(await makePhoto({ width: 640, height: 480, format: 'png' })),
      }),
      422,
      ErrorCode.corruptFile,
    ],
    [
      'a decompression bomb',
      async () => ({ name: 'bom.png', data: await decompressionBombPng(16_000, 16_000) }),
      422,
      ErrorCode.pixelLimit,
    ],
    [
      'a PNG named .jpg',
      async () => ({
        name: 'foto.jpg',
        data: await makePhoto({ width: 64, height: 64, format: 'png' }),
        mime: 'image/jpeg',
      }),
      415,
      ErrorCode.fileTypeMismatch,
    ],
    [
      // The name agrees with the bytes; the declared type does not (docs/api.md promises 415).
      'a PNG declared as image/jpeg',
      async () => ({
        name: 'grafik.png',
        data: await makePhoto({ width: 64, height: 64, format: 'png' }),
        mime: 'image/jpeg',
      }),
      415,
      ErrorCode.fileTypeMismatch,
    ],
    [
      'a JPEG declared as SVG, with no extension',
      async () => ({ name: 'gambar', data: await makePhoto({ width: 64, height: 64 }), mime: 'image/svg+xml' }),
      415,
      ErrorCode.fileTypeMismatch,
    ],
    [
      'a JPEG sent as a video',
      async () => ({ name: 'klip', data: await makePhoto({ width: 64, height: 64 }), mime: 'video/mp4' }),
      415,
      ErrorCode.fileTypeMismatch,
    ],
    [
      'a PDF',
      async () => ({ name: 'surat.pdf', data: Buffer.from('%PDF-1.7\n1 0 obj\n') }),
      415,
      ErrorCode.unsupportedFileType,
    ],
    [
      'a web page named .jpg',
      async () => ({ name: 'foto.jpg', data: Buffer.from('<!DOCTYPE html><script>alert(1)</script>') }),
      415,
      ErrorCode.unsupportedFileType,
    ],
    ['a path-traversal name', async () => ({ name: '../../etc/passwd.jpg', data: phone }), 400, ErrorCode.badFileName],
    ['a Windows path name', async () => ({ name: '..\\..\\win.ini.jpg', data: phone }), 400, ErrorCode.badFileName],
    [
      'a name with control characters',
      async () => ({ name: 'foto\u0007\u001b[31m.jpg', data: phone }),
      400,
      ErrorCode.badFileName,
    ],
    [
      'a right-to-left override name',
      async () => ({ name: 'foto\u202Egpj.exe', data: phone }),
      400,
      ErrorCode.badFileName,
    ],
    [
      'a 1,000-character name',
      async () => ({ name: `${'panjang'.repeat(142)}.jpg`, data: phone }),
      400,
      ErrorCode.badFileName,
    ],
    [
      'a form without a "file" field',
      async () => ({ name: 'foto.jpg', data: phone, field: 'photo' }),
      400,
      ErrorCode.uploadMissingFile,
    ],
    [
      'a file over BARUGA_MAX_UPLOAD_MB',
      async () => ({
        name: 'besar.jpg',
        data: Buffer.concat([phone.subarray(0, 4), Buffer.alloc(5 * 1024 * 1024, 7)]),
      }),
      413,
      ErrorCode.payloadTooLarge,
    ],
  ];

  it.each(cases)('%s', async (_what, make, status, code) => {
    const file = await make();
    const before = storeSnapshot(controller.db, dataDir);
    const response = await upload(file.name, file.data, { mime: file.mime, field: file.field });
    expect(response.json<{ error: { code: string } }>().error.code).toBe(code);
    expect(response.statusCode).toBe(status);
    expect(storeSnapshot(controller.db, dataDir)).toEqual(before);
  });

  it('a body that is not multipart, or that breaks off halfway', async () => {
    const before = storeSnapshot(controller.db, dataDir);
    const json = await inject('POST', '/api/content', { file: 'nope' });
    expect([json.statusCode, json.json<{ error: { code: string } }>().error.code]).toEqual([
      415,
      ErrorCode.unsupportedMediaType,
    ]);

    const cut = multipartBody({ fileName: 'foto.jpg', data: phone.subarray(0, 20_000) }, { closed: false });
    const broken = await controller.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: { ...auth, ...cut.headers },
      payload: cut.payload,
    });
    expect(broken.statusCode).toBe(400);
    expect(storeSnapshot(controller.db, dataDir)).toEqual(before);
  });

  it('a file over the limit without a Content-Length is cut off while streaming', async () => {
    const before = storeSnapshot(controller.db, dataDir);
    const body = multipartBody({
      fileName: 'besar.jpg',
      data: Buffer.concat([phone, Buffer.alloc(5 * 1024 * 1024, 1)]),
    });
    const { Readable } = await import('node:stream');
    const response = await controller.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: { ...auth, ...body.headers },
      payload: Readable.from([body.payload.subarray(0, 1_000_000), body.payload.subarray(1_000_000)]),
    });
    expect([response.statusCode, response.json<{ error: { code: string } }>().error.code]).toEqual([
      413,
      ErrorCode.payloadTooLarge,
    ]);
    expect(storeSnapshot(controller.db, dataDir)).toEqual(before);
  });
});

describe('the library', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    for (const [name, tags, colour] of [
      ['Spanduk Lebaran', 'lebaran,dinas-kominfo', 1],
      ['Peta Kendari', 'peta', 2],
      ['Spanduk HUT RI', 'dinas-kominfo', 3],
    ] as const) {
      const data = await makePhoto({ width: 320 + colour, height: 240, format: 'png' });
      const response = await upload(`${name}.png`, data, { query: `tags=${tags}` });
      expect(response.statusCode).toBe(201);
      ids[name] = response.json<UploadResult>().item.id;
    }
  });

  it('lists newest first with filters by kind, tag and name, and pages', async () => {
    const byTag = (await inject('GET', '/api/content?tag=dinas-kominfo')).json<{
      items: LibraryItem[];
      total: number;
    }>();
    expect(byTag.items.map((i) => i.name)).toEqual(['Spanduk HUT RI', 'Spanduk Lebaran']);
    const byName = (await inject('GET', '/api/content?q=spanduk&kind=image')).json<{ total: number }>();
    expect(byName.total).toBe(2);
    expect((await inject('GET', '/api/content?kind=video')).json<{ total: number }>().total).toBe(0);

    const first = (await inject('GET', '/api/content?limit=2')).json<{
      items: LibraryItem[];
      nextOffset: number;
      total: number;
    }>();
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(4);
    const second = (await inject('GET', `/api/content?limit=2&offset=${first.nextOffset}`)).json<{
      items: LibraryItem[];
      nextOffset: number | null;
    }>();
    expect(second.items.map((i) => i.name)).toEqual(['Spanduk Lebaran', 'Pantai Nambo']);
    expect(second.nextOffset).toBeNull();
    expect((await inject('GET', '/api/content?limit=500')).statusCode).toBe(400);

    // Sorted by name, each item with its own tags (read for the whole page at once).
    const byNameAsc = (await inject('GET', '/api/content?q=spanduk&sort=name')).json<{ items: LibraryItem[] }>();
    expect(byNameAsc.items.map((i) => [i.name, i.tags])).toEqual([
      ['Spanduk HUT RI', ['dinas-kominfo']],
      ['Spanduk Lebaran', ['dinas-kominfo', 'lebaran']],
    ]);
    expect((await inject('GET', '/api/content?sort=colour')).statusCode).toBe(400);
  });

  it('renames, retags and counts tags', async () => {
    const renamed = await inject('PATCH', `/api/content/${ids['Peta Kendari']}`, {
      name: 'Peta Kota Kendari',
      tags: ['Peta', 'wisata'],
    });
    expect(renamed.json<LibraryItem>()).toMatchObject({ name: 'Peta Kota Kendari', tags: ['peta', 'wisata'] });
    const tags = (await inject('GET', '/api/content/tags')).json<{ tag: string; count: number }[]>();
    expect(tags).toContainEqual({ tag: 'wisata', count: 2 });
    expect(tags).toContainEqual({ tag: 'dinas-kominfo', count: 2 });
    expect((await inject('PATCH', `/api/content/${ids['Peta Kendari']}`, { name: 'a\u0000b' })).statusCode).toBe(400);
    expect((await inject('PATCH', `/api/content/${ids['Peta Kendari']}`, {})).statusCode).toBe(400);
  });

  it('deletes an unused item; its blobs go at the next garbage collection', async () => {
    const id = ids['Spanduk HUT RI']!;
    expect((await inject('DELETE', `/api/content/${id}`)).statusCode).toBe(204);
    expect((await inject('GET', `/api/content/${id}`)).json()).toMatchObject({
      error: { code: ErrorCode.contentNotFound },
    });
    expect((await inject('DELETE', `/api/content/${id}`)).statusCode).toBe(404);
    expect((await inject('GET', '/api/content/not-a-uuid')).statusCode).toBe(400);
  });

  it('reports an upload still running, and refuses a second upload under the same id', async () => {
    // 1. A real HTTP upload that sends the first 50 kB and then waits, like a slow mobile connection.
    const photo = await makePhoto({ width: 1600, height: 1200, noise: true });
    expect(photo.length).toBeGreaterThan(200_000);
    const body = multipartBody({ fileName: 'lambat.jpg', data: photo });
    const request = http.request(`${controller.url}/api/content?uploadId=slow-upload-1`, {
      method: 'POST',
      headers: { ...auth, ...body.headers, 'content-length': String(body.payload.length) },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      request.on('error', reject);
    });
    request.write(body.payload.subarray(0, 50_000));

    // 2. The console's poll sees it receiving, part of the way through the first half.
    let progress: UploadProgress | null = null;
    for (let i = 0; i < 100 && !(progress && progress.receivedBytes > 0); i++) {
      await new Promise((r) => setTimeout(r, 20));
      const polled = await inject('GET', '/api/content/uploads/slow-upload-1');
      if (polled.statusCode === 200) progress = polled.json<UploadProgress>();
    }
    expect(progress).toMatchObject({ phase: 'receiving', totalBytes: body.payload.length });
    expect(progress?.fraction).toBeGreaterThan(0);
    expect(progress?.fraction).toBeLessThan(0.5);

    // 3. A second upload under the same id is refused while the first runs.
    const second = await upload('lagi.jpg', phone, { query: 'uploadId=slow-upload-1' });
    expect([second.statusCode, second.json<{ error: { code: string } }>().error.code]).toEqual([
      409,
      ErrorCode.uploadInProgress,
    ]);

    // 4. The rest arrives and is processed.
    request.end(body.payload.subarray(50_000));
    expect((await response).status).toBe(201);
    expect((await inject('GET', '/api/content/uploads/slow-upload-1')).json()).toMatchObject({
      phase: 'done',
      fraction: 1,
    });
    expect((await inject('GET', '/api/content/uploads/nope-nope')).statusCode).toBe(404);
  });
});
