import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;
let t: Started;
beforeAll(async () => {
  t = await startTestController();
});
afterAll(async () => {
  await t.controller.close();
});

const signIn = (password: string, remoteAddress = '10.1.1.1', username = 'admin') =>
  t.controller.app.inject({ method: 'POST', url: '/api/session', remoteAddress, payload: { username, password } });

describe('signing in', () => {
  it('throttles wrong passwords: after five, 429 with Retry-After, and the right password waits too (the finding)', async () => {
    // 1. Four wrong passwords are answered as before.
    for (let i = 0; i < 4; i++) expect((await signIn(`salah-${i}`)).statusCode).toBe(401);
    // 2. The fifth locks this name from this address.
    const locked = await signIn('salah-4');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('30');
    expect(locked.json().error).toMatchObject({ code: 'BARUGA_ERR_TOO_MANY_ATTEMPTS', details: { retryAfterS: 30 } });
    // 3. While locked, guessing is pointless: even the right password is refused, and costs no hashing.
    const right = await signIn(TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.cookies).toEqual([]);
    // 4. The admin at another desk signs in.
    expect((await signIn(TEST_PASSWORD, '10.1.1.2')).statusCode).toBe(200);
  });

  it('records refusals and the lock in the audit trail, not every refused guess during it', async () => {
    const entries = t.controller.repos.audit.all().filter((e) => e.action === 'session.sign-in');
    // The test controller's own sign-in first, then the story above.
    expect(entries.map((e) => e.outcome)).toEqual([200, 401, 401, 401, 401, 429, 200]);
    expect(entries[5]?.detail).toMatchObject({ lockedForS: 30 });
  });

  it('answers who is signed in, with the role and the CSRF token; a disabled user is signed out at once', async () => {
    const { app, repos } = t.controller;
    repos.users.create('budi', 'kata-sandi-budi-1', 'editor');
    const signed = await signIn('kata-sandi-budi-1', '10.1.1.3', 'budi');
    expect(signed.json()).toMatchObject({ username: 'budi', role: 'editor', via: 'session' });
    const auth = { authorization: `Bearer ${signed.json().token}` };
    const info = await app.inject({ method: 'GET', url: '/api/session', headers: auth });
    expect(info.json()).toEqual({
      username: 'budi',
      role: 'editor',
      via: 'session',
      expiresAt: signed.json().expiresAt,
      csrfToken: signed.json().csrfToken,
    });
    const budi = repos.users.get('budi');
    if (!budi) throw new Error('budi missing');
    repos.users.update(budi.id, { disabled: true });
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: auth })).statusCode).toBe(401);
    expect((await signIn('kata-sandi-budi-1', '10.1.1.3', 'budi')).statusCode).toBe(401);
  });

  it('changes one’s own password with the current one, and ends every session', async () => {
    const { app, repos } = t.controller;
    repos.users.create('sari', 'kata-sandi-sari-1', 'viewer');
    const first = (await signIn('kata-sandi-sari-1', '10.1.1.4', 'sari')).json().token as string;
    const second = (await signIn('kata-sandi-sari-1', '10.1.1.5', 'sari')).json().token as string;
    const change = (token: string, currentPassword: string) =>
      app.inject({
        method: 'PUT',
        url: '/api/session/password',
        headers: { authorization: `Bearer ${token}` },
        payload: { currentPassword, newPassword: 'sandi-baru-yang-panjang' },
      });
    expect((await change(first, 'bukan-sandinya')).statusCode).toBe(401);
    expect((await change(first, 'kata-sandi-sari-1')).statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/session', headers: { authorization: `Bearer ${second}` } }))
        .statusCode,
    ).toBe(401);
    expect((await signIn('kata-sandi-sari-1', '10.1.1.4', 'sari')).statusCode).toBe(401);
    expect((await signIn('sandi-baru-yang-panjang', '10.1.1.4', 'sari')).statusCode).toBe(200);
  });
});
