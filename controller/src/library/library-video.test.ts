import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { containerTags, makeClip, makeHlsStream, truncated } from '@baruga/content/fixtures';
import { ErrorCode, type LibraryItem, type UploadResult } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningController } from '../controller';
import { multipartBody, storeSnapshot } from '../testing/multipart';
import { startTestController } from '../testing/test-controller';

let controller: RunningController;
let dataDir: string;
let auth: Record<string, string>;
let clips: string;
let origin: http.Server;
let originUrl: string;

beforeAll(async () => {
  // Videos of 100 kB and more are also cut into HLS segments here (64 MB by default).
  ({ controller, dataDir, auth } = await startTestController({ BARUGA_HLS_MIN_MB: '0.1' }));
  clips = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-clips-'));
  makeHlsStream(path.join(clips, 'live'), { live: true });
  origin = http.createServer((req, res) => {
    const file = path.join(clips, path.normalize(req.url ?? '/'));
    if (req.url === '/login') return void res.end('<!doctype html><form>Masuk</form>');
    if (!file.startsWith(clips) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      return void res.writeHead(404).end();
    }
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  await controller.app.inject({
    method: 'POST',
    url: '/api/screens',
    headers: auth,
    payload: { id: 'lounge-1', name: 'Lounge', width: 1920, height: 1080 },
  });
});
afterAll(async () => {
  await controller.close();
  origin.closeAllConnections();
  await new Promise((resolve) => origin.close(resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(clips, { recursive: true, force: true });
});

function upload(fileName: string, data: Buffer, mime = 'video/mp4') {
  const body = multipartBody({ fileName, data, mime });
  return controller.app.inject({
    method: 'POST',
    url: '/api/content',
    headers: { ...auth, ...body.headers },
    payload: body.payload,
  });
}

const get = (url: string) => controller.app.inject({ url, headers: auth });

describe('video files', () => {
  it('a short clip is served as a clean MP4 with a poster, its GPS location gone', async () => {
    const clip = fs.readFileSync(makeClip(clips, 'pendek.mp4', { seconds: 1, gps: true, audio: 'none' }));
    expect(clip.length).toBeLessThan(100 * 1024);
    const response = await upload('Pendek.mp4', clip);
    expect(response.statusCode).toBe(201);
    const { item } = response.json<UploadResult>();
    expect(item).toMatchObject({ kind: 'video', mime: 'video/mp4', width: 320, height: 240, delivery: 'file' });
    expect(item.durationMs).toBeGreaterThanOrEqual(900);

    const file = await get(`/content/${item.asset}`);
    expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'video/mp4']);
    const served = path.join(clips, 'served.mp4');
    fs.writeFileSync(served, file.rawPayload);
    expect(containerTags(served).location).toBeUndefined();
    // Range requests work, as the video element makes them.
    const range = await controller.app.inject({ url: `/content/${item.asset}`, headers: { range: 'bytes=0-99' } });
    expect([range.statusCode, range.rawPayload.length]).toEqual([206, 100]);
    expect((await get(`/content/${item.poster}`)).headers['content-type']).toBe('image/jpeg');
  });

  it('a large clip reaches players as HLS: playlist and every segment in the manifest, by content address', async () => {
    const clip = fs.readFileSync(makeClip(clips, 'panjang.mp4', { seconds: 14 }));
    expect(clip.length).toBeGreaterThan(100 * 1024);
    const { item } = (await upload('Panjang.mp4', clip)).json<UploadResult>();
    expect(item.delivery).toBe('hls');

    const added = await controller.app.inject({
      method: 'POST',
      url: '/api/screens/lounge-1/items',
      headers: auth,
      payload: { type: 'video', durationMs: 14_000, props: { asset: item.asset, poster: item.poster } },
    });
    expect(added.statusCode).toBe(201);
    const published = await controller.app.inject({
      method: 'POST',
      url: '/api/screens/lounge-1/publish',
      headers: auth,
    });
    expect(published.json()).toMatchObject({ screenId: 'lounge-1' });
    const manifest = (await get('/api/screens/lounge-1/manifest')).json<{
      loop: { props: Record<string, unknown> }[];
      assets: { sha256: string; mime: string }[];
    }>();
    const props = manifest.loop[0]!.props;
    expect(props.delivery).toBe('hls');
    const playlist = await get(`/content/${props.asset as string}`);
    expect(playlist.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    const segments = playlist.body.split('\n').filter((l) => l.startsWith('/content/'));
    expect(segments.length).toBeGreaterThanOrEqual(2);
    const listed = new Set(manifest.assets.map((a) => a.sha256));
    for (const s of segments) expect(listed.has(s.slice('/content/'.length))).toBe(true);
    // The poster went out as a 1920×1080 rendition, and the MP4 itself not at all (no double download).
    expect(props.poster).not.toBe(item.poster);
    expect(listed.has(item.asset!)).toBe(false);
  });

  it('refuses HEVC and a truncated file, leaving nothing behind', async () => {
    const hevc = fs.readFileSync(makeClip(clips, 'iphone.mov', { codec: 'hevc', seconds: 1 }));
    const cut = truncated(fs.readFileSync(makeClip(clips, 'putus.mp4', { seconds: 2 })));
    for (const [name, data, status, code] of [
      ['iphone.mov', hevc, 415, ErrorCode.unsupportedCodec],
      ['putus.mp4', cut, 422, ErrorCode.corruptFile],
    ] as const) {
      const before = storeSnapshot(controller.db, dataDir);
      const response = await upload(name, data);
      expect([response.statusCode, response.json<{ error: { code: string } }>().error.code]).toEqual([status, code]);
      expect(storeSnapshot(controller.db, dataDir)).toEqual(before);
    }
    const hevcMessage = (await upload('iphone.mov', hevc)).json<{ error: { message: string } }>().error.message;
    expect(hevcMessage).toMatch(/HEVC.*ffmpeg -i input -c:v libx264/);
  });
});

describe('live streams', () => {
  it('adds a reachable live playlist once, and refuses a login page or a dead URL', async () => {
    const url = `${originUrl}/live/master.m3u8`;
    const created = await controller.app.inject({
      method: 'POST',
      url: '/api/content/streams',
      headers: auth,
      payload: { name: 'CCTV Simpang Empat', url, tags: ['cctv'] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<UploadResult>().item).toMatchObject({ kind: 'stream', url, asset: null, tags: ['cctv'] });
    const again = await controller.app.inject({
      method: 'POST',
      url: '/api/content/streams',
      headers: auth,
      payload: { name: 'lagi', url },
    });
    expect([again.statusCode, again.json<UploadResult>().deduplicated]).toEqual([200, true]);

    for (const [bad, code] of [
      [`${originUrl}/login`, ErrorCode.notAPlaylist],
      [`${originUrl}/hilang.m3u8`, ErrorCode.streamUnreachable],
      ['javascript:alert(1)', ErrorCode.validation],
    ] as const) {
      const before = storeSnapshot(controller.db, dataDir);
      const refused = await controller.app.inject({
        method: 'POST',
        url: '/api/content/streams',
        headers: auth,
        payload: { name: 'x', url: bad },
      });
      expect(refused.json<{ error: { code: string } }>().error.code).toBe(code);
      expect(storeSnapshot(controller.db, dataDir)).toEqual(before);
    }
  });

  it('counts a stream as used by the items that play it', async () => {
    const url = `${originUrl}/live/master.m3u8`;
    await controller.app.inject({
      method: 'POST',
      url: '/api/screens/lounge-1/items',
      headers: auth,
      payload: { type: 'hls', props: { url } },
    });
    const list = (await get('/api/content?kind=stream')).json<{ items: LibraryItem[] }>();
    expect(list.items[0]?.usage).toMatchObject({ inUse: true, items: 1, screens: ['lounge-1'] });
  });
});
