import net from 'node:net';
import { ApiErrorBody, ErrorCode } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

/**
 * Sends raw bytes to the listening server (no client library to tidy the request) and reads the answer until the
 * server closes the connection (requests say `Connection: close`; refused ones are closed by the server).
 */
function raw(url: string, request: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let text = '';
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const bodyAt = text.indexOf('\r\n\r\n');
      resolve({ status, body: bodyAt >= 0 ? text.slice(bodyAt + 4) : '' });
    });
  });
}

/** The documented error shape, and the code in it. */
function codeOf(body: string): string {
  const parsed = ApiErrorBody.safeParse(JSON.parse(body));
  expect(parsed.success, `not the documented shape: ${body}`).toBe(true);
  return parsed.data?.error.code ?? '';
}

describe('errors raised outside the routes answer in the documented shape', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startTestController();
  });
  afterAll(async () => {
    await t.controller.close();
  });

  it('414: a path parameter over 100 characters, as the router refuses it', async () => {
    const response = await t.controller.app.inject({
      method: 'POST',
      url: `/api/screens/${'a'.repeat(101)}/items`,
      headers: t.auth,
      payload: {},
    });
    expect(response.statusCode).toBe(414);
    expect(codeOf(response.body)).toBe(ErrorCode.uriTooLong);
  });

  it('431: headers larger than Node accepts, refused by the HTTP parser', async () => {
    const answer = await raw(
      t.controller.url,
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.status).toBe(431);
    expect(codeOf(answer.body)).toBe(ErrorCode.headersTooLarge);
  });

  it('400: a request line that is not HTTP', async () => {
    const answer = await raw(t.controller.url, 'FOO\u0001 /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(codeOf(answer.body)).toBe(ErrorCode.badRequest);
  });

  it('403: the static file server refusing a path outside its folder, or with a NUL', async () => {
    for (const path of ['/player/%00', '/%2e%2e/', '/player/../../etc/passwd']) {
      const answer = await raw(t.controller.url, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect([403, 404], path).toContain(answer.status);
      expect(codeOf(answer.body), path).toBe(answer.status === 403 ? ErrorCode.forbidden : ErrorCode.notFound);
    }
  });

  it('every error the API answers to bad paths and methods parses as the documented shape', async () => {
    const requests: [string, string][] = [
      ['GET', '/api/nope'],
      ['DELETE', '/api/health'],
      ['GET', `/api/screens/${'x'.repeat(300)}`],
      ['POST', '/api/screens'],
      ['PATCH', '/api/content/%E0%A4%A'],
    ];
    for (const [method, url] of requests) {
      const response = await t.controller.app.inject({ method: method as 'GET', url, headers: t.auth });
      expect(response.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      codeOf(response.body);
    }
  });
});
