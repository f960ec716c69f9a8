import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionAs } from '../testing/accounts';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;
let t: Started;
beforeAll(async () => {
  t = await startTestController();
});
afterAll(async () => {
  await t.controller.close();
});

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = t.auth) =>
  t.controller.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe('users (admin)', () => {
  it('adds an editor who signs in with the role given, and shows no password', async () => {
    const created = await inject('POST', '/api/users', {
      username: 'rina',
      displayName: 'Rina (Diskominfo)',
      password: 'sandi-rina-panjang',
      role: 'editor',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'rina', role: 'editor', disabled: false, lastSignInAt: null });
    expect(created.body).not.toContain('sandi-rina');
    const session = await t.controller.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'rina', password: 'sandi-rina-panjang' },
    });
    expect(session.json()).toMatchObject({ role: 'editor' });
    expect((await inject('GET', '/api/users/rina')).json().lastSignInAt).not.toBeNull();
  });

  it('refuses a second user of the same name, a short password and an unknown role', async () => {
    expect(
      (await inject('POST', '/api/users', { username: 'rina', password: 'x'.repeat(12), role: 'viewer' })).json(),
    ).toMatchObject({ error: { code: 'BARUGA_ERR_USER_EXISTS' } });
    expect(
      (await inject('POST', '/api/users', { username: 'dodi', password: 'pendek', role: 'viewer' })).statusCode,
    ).toBe(400);
    expect(
      (await inject('POST', '/api/users', { username: 'dodi', password: 'x'.repeat(12), role: 'superuser' }))
        .statusCode,
    ).toBe(400);
    expect(t.controller.repos.users.get('dodi')).toBeNull();
  });

  it('a new role ends the user’s sessions; disabling ends their API tokens too', async () => {
    const session = sessionAs(t.controller, 'editor', 'rina');
    const rina = t.controller.repos.users.get('rina');
    if (!rina) throw new Error('rina missing');
    const token = t.controller.repos.apiTokens.create(rina, { name: 'skrip', scopes: ['read'], expiresInDays: 1 });
    const asToken = { authorization: `Bearer ${token.token}` };
    expect((await inject('GET', '/api/screens', undefined, session)).statusCode).toBe(200);

    expect((await inject('PATCH', '/api/users/rina', { role: 'viewer' })).json()).toMatchObject({ role: 'viewer' });
    expect((await inject('GET', '/api/screens', undefined, session)).statusCode).toBe(401);
    expect((await inject('GET', '/api/screens', undefined, asToken)).statusCode).toBe(200);

    expect((await inject('PATCH', '/api/users/rina', { disabled: true })).json()).toMatchObject({ disabled: true });
    expect((await inject('GET', '/api/screens', undefined, asToken)).statusCode).toBe(401);
    // Enabled again, the old token stays revoked.
    await inject('PATCH', '/api/users/rina', { disabled: false });
    expect((await inject('GET', '/api/screens', undefined, asToken)).statusCode).toBe(401);
  });

  it('never leaves the controller without an admin who can sign in', async () => {
    const demote = await inject('PATCH', '/api/users/admin', { role: 'editor' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('BARUGA_ERR_LAST_ADMIN');
    expect((await inject('PATCH', '/api/users/admin', { disabled: true })).statusCode).toBe(409);
    // With a second admin, the first may step down.
    await inject('POST', '/api/users', { username: 'admin-dua', password: 'sandi-admin-dua', role: 'admin' });
    expect((await inject('PATCH', '/api/users/admin', { role: 'approver' })).statusCode).toBe(200);
  });
});
