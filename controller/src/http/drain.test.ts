import http from 'node:http';
import net from 'node:net';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionDrain } from './drain';

/** A fastify app as the controller builds it (`preClose` ends the connections), on a free loopback port. */
async function app(drainMs = 5_000) {
  const server = Fastify({ serverFactory: (handler) => http.createServer(handler) });
  const drain = connectionDrain(server.server, drainMs);
  server.addHook('preClose', async () => drain.end());
  server.get('/quick', async () => ({ ok: true }));
  server.get('/slow', async () => {
    await new Promise((r) => setTimeout(r, 400));
    return { ok: 'slow' };
  });
  server.get('/never', () => new Promise(() => undefined));
  await server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.server.address() as net.AddressInfo;
  return { server, drain, port };
}

/** A connection that sends nothing, as Chromium opens one ahead of its next request. */
async function spareConnection(port: number): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  return socket;
}

/** Milliseconds `close` took, or null when it had not finished within `limitMs`. */
async function timed(close: Promise<unknown>, limitMs: number): Promise<number | null> {
  const start = performance.now();
  return Promise.race([
    close.then(() => performance.now() - start),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), limitMs)),
  ]);
}

describe('stopping while browsers hold connections open', () => {
  const sockets: net.Socket[] = [];
  afterEach(() => {
    for (const s of sockets.splice(0)) s.destroy();
  });

  it('does not wait for a connection on which no request has begun', async () => {
    const { server, drain, port } = await app();
    // One keep-alive connection after a request (fastify's own business), one spare that never sent a byte.
    await fetch(`http://127.0.0.1:${port}/quick`);
    sockets.push(await spareConnection(port));
    await expect.poll(() => drain.open).toBe(2);
    const took = await timed(server.close(), 3_000);
    expect(took).not.toBeNull();
    expect(took).toBeLessThan(1_000);
  });

  it('lets a request in flight finish before its connection goes', async () => {
    const { server, port } = await app();
    sockets.push(await spareConnection(port));
    const answer = fetch(`http://127.0.0.1:${port}/slow`).then(async (r) => [r.status, await r.json()]);
    await new Promise((r) => setTimeout(r, 100));
    const took = await timed(server.close(), 3_000);
    expect(await answer).toEqual([200, { ok: 'slow' }]);
    expect(took).not.toBeNull();
    expect(took).toBeGreaterThan(200);
  });

  it('cuts a request that outlives the drain', async () => {
    const { server, port } = await app(300);
    const cut = fetch(`http://127.0.0.1:${port}/never`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 100));
    const took = await timed(server.close(), 3_000);
    expect(await cut).toBe('cut');
    expect(took).not.toBeNull();
  });
});
