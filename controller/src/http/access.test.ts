import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';
import { installAccess } from './access';

type Started = Awaited<ReturnType<typeof startTestController>>;
let t: Started;
beforeAll(async () => {
  t = await startTestController();
});
afterAll(async () => {
  await t.controller.close();
});

/** A concrete URL for a route pattern: every path parameter gets a value that names nothing. */
const concrete = (url: string) =>
  url.replace(/:[A-Za-z]+/g, (p) => (p === ':id' ? '00000000-0000-4000-8000-000000000000' : 'x'));

describe('route access, declared on each route', () => {
  it('the public and player routes are exactly these; every other /api route needs a session', () => {
    const open = t.controller.routes
      .filter((r) => r.access !== 'signed-in')
      .map((r) => `${r.access} ${r.method} ${r.url}`)
      .sort();
    expect(open).toEqual([
      'player GET /api/players/self',
      'player PUT /api/commands/:id/screenshot',
      'public DELETE /api/session',
      'public GET /api/health',
      'public GET /api/player/config',
      'public GET /api/player/time',
      'public POST /api/players/enroll',
      'public POST /api/session',
    ]);
    expect(t.controller.routes.length).toBeGreaterThan(50);
  });

  it('walks every route without a session: signed-in routes ask for one, public routes never, player routes ask the player', async () => {
    for (const route of t.controller.routes) {
      const name = `${route.method} ${route.url}`;
      const response = await t.controller.app.inject({ method: route.method as 'GET', url: concrete(route.url) });
      const message = response.statusCode === 401 ? (response.json().error.message as string) : '';
      switch (route.access) {
        case 'signed-in':
          expect(response.statusCode, name).toBe(401);
          expect(response.json().error.code, name).toBe('BARUGA_ERR_UNAUTHORIZED');
          expect(message, name).toMatch(/^sign in first/);
          break;
        case 'public':
          expect(response.statusCode, name).not.toBe(401);
          break;
        case 'player':
          // The handler asks for the player's own proof (HTTP Basic, or a command id that names nothing here).
          expect(response.statusCode, name).toBeLessThan(500);
          expect(message, name).not.toMatch(/^sign in first/);
          break;
      }
    }
  });

  it('walks every signed-in route with a session: none answers 401, none fails with a 5xx', async () => {
    for (const route of t.controller.routes.filter((r) => r.access === 'signed-in' && r.method === 'GET')) {
      const response = await t.controller.app.inject({ method: 'GET', url: concrete(route.url), headers: t.auth });
      expect(response.statusCode, `${route.method} ${route.url}`).not.toBe(401);
      expect(response.statusCode, `${route.method} ${route.url}`).toBeLessThan(500);
    }
  });

  it('an unknown /api path needs a session too, then is a 404', async () => {
    expect((await t.controller.app.inject({ method: 'GET', url: '/api/nothing-here' })).statusCode).toBe(401);
    expect(
      (await t.controller.app.inject({ method: 'GET', url: '/api/nothing-here', headers: t.auth })).statusCode,
    ).toBe(404);
  });

  it('refuses to start with a route that declares no access, or a write that names no action', async () => {
    const bare = Fastify();
    installAccess(bare, { repos: t.controller.repos });
    expect(() => bare.get('/api/forgot', async () => 'x')).toThrow(/does not declare its access/);
    expect(() => bare.post('/api/quiet', { config: { access: 'signed-in' } }, async () => 'x')).toThrow(
      /names no action/,
    );
    await bare.close();
  });
});
