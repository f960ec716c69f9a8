import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type DelayProxy, startDelayProxy } from './delay-proxy';

/** An echo server on loopback: what goes up comes straight back down. */
async function echoServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.setNoDelay(true);
    s.on('data', (d) => s.write(d));
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('delay proxy', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('delays each round trip by up + down within the jitter, and keeps every byte in order', async () => {
    const echo = await echoServer();
    closers.push(echo.close);
    const proxy: DelayProxy = await startDelayProxy(
      { host: '127.0.0.1', port: echo.port },
      { up: { baseMs: 25, jitterMs: 10 }, down: { baseMs: 15, jitterMs: 10 } },
    );
    closers.push(proxy.close);
    const socket = net.connect(proxy.port, '127.0.0.1');
    socket.setNoDelay(true);
    closers.push(async () => void socket.destroy());
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));

    // 1. Forty pings, one at a time (bounded: at most 40 round trips of at most 60 ms each).
    const rtts: number[] = [];
    for (let i = 0; i < 40; i++) {
      const sent = performance.now();
      socket.write(`ping ${i};`);
      await new Promise<void>((resolve) => socket.once('data', () => resolve()));
      rtts.push(performance.now() - sent);
    }
    // Up is 15–35 ms and down 5–25 ms: no round trip is shorter than 20 ms (a busy machine only adds to them).
    expect(Math.min(...rtts)).toBeGreaterThanOrEqual(19);
    const sorted = [...rtts].sort((a, b) => a - b);
    // The median of a 20–60 ms spread, not a fixed delay.
    expect(sorted[20]).toBeGreaterThan(30);
    // The asymmetry is real: the drawn delays up average about 10 ms more than down.
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(proxy.drawn.up) - mean(proxy.drawn.down)).toBeGreaterThan(5);

    // 2. A burst of 200 writes arrives whole and in order, however the jitter fell.
    const received: Buffer[] = [];
    const expected = Array.from({ length: 200 }, (_, i) => `m${i};`).join('');
    const done = new Promise<void>((resolve) => {
      socket.on('data', (d: Buffer) => {
        received.push(d);
        if (Buffer.concat(received).length >= expected.length) resolve();
      });
    });
    for (let i = 0; i < 200; i++) socket.write(`m${i};`);
    await done;
    expect(Buffer.concat(received).toString()).toBe(expected);
  });
});
