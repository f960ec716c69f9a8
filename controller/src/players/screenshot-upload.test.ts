import { makePhoto, pngClaimingSize } from '@baruga/content/fixtures';
import { type CommandView, type EnrollResponse, ErrorCode } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

describe('a screenshot upload goes through the checks of a content upload', () => {
  let t: Started;
  let png: Buffer;
  beforeAll(async () => {
    t = await startTestController();
    png = await makePhoto({ width: 640, height: 360, format: 'png' });
    // An enrolled player drives the screen: screenshots are asked of enrolled players only.
    await inject('POST', '/api/screens', { id: 'kiosk-1', name: 'Kiosk', width: 640, height: 360 });
    const enrolled = (await inject('POST', '/api/players/enroll', { host: 'chromium' }, {})).json<EnrollResponse>();
    const paired = await inject('POST', '/api/players/pair', {
      code: enrolled.pairingCode,
      name: 'PC kiosk',
      screens: ['kiosk-1'],
    });
    expect(paired.statusCode, paired.body).toBe(200);
  });
  afterAll(async () => {
    await t.controller.close();
  });

  function inject(method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = t.auth) {
    return t.controller.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  }
  const put = (id: string, body: Buffer) =>
    t.controller.app.inject({
      method: 'PUT',
      url: `/api/commands/${id}/screenshot`,
      headers: { 'content-type': 'image/png' },
      payload: body,
    });
  const blobs = () => t.controller.db.prepare('SELECT sha256 FROM blobs ORDER BY sha256').all();

  it('refuses a truncated PNG and a 60000×60000 bomb, keeps the command open, and stores nothing', async () => {
    const issued = await inject('POST', '/api/screens/kiosk-1/commands', { name: 'screenshot' });
    expect(issued.statusCode, issued.body).toBe(202);
    const { id } = issued.json<CommandView>();
    const before = blobs();

    // 1. The first 100 bytes of a real PNG: the header is fine, the pixels are missing.
    const cut = await put(id, png.subarray(0, 100));
    expect([cut.statusCode, cut.json().error.code]).toEqual([422, ErrorCode.corruptFile]);

    // 2. A header claiming 3.6 gigapixels: refused before a pixel is decoded, as POST /api/content does.
    const bomb = await put(id, pngClaimingSize(60_000, 60_000));
    expect([bomb.statusCode, bomb.json().error.code]).toEqual([422, ErrorCode.pixelLimit]);

    expect(blobs()).toEqual(before);
    expect((await inject('GET', `/api/commands/${id}`)).json<CommandView>()).toMatchObject({
      state: 'pending',
      screenshot: null,
    });

    // 3. The real screenshot still goes in afterwards, and the console can fetch it.
    const good = await put(id, png);
    expect(good.statusCode, good.body).toBe(201);
    const served = await t.controller.app.inject({ method: 'GET', url: good.json<{ url: string }>().url });
    expect(served.rawPayload.equals(png)).toBe(true);
  });
});
