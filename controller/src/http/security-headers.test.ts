import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;
let t: Started;
beforeAll(async () => {
  t = await startTestController();
});
afterAll(async () => {
  await t.controller.close();
});

const get = (url: string) => t.controller.app.inject({ method: 'GET', url });

describe('security headers (the finding: the console sent no CSP, frame-ancestors or X-Content-Type-Options)', () => {
  it('the console: its own scripts only, never framed, no sniffing', async () => {
    const page = await get('/');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self';/);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    // Plain HTTP: no HSTS (it would be ignored, and a LAN controller must stay reachable).
    expect(page.headers['strict-transport-security']).toBeUndefined();
  });

  it('the player: its own scripts only, streams and pages from anywhere, framed only by its own origin', async () => {
    const page = await get('/player/');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toMatch(/frame-ancestors 'self'/);
    expect(csp).toMatch(/connect-src 'self' ws: wss: http: https:/);
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('API answers and errors carry them too, and content may be read across origins (caches, CDNs)', async () => {
    for (const url of ['/api/health', '/api/screens', '/api/nothing']) {
      const response = await get(url);
      expect(response.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
    const blob = await get(`/content/${'0'.repeat(64)}`);
    expect(blob.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect((await get('/api/health')).headers['cross-origin-resource-policy']).toBe('same-origin');
  });
});
