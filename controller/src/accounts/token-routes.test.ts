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

const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
  t.controller.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe('API tokens', () => {
  it('a script’s token reads with "read" and publishes nothing; its secret is shown once and stored as a hash', async () => {
    const created = await inject('POST', '/api/tokens', t.auth, { name: 'Dasbor kantor', scopes: ['read'] });
    expect(created.statusCode).toBe(201);
    const { token, id, expiresAt } = created.json();
    expect(token).toMatch(/^baruga_pat_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(89 * 86_400_000);
    const stored = JSON.stringify(t.controller.db.prepare('SELECT * FROM api_tokens').all());
    expect(stored).not.toContain(token.slice('baruga_pat_'.length));

    const asScript = { authorization: `Bearer ${token}` };
    expect((await inject('GET', '/api/screens', asScript)).statusCode).toBe(200);
    const write = await inject('POST', '/api/screens', asScript, { id: 'x-1', name: 'X', width: 64, height: 64 });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.message).toMatch(/lacks the scope/);
    // Listed without its secret, with when it was last used.
    const listed = (await inject('GET', '/api/tokens', t.auth)).json();
    expect(listed).toEqual([expect.objectContaining({ id, name: 'Dasbor kantor', scopes: ['read'] })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed[0].lastUsedAt).not.toBeNull();
  });

  it('a token cannot make tokens, and no one gives a token more than their role', async () => {
    const script = (await inject('POST', '/api/tokens', t.auth, { name: 'Skrip', scopes: ['read', 'edit'] })).json();
    const minted = await inject(
      'POST',
      '/api/tokens',
      { authorization: `Bearer ${script.token}` },
      {
        name: 'Lagi',
        scopes: ['read'],
      },
    );
    expect(minted.statusCode).toBe(403);
    const viewer = sessionAs(t.controller, 'viewer');
    const beyond = await inject('POST', '/api/tokens', viewer, { name: 'Coba', scopes: ['read', 'edit'] });
    expect(beyond.statusCode).toBe(403);
    expect(beyond.json().error).toMatchObject({ code: 'BARUGA_ERR_FORBIDDEN', details: { allowed: ['read'] } });
    expect((await inject('POST', '/api/tokens', viewer, { name: 'Baca', scopes: ['read'] })).statusCode).toBe(201);
  });

  it('revoked, a token stops at once; someone else’s token is not theirs to see or revoke', async () => {
    const editor = sessionAs(t.controller, 'editor');
    const mine = (await inject('POST', '/api/tokens', editor, { name: 'Unggah', scopes: ['edit'] })).json();
    const viewer = sessionAs(t.controller, 'viewer');
    expect((await inject('DELETE', `/api/tokens/${mine.id}`, viewer)).statusCode).toBe(404);
    expect((await inject('GET', '/api/tokens', viewer)).json()).not.toContainEqual(
      expect.objectContaining({ id: mine.id }),
    );
    expect((await inject('GET', '/api/tokens?all=true', t.auth)).json()).toContainEqual(
      expect.objectContaining({ id: mine.id, username: 'editor-uji' }),
    );
    expect((await inject('DELETE', `/api/tokens/${mine.id}`, editor)).statusCode).toBe(204);
    expect((await inject('GET', '/api/screens', { authorization: `Bearer ${mine.token}` })).statusCode).toBe(401);
  });
});
