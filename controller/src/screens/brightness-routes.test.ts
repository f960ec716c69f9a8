import { parseManifest } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

/** The videotron's night dimming: set through the API, carried in the signed manifest, refused when malformed. */
describe('brightness schedule API', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startTestController();
    await inject('POST', '/api/screens', {
      id: 'videotron',
      name: 'Videotron',
      width: 1920,
      height: 640,
      // Not public: a public screen publishes only approved content (approvals.test.ts), which is not this test's.
      public: false,
    });
    await inject('POST', '/api/screens/videotron/items', { type: 'text', props: { body: 'Kota Kendari' } });
  });
  afterAll(async () => {
    await t.controller.close();
  });
  const inject = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    t.controller.app.inject({
      method,
      url,
      headers: t.auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  const night = {
    percent: 100,
    rules: [
      { windows: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], start: '18:00', end: '06:00' }], percent: 40 },
    ],
  };

  it('starts at full brightness, takes a night rule and publishes it in the manifest', async () => {
    expect((await inject('GET', '/api/screens/videotron/brightness')).json()).toEqual({ percent: 100, rules: [] });
    const set = await inject('PUT', '/api/screens/videotron/brightness', night);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual(night);
    const manifest = parseManifest((await inject('GET', '/api/screens/videotron/manifest')).json());
    expect(manifest.ok && manifest.value.brightness).toEqual(night);
  });

  it('refuses a window that ends as it starts, a percent over 100 and an unknown screen, changing nothing', async () => {
    const bad = { percent: 100, rules: [{ windows: [{ days: ['MO'], start: '18:00', end: '18:00' }], percent: 40 }] };
    expect((await inject('PUT', '/api/screens/videotron/brightness', bad)).json().error.code).toBe(
      'BARUGA_ERR_INVALID_WINDOW',
    );
    expect((await inject('PUT', '/api/screens/videotron/brightness', { percent: 120 })).statusCode).toBe(400);
    expect((await inject('PUT', '/api/screens/nope/brightness', night)).json().error.code).toBe(
      'BARUGA_ERR_SCREEN_NOT_FOUND',
    );
    expect((await inject('GET', '/api/screens/videotron/brightness')).json()).toEqual(night);
  });
});
