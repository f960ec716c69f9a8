import { ApiErrorBody } from '@baruga/protocol';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

/**
 * Bad input, generated: every route the controller declares is sent bodies and query strings of every shape, and
 * must answer each one with a clear error in the documented shape (never a 5xx) and, when it refuses, change
 * nothing (DESIGN.md, "Bad input gets a clear error and changes nothing").
 */

/** Routes that end the test's own session or take a file rather than a JSON body. */
const SKIP = new Set(['DELETE /api/session', 'POST /api/content', 'PUT /api/commands/:id/screenshot']);
/** Tables a request could write; a refused request leaves each exactly as it was. */
const TABLES = ['screens', 'items', 'playlists', 'layouts', 'events', 'dayparts', 'players', 'commands', 'manifests'];

/** JSON values of every kind, with the names routes use as keys, so some bodies get past the first check. */
const KEYS = ['id', 'name', 'width', 'height', 'type', 'props', 'items', 'zones', 'screens', 'code', 'start', 'rrule'];
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('', '\u0000', '\u202e', 'lobi', '../../etc/passwd', 'a'.repeat(5000), '{"__proto__":{}}'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('bad input to every route', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startTestController();
    await inject('POST', '/api/screens', { id: 'lobi', name: 'Lobi', width: 640, height: 360 });
  });
  afterAll(async () => {
    await t.controller.close();
  });

  function inject(method: string, url: string, payload?: unknown) {
    return t.controller.app.inject({
      method: method as 'POST',
      url,
      headers: { ...t.auth, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
  }
  const snapshot = () => TABLES.map((table) => t.controller.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());
  const routes = () => t.controller.routes.filter((r) => !SKIP.has(`${r.method} ${r.url}`) && r.method !== 'HEAD');
  /** Path parameters filled with ids that exist, so the body (or query) is what gets judged. */
  const concrete = (url: string) => url.replace(/:id\b/g, 'lobi').replace(/:[a-zA-Z]+/g, 'lobi');

  function judged(response: { statusCode: number; body: string }, what: string) {
    expect(response.statusCode, `${what} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
    if (response.statusCode >= 400) {
      expect(ApiErrorBody.safeParse(JSON.parse(response.body)).success, `${what}: ${response.body}`).toBe(true);
    }
  }

  it('answers any JSON body with a clear 4xx or a success, never a 5xx, and a refusal changes nothing', async () => {
    const writes = routes().filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(20);
    for (const route of writes) {
      await fc.assert(
        fc.asyncProperty(json, async (body) => {
          const before = snapshot();
          const response = await inject(route.method, concrete(route.url), body);
          judged(response, `${route.method} ${route.url} ${JSON.stringify(body)?.slice(0, 200)}`);
          if (response.statusCode >= 400) expect(snapshot()).toEqual(before);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('answers any query string on every read with a clear 4xx or a success, never a 5xx', async () => {
    const reads = routes().filter((r) => r.method === 'GET');
    const query = fc.dictionary(
      fc.oneof(
        fc.constantFrom('from', 'to', 'at', 'limit', 'offset', 'screen', 'q', 'kind', 'tag', 'format', 'by'),
        fc.string(),
      ),
      fc.oneof(fc.string(), fc.constantFrom('-1', '1e309', 'NaN', '2025-02-30T25:61:00Z', '%', '\u0000')),
      { maxKeys: 4 },
    );
    for (const route of reads) {
      await fc.assert(
        fc.asyncProperty(query, async (params) => {
          const search = new URLSearchParams(params as Record<string, string>).toString();
          const response = await inject('GET', `${concrete(route.url)}?${search}`);
          judged(response, `GET ${route.url}?${search}`);
        }),
        { numRuns: 40 },
      );
    }
  });
});
