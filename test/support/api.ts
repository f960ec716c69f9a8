import { expect } from '@playwright/test';
import { ADMIN_PASSWORD } from './controller-process';

/** A signed-in API client for a test (the first admin unless told), speaking plain fetch like any script would. */
export async function signIn(baseUrl: string, username = 'admin', password = ADMIN_PASSWORD) {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  return {
    token,
    call,
    async announce(screenId: string, body: string, extra: Record<string, unknown> = {}) {
      const added = await call('POST', `/api/screens/${screenId}/items`, {
        type: 'text',
        durationMs: 30_000,
        props: { body, ...extra },
      });
      expect(added.status).toBe(201);
      const published = await call('POST', `/api/screens/${screenId}/publish`);
      expect(published.status).toBe(200);
      return published.body as { version: number };
    },
  };
}
