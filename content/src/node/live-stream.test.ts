import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ErrorCode } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHlsStream } from './fixtures';
import { checkLiveStream } from './live-stream';

let dir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-live-'));
  makeHlsStream(path.join(dir, 'live'), { live: true });
  makeHlsStream(path.join(dir, 'vod'), { live: false });
  // A small origin like a camera's: playlists and segments, a web page, a slow path, a video and a redirect.
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/slow.m3u8') return void setTimeout(() => res.end('#EXTM3U\n'), 3000);
    if (url === '/page.m3u8') return void res.setHeader('content-type', 'text/html').end('<!doctype html><p>Login</p>');
    if (url === '/huge.m3u8') return void res.end(Buffer.alloc(2 * 1024 * 1024, 0x41));
    if (url === '/moved.m3u8') return void res.writeHead(302, { location: '/live/master.m3u8' }).end();
    const file = path.join(dir, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      return void res.writeHead(404).end('not found');
    }
    res.setHeader('content-type', 'application/vnd.apple.mpegurl');
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('checkLiveStream', () => {
  it('accepts a live master playlist whose first variant answers', async () => {
    expect(await checkLiveStream(`${base}/live/master.m3u8`)).toEqual({
      ok: true,
      value: { finalUrl: `${base}/live/master.m3u8`, playlist: 'master', live: true, variants: 1 },
    });
  });

  it('follows redirects, and tells a finished (VOD) media playlist from a live one', async () => {
    expect(await checkLiveStream(`${base}/moved.m3u8`)).toMatchObject({
      ok: true,
      value: { finalUrl: `${base}/live/master.m3u8`, live: true },
    });
    expect(await checkLiveStream(`${base}/vod/media.m3u8`)).toMatchObject({
      ok: true,
      value: { playlist: 'media', live: false },
    });
  });

  it.each([
    ['a 404', '/missing.m3u8', ErrorCode.streamUnreachable, /answered 404/],
    ['a web page (a login wall)', '/page.m3u8', ErrorCode.notAPlaylist, /#EXTM3U/],
    ['two megabytes of something else', '/huge.m3u8', ErrorCode.notAPlaylist, /larger than/],
  ])('refuses %s', async (_what, url, code, message) => {
    const result = await checkLiveStream(`${base}${url}`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it('refuses a closed port and an origin that does not answer in time', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await checkLiveStream(`http://127.0.0.1:${port}/live.m3u8`);
    expect(!refused.ok && refused.error.code).toBe(ErrorCode.streamUnreachable);

    const slow = await checkLiveStream(`${base}/slow.m3u8`, { timeoutMs: 300 });
    expect(!slow.ok && slow.error).toMatchObject({ code: ErrorCode.streamUnreachable });
    expect(!slow.ok && slow.error.message).toMatch(/no answer within 0.3 s/);
  });
});
