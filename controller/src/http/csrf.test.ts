import { makePhoto } from '@baruga/content/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../testing/multipart';
import { TEST_PASSWORD, startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;
let t: Started;
/** The console's session, as the browser holds it: the cookie (HttpOnly) and the CSRF token it read. */
let cookie: { baruga_session: string };
let csrfToken: string;
let playerId: string;
const HOST = 'baruga.lan:8080';
const SAME = { host: HOST, origin: `http://${HOST}` };
const EVIL = { host: HOST, origin: 'http://evil.example' };

beforeAll(async () => {
  t = await startTestController();
  const { app } = t.controller;
  await app.inject({
    method: 'POST',
    url: '/api/screens',
    headers: t.auth,
    payload: { id: 'lounge-1', name: 'Lounge', width: 640, height: 360 },
  });
  await app.inject({
    method: 'POST',
    url: '/api/screens/lounge-1/items',
    headers: t.auth,
    payload: { type: 'text', props: { body: 'Halo' } },
  });
  await app.inject({ method: 'POST', url: '/api/screens/lounge-1/publish', headers: t.auth });
  const enrolled = (
    await app.inject({ method: 'POST', url: '/api/players/enroll', payload: { host: 'browser' } })
  ).json();
  playerId = enrolled.playerId;
  await app.inject({
    method: 'POST',
    url: '/api/players/pair',
    headers: t.auth,
    payload: { code: enrolled.pairingCode, name: 'Kiosk', screens: ['lounge-1'] },
  });
  const signedIn = await app.inject({
    method: 'POST',
    url: '/api/session',
    headers: SAME,
    payload: { username: 'admin', password: TEST_PASSWORD },
  });
  const session = signedIn.cookies.find((c) => c.name === 'baruga_session');
  if (!session) throw new Error('no session cookie');
  cookie = { baruga_session: session.value };
  csrfToken = signedIn.json().csrfToken;
});
afterAll(async () => {
  await t.controller.close();
});

const state = () => ({
  version: t.controller.repos.manifests.latestVersion('lounge-1'),
  player: t.controller.repos.players.get(playerId)?.state,
  library: t.controller.db.prepare('SELECT count(*) AS n FROM library_items').get(),
});

describe('CSRF: a state-changing request made with the session cookie', () => {
  it('is refused from another site, body-less and multipart alike, and changes nothing (the finding)', async () => {
    const { app } = t.controller;
    const before = state();
    const photo = multipartBody({
      fileName: 'foto.jpg',
      mime: 'image/jpeg',
      data: await makePhoto({ width: 64, height: 48 }),
    });
    const attempts = [
      app.inject({ method: 'POST', url: '/api/screens/lounge-1/publish', cookies: cookie, headers: EVIL }),
      app.inject({ method: 'POST', url: `/api/players/${playerId}/revoke`, cookies: cookie, headers: EVIL }),
      app.inject({ method: 'POST', url: '/api/content/gc', cookies: cookie, headers: EVIL }),
      app.inject({
        method: 'POST',
        url: '/api/content',
        cookies: cookie,
        headers: { ...EVIL, ...photo.headers },
        payload: photo.payload,
      }),
      // Even with the token (leaked somehow), another origin is refused.
      app.inject({
        method: 'POST',
        url: '/api/screens/lounge-1/publish',
        cookies: cookie,
        headers: { ...EVIL, 'x-csrf-token': csrfToken },
      }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toMatchObject({ code: 'BARUGA_ERR_CSRF' });
      expect(response.json().error.message).toContain('http://evil.example');
    }
    expect(state()).toEqual(before);
  });

  it('needs the session’s token even from its own origin, or without an Origin at all', async () => {
    const { app } = t.controller;
    const before = state();
    for (const headers of [SAME, { host: HOST }, { ...SAME, 'x-csrf-token': 'x'.repeat(csrfToken.length) }]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/screens/lounge-1/publish',
        cookies: cookie,
        headers,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('BARUGA_ERR_CSRF');
    }
    expect(state()).toEqual(before);
  });

  it('goes through from the console: its origin, and the token GET /api/session answers', async () => {
    const { app } = t.controller;
    const session = await app.inject({ method: 'GET', url: '/api/session', cookies: cookie, headers: { host: HOST } });
    expect(session.json()).toMatchObject({ username: 'admin', role: 'admin', via: 'session', csrfToken });
    const published = await app.inject({
      method: 'POST',
      url: '/api/screens/lounge-1/publish',
      cookies: cookie,
      headers: { ...SAME, 'x-csrf-token': session.json().csrfToken },
    });
    expect(published.statusCode).toBe(200);
  });

  it('does not apply to scripts with Authorization: Bearer, which no browser sends on its own', async () => {
    const published = await t.controller.app.inject({
      method: 'POST',
      url: '/api/screens/lounge-1/publish',
      headers: { ...t.auth, ...EVIL },
    });
    expect(published.statusCode).toBe(200);
  });

  it('sign-in from another site is refused too, so no page signs a browser in as its own user', async () => {
    const response = await t.controller.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: EVIL,
      payload: { username: 'admin', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.cookies).toEqual([]);
  });

  it('trusts an origin named in BARUGA_TRUSTED_ORIGINS (a proxy that rewrites Host)', async () => {
    const proxied = await startTestController({ BARUGA_TRUSTED_ORIGINS: 'https://baruga.example' });
    try {
      const signedIn = await proxied.controller.app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { host: '127.0.0.1:8080', origin: 'https://baruga.example' },
        payload: { username: 'admin', password: TEST_PASSWORD },
      });
      expect(signedIn.statusCode).toBe(200);
    } finally {
      await proxied.controller.close();
    }
  });
});
