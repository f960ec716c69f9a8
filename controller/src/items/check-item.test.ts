import { ErrorCode } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

const PNG = 'a'.repeat(64);
const MP4 = 'b'.repeat(64);
const SEGMENT = 'c'.repeat(64);

describe('an item names an asset of the kind its type plays', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startTestController();
    // The store's rows as an upload leaves them: a picture, a cleaned video, one HLS segment.
    t.controller.repos.blobs.add({ sha256: PNG, size: 10, mime: 'image/png' });
    t.controller.repos.blobs.add({ sha256: MP4, size: 10, mime: 'video/mp4' });
    t.controller.repos.blobs.add({ sha256: SEGMENT, size: 10, mime: 'video/mp2t' });
    const screen = { id: 'lounge-4', name: 'Lounge 4', width: 640, height: 360 };
    expect((await inject('POST', '/api/screens', screen)).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.controller.close();
  });

  function inject(method: 'POST' | 'PUT', url: string, payload?: object) {
    return t.controller.app.inject({ method, url, headers: t.auth, ...(payload ? { payload } : {}) });
  }
  const rows = () => t.controller.db.prepare('SELECT * FROM items ORDER BY rowid').all();

  it.each([
    ['a video item naming a picture', { type: 'video', props: { asset: PNG } }],
    ['an image item naming a video', { type: 'image', props: { asset: MP4 } }],
    ['a video whose poster is a video', { type: 'video', props: { asset: MP4, poster: MP4 } }],
    ['a video naming one HLS segment', { type: 'video', props: { asset: SEGMENT } }],
  ])('refuses %s in a loop, a playlist and a layout zone, and changes nothing', async (_what, item) => {
    const before = rows();
    const writes = [
      inject('POST', '/api/screens/lounge-4/items', item),
      inject('POST', '/api/playlists', { id: 'daftar', name: 'Daftar', items: [item] }),
      inject('POST', '/api/layouts', {
        id: 'tata',
        name: 'Tata',
        width: 640,
        height: 360,
        zones: [{ id: 'utama', x: 0, y: 0, width: 640, height: 360, items: [item] }],
      }),
    ];
    for (const response of await Promise.all(writes)) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe(ErrorCode.assetKindMismatch);
    }
    expect(rows()).toEqual(before);
    // The screen still publishes: nothing that would fail it later got in.
    expect((await inject('POST', '/api/screens/lounge-4/publish')).statusCode).toBe(200);
  });

  it('takes a video with a picture as its poster, and a picture as an image', async () => {
    const video = await inject('POST', '/api/screens/lounge-4/items', {
      type: 'video',
      props: { asset: MP4, poster: PNG },
    });
    expect(video.statusCode, video.body).toBe(201);
    const image = await inject('POST', '/api/screens/lounge-4/items', { type: 'image', props: { asset: PNG } });
    expect(image.statusCode, image.body).toBe(201);
  });
});
