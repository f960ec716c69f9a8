import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

describe('the first API slice', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startTestController();
  });
  afterAll(async () => {
    await t.controller.close();
  });

  const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, headers = t.auth) =>
    t.controller.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  /** Every row the API could have touched: a rejected request must leave all of it as it was. */
  const snapshot = () =>
    ['screens', 'items', 'manifests', 'blobs'].map((table) =>
      t.controller.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    );

  it('answers health without a session, and nothing else', async () => {
    const health = await inject('GET', '/api/health', undefined, {} as typeof t.auth);
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', version: expect.any(String), uptimeS: expect.any(Number) });
    const screens = await inject('GET', '/api/screens', undefined, {} as typeof t.auth);
    expect(screens.statusCode).toBe(401);
    expect(screens.json().error.code).toBe('BARUGA_ERR_UNAUTHORIZED');
  });

  it('refuses a wrong password with a stable code', async () => {
    const response = await inject(
      'POST',
      '/api/session',
      { username: 'admin', password: 'salah' },
      {} as typeof t.auth,
    );
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('BARUGA_ERR_BAD_CREDENTIALS');
  });

  it('creates a screen, adds an announcement and publishes monotonic versions', async () => {
    const created = await inject('POST', '/api/screens', {
      id: 'kiosk-bappeda',
      name: 'Kiosk Bappeda',
      width: 1080,
      height: 1920,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      timezone: 'Asia/Makassar',
      locale: 'id-ID',
      public: false,
      connected: false,
    });

    const item = await inject('POST', '/api/screens/kiosk-bappeda/items', { type: 'text', props: { body: 'Halo' } });
    expect(item.statusCode).toBe(201);
    expect(item.json()).toMatchObject({ durationMs: 10_000, typeVersion: 1, props: { body: 'Halo', tone: 'info' } });

    const first = await inject('POST', '/api/screens/kiosk-bappeda/publish');
    const second = await inject('POST', '/api/screens/kiosk-bappeda/publish');
    expect(first.statusCode, first.body).toBe(200);
    expect([first.json().version, second.json().version]).toEqual([1, 2]);
    const manifest = (await inject('GET', '/api/screens/kiosk-bappeda/manifest')).json();
    expect(manifest).toMatchObject({
      version: 2,
      screen: { width: 1080, height: 1920 },
      loop: [{ props: { body: 'Halo' } }],
    });
  });

  it.each([
    [
      'an unknown screen',
      'POST',
      '/api/screens/tidak-ada/items',
      { type: 'text', props: { body: 'x' } },
      404,
      'BARUGA_ERR_SCREEN_NOT_FOUND',
    ],
    [
      'publishing an unknown screen',
      'POST',
      '/api/screens/tidak-ada/publish',
      undefined,
      404,
      'BARUGA_ERR_SCREEN_NOT_FOUND',
    ],
    [
      'a malformed body',
      'POST',
      '/api/screens/kiosk-bappeda/items',
      '{"type": "text", "props": {',
      400,
      'BARUGA_ERR_MALFORMED_JSON',
    ],
    [
      'an oversized announcement',
      'POST',
      '/api/screens/kiosk-bappeda/items',
      { type: 'text', props: { body: 'x'.repeat(1001) } },
      400,
      'BARUGA_ERR_INVALID_PROPS',
    ],
    [
      'a body over the size limit',
      'POST',
      '/api/screens/kiosk-bappeda/items',
      { type: 'text', props: { body: 'x'.repeat(300_000) } },
      413,
      'BARUGA_ERR_PAYLOAD_TOO_LARGE',
    ],
    [
      'an unknown content type',
      'POST',
      '/api/screens/kiosk-bappeda/items',
      { type: 'hologram', props: {} },
      400,
      'BARUGA_ERR_UNKNOWN_CONTENT_TYPE',
    ],
    [
      'an image that is not in the store',
      'POST',
      '/api/screens/kiosk-bappeda/items',
      { type: 'image', props: { asset: 'a'.repeat(64) } },
      400,
      'BARUGA_ERR_ASSET_NOT_FOUND',
    ],
    [
      'a duration under the type minimum',
      'POST',
      '/api/screens/kiosk-bappeda/items',
      { type: 'text', durationMs: 1000, props: { body: 'x' } },
      400,
      'BARUGA_ERR_VALIDATION',
    ],
    [
      'an unknown timezone',
      'POST',
      '/api/screens',
      { id: 'layar-baru', name: 'Baru', width: 100, height: 100, timezone: 'Asia/Kendari' },
      400,
      // The same code as an event's unknown zone: every route keeps the code its schema attaches.
      'BARUGA_ERR_UNKNOWN_TIMEZONE',
    ],
    [
      'a screen id with a topic wildcard',
      'POST',
      '/api/screens',
      { id: 'a/#', name: 'x', width: 100, height: 100 },
      400,
      'BARUGA_ERR_VALIDATION',
    ],
    [
      'a duplicate screen',
      'POST',
      '/api/screens',
      { id: 'kiosk-bappeda', name: 'x', width: 100, height: 100 },
      409,
      'BARUGA_ERR_SCREEN_EXISTS',
    ],
    [
      'removing an unknown item',
      'DELETE',
      '/api/screens/kiosk-bappeda/items/nope',
      undefined,
      404,
      'BARUGA_ERR_ITEM_NOT_FOUND',
    ],
  ] as const)(
    'refuses %s with a stable code and changes nothing',
    async (_what, method, url, payload, status, code) => {
      const before = snapshot();
      const response =
        typeof payload === 'string'
          ? await t.controller.app.inject({
              method,
              url,
              payload,
              headers: { ...t.auth, 'content-type': 'application/json' },
            })
          : await inject(method, url, payload);
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.message).toEqual(expect.any(String));
      expect(snapshot()).toEqual(before);
    },
  );
});
