import { ErrorCode, ROLES, type Role, meetsRequirement } from '@baruga/protocol';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionAs, tokenAs } from '../testing/accounts';
import { startTestController } from '../testing/test-controller';
import { type DeclaredRoute, installAccess } from './access';

type Started = Awaited<ReturnType<typeof startTestController>>;
let t: Started;
beforeAll(async () => {
  t = await startTestController();
});
afterAll(async () => {
  await t.controller.close();
});

/**
 * Who may call what: every /api route and the least role that may call it (admin meets every role; approver and
 * editor each meet viewer). Changing a route's access, or adding a route, means changing this table: on purpose.
 */
const DECLARED: Record<'public' | 'player' | Role, string[]> = {
  public: [
    'DELETE /api/session',
    'GET /api/health',
    'GET /api/player/config',
    'GET /api/player/time',
    'POST /api/players/enroll',
    'POST /api/session',
  ],
  player: ['GET /api/players/self', 'PUT /api/commands/:id/screenshot'],
  viewer: [
    'DELETE /api/tokens/:id',
    'GET /api/alerts',
    'GET /api/alerts/:id',
    'GET /api/alerts/settings',
    'GET /api/alerts/templates',
    'GET /api/announcements',
    'GET /api/announcements/:id',
    'GET /api/approvals',
    'GET /api/approvals/:id',
    'GET /api/changes',
    'GET /api/commands/:id',
    'GET /api/content',
    'GET /api/content/:id',
    'GET /api/content/tags',
    'GET /api/content/uploads/:uploadId',
    'GET /api/dayparts',
    'GET /api/dayparts/:id',
    'GET /api/delivery/screens',
    'GET /api/events',
    'GET /api/events/:id',
    'GET /api/layouts',
    'GET /api/layouts/:id',
    'GET /api/overview',
    'GET /api/players',
    'GET /api/players/:id',
    'GET /api/playlists',
    'GET /api/playlists/:id',
    'GET /api/prayer-times',
    'GET /api/proof-of-play',
    'GET /api/proof-of-play/summary',
    'GET /api/screens',
    'GET /api/screens/:id',
    'GET /api/screens/:id/brightness',
    'GET /api/screens/:id/commands',
    'GET /api/screens/:id/groups',
    'GET /api/screens/:id/items',
    'GET /api/screens/:id/manifest',
    'GET /api/screens/:id/now',
    'GET /api/screens/:id/overlays',
    'GET /api/screens/:id/timeline',
    'GET /api/session',
    'GET /api/settings/approval',
    'GET /api/sources',
    'GET /api/sources/:id',
    'GET /api/sources/:id/data',
    'GET /api/tokens',
    'GET /api/walls',
    'GET /api/walls/:id',
    'GET /api/walls/:id/now',
    'POST /api/tokens',
    'PUT /api/session/password',
  ],
  editor: [
    'DELETE /api/content/:id',
    'DELETE /api/dayparts/:id',
    'DELETE /api/events/:id',
    'DELETE /api/layouts/:id',
    'DELETE /api/playlists/:id',
    'DELETE /api/screens/:id/items/:itemId',
    'PATCH /api/content/:id',
    'POST /api/announcements',
    'POST /api/announcements/:id/end',
    'POST /api/content',
    'POST /api/content/streams',
    'POST /api/dayparts',
    'POST /api/events',
    'POST /api/layouts',
    'POST /api/players/:id/commands',
    'POST /api/playlists',
    'POST /api/preview/manifest',
    'POST /api/schedule/preview',
    'POST /api/screens/:id/commands',
    'POST /api/screens/:id/items',
    'POST /api/screens/:id/publish',
    'POST /api/sources/:id/refresh',
    'PUT /api/dayparts/:id',
    'PUT /api/events/:id',
    'PUT /api/layouts/:id',
    'PUT /api/playlists/:id',
    'PUT /api/screens/:id/groups',
    'PUT /api/screens/:id/overlays',
  ],
  approver: [
    'DELETE /api/alerts/:id',
    'GET /api/audit',
    'GET /api/audit/verify',
    'POST /api/alerts',
    'POST /api/alerts/cap',
    'POST /api/approvals/:id/approve',
    'POST /api/approvals/:id/reject',
  ],
  admin: [
    'DELETE /api/sources/:id',
    'DELETE /api/walls/:id',
    'GET /api/users',
    'GET /api/users/:username',
    'PATCH /api/users/:username',
    'POST /api/content/gc',
    'POST /api/players/:id/revoke',
    'POST /api/players/pair',
    'POST /api/screens',
    'POST /api/sources',
    'POST /api/sources/test',
    'POST /api/users',
    'POST /api/walls',
    'PUT /api/alerts/settings',
    'PUT /api/players/:id',
    'PUT /api/screens/:id/brightness',
    'PUT /api/screens/:id/location',
    'PUT /api/settings/approval',
    'PUT /api/sources/:id',
    'PUT /api/walls/:id',
  ],
};

/** A concrete URL for a route pattern: every path parameter gets a value that names nothing. */
const concrete = (url: string) =>
  url.replace(/:[A-Za-z]+/g, (p) => (p === ':id' ? '00000000-0000-4000-8000-000000000000' : 'x'));

const call = (route: DeclaredRoute, headers: Record<string, string> = {}) =>
  t.controller.app.inject({ method: route.method as 'GET', url: concrete(route.url), headers });

/** Whether the access hook refused (not the handler: a handler's own 401 or 403 has another code or message). */
async function refusedBy(route: DeclaredRoute, headers: Record<string, string>): Promise<'role' | 'session' | null> {
  const response = await call(route, headers);
  const error = response.statusCode >= 400 ? (response.json().error as { code: string; message: string }) : null;
  expect(response.statusCode, `${route.method} ${route.url}`).toBeLessThan(500);
  if (
    response.statusCode === 403 &&
    error?.code === ErrorCode.forbidden &&
    'needs' in (response.json().error.details ?? {})
  ) {
    return 'role';
  }
  if (response.statusCode === 401 && error?.message.startsWith('sign in first')) return 'session';
  return null;
}

const signedInRoutes = () => t.controller.routes.filter((r) => r.role !== null);

describe('route access, declared on each route', () => {
  it('the route table declares exactly this: who may call each route', () => {
    const declared = Object.fromEntries(
      Object.keys(DECLARED).map((level) => [
        level,
        t.controller.routes
          .filter((r) => (r.role ?? r.access) === level)
          .map((r) => `${r.method} ${r.url}`)
          .sort(),
      ]),
    );
    expect(declared).toEqual(DECLARED);
    expect(t.controller.routes.length).toBe(Object.values(DECLARED).flat().length);
  });

  it('walks every route with no session: public routes never ask for one, player routes ask the player', async () => {
    for (const route of t.controller.routes) {
      const refused = await refusedBy(route, {});
      expect(refused, `${route.method} ${route.url}`).toBe(route.role === null ? null : 'session');
    }
  });

  it('walks every signed-in route with every role: exactly the roles the route names (and admin) get through', async () => {
    const headers = Object.fromEntries(ROLES.map((role) => [role, sessionAs(t.controller, role)]));
    const allowed: Record<string, Role[]> = {};
    // Reads first: some writes (a password change with no body) are harmless, but none runs before the reads.
    const routes = signedInRoutes().sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      allowed[name] = [];
      for (const role of ROLES) {
        if ((await refusedBy(route, headers[role] ?? {})) === null) allowed[name].push(role);
      }
      const expected = ROLES.filter((role) => route.role !== null && meetsRequirement(role, route.role));
      expect(allowed[name], name).toEqual(expected);
    }
    // The shape of the rules, as a person would state them.
    expect(allowed['POST /api/screens/:id/publish']).toEqual(['admin', 'editor']);
    expect(allowed['POST /api/approvals/:id/approve']).toEqual(['admin', 'approver']);
    expect(allowed['PATCH /api/users/:username']).toEqual(['admin']);
    expect(allowed['GET /api/screens']).toEqual(['admin', 'editor', 'approver', 'viewer']);
  });

  it('walks every signed-in route with an admin token of each scope: a token does what its scope says, no more', async () => {
    for (const scope of ['read', 'edit', 'approve', 'admin'] as const) {
      const headers = tokenAs(t.controller, 'admin', [scope], 'admin-skrip');
      for (const route of signedInRoutes()) {
        const name = `${scope} token: ${route.method} ${route.url}`;
        const expected = { read: 'viewer', edit: 'editor', approve: 'approver', admin: 'admin' }[scope];
        expect(await refusedBy(route, headers), name).toBe(route.role === expected ? null : 'role');
      }
    }
    // A token never does more than its owner may: a viewer's "edit" token edits nothing.
    const viewerEdit = tokenAs(t.controller, 'viewer', ['read', 'edit']);
    const publish = signedInRoutes().find((r) => r.url === '/api/screens/:id/publish');
    if (!publish) throw new Error('publish route missing');
    expect(await refusedBy(publish, viewerEdit)).toBe('role');
  });

  it('an unknown /api path needs a session too, then is a 404', async () => {
    expect((await t.controller.app.inject({ method: 'GET', url: '/api/nothing-here' })).statusCode).toBe(401);
    expect(
      (await t.controller.app.inject({ method: 'GET', url: '/api/nothing-here', headers: t.auth })).statusCode,
    ).toBe(404);
  });

  it('refuses to start with a route that declares no access, a write with no action, or a write open to any role', async () => {
    const bare = Fastify();
    installAccess(bare, { repos: t.controller.repos });
    expect(() => bare.get('/api/forgot', async () => 'x')).toThrow(/does not declare its access/);
    expect(() => bare.post('/api/quiet', { config: { access: 'editor' } }, async () => 'x')).toThrow(/names no action/);
    expect(() =>
      bare.post('/api/anyone', { config: { access: 'signed-in', action: 'thing.do' } }, async () => 'x'),
    ).toThrow(/declare the role that may call it/);
    // A read may still say signed-in: any role.
    expect(() => bare.get('/api/readable', { config: { access: 'signed-in' } }, async () => 'x')).not.toThrow();
    await bare.close();
  });
});
