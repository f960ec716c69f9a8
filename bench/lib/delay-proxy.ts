import net from 'node:net';

/** One direction's delay: every chunk waits `baseMs` plus a uniform draw in ±`jitterMs`. */
export interface Delay {
  baseMs: number;
  jitterMs: number;
}

export interface DelayProfile {
  /** Player → controller (requests, MQTT publishes). */
  up: Delay;
  /** Controller → player (answers, manifests). */
  down: Delay;
}

export interface DelayProxy {
  port: number;
  /** Every delay drawn so far, per direction, in ms (for the report: what the links actually did). */
  drawn: { up: number[]; down: number[] };
  close(): Promise<void>;
}

/** A small deterministic generator (mulberry32), so a run's jitter can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One direction of one connection: chunks leave in the order they came, each no earlier than its own drawn delay
 * and never before the chunk ahead of it (a real link reorders nothing within a TCP stream). One timer per
 * direction drains the queue, so equal deadlines cannot swap.
 */
function delayedPipe(from: net.Socket, to: net.Socket, delay: Delay, random: () => number, drawn: number[]) {
  const queue: { at: number; chunk: Buffer }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let last = 0;
  let ended = false;
  const drain = () => {
    timer = null;
    const now = performance.now();
    while (queue.length > 0 && (queue[0]?.at ?? Infinity) <= now + 0.5) {
      const next = queue.shift();
      if (next && !to.destroyed) to.write(next.chunk);
    }
    if (queue.length > 0) timer = setTimeout(drain, Math.max(0, (queue[0]?.at ?? now) - performance.now()));
    else if (ended) to.end();
  };
  from.on('data', (chunk: Buffer) => {
    const ms = Math.max(0, delay.baseMs + (random() * 2 - 1) * delay.jitterMs);
    drawn.push(ms);
    last = Math.max(last, performance.now() + ms);
    queue.push({ at: last, chunk });
    timer ??= setTimeout(drain, Math.max(0, last - performance.now()));
  });
  from.on('end', () => {
    ended = true;
    if (queue.length === 0 && timer === null) to.end();
  });
  return () => {
    if (timer) clearTimeout(timer);
    queue.length = 0;
  };
}

/**
 * A userspace stand-in for netem on loopback (this kernel has none): a TCP proxy that delays and jitters each
 * direction of every connection on its own profile. HTTP, the MQTT WebSocket and the clock exchange all pass
 * through it, so a player behind it sees the link the profile describes.
 */
export async function startDelayProxy(
  target: { host: string; port: number },
  profile: DelayProfile,
  seed = 1,
): Promise<DelayProxy> {
  const random = seededRandom(seed);
  const drawn = { up: [] as number[], down: [] as number[] };
  const open = new Set<net.Socket>();
  const stops = new Set<() => void>();
  const server = net.createServer((client) => {
    client.setNoDelay(true);
    const upstream = net.connect(target.port, target.host);
    upstream.setNoDelay(true);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    const stopUp = delayedPipe(client, upstream, profile.up, random, drawn.up);
    const stopDown = delayedPipe(upstream, client, profile.down, random, drawn.down);
    stops.add(stopUp).add(stopDown);
    client.on('close', () => {
      stops.delete(stopUp);
      stops.delete(stopDown);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('delay proxy did not get a port');
  return {
    port: address.port,
    drawn,
    close: async () => {
      for (const stop of stops) stop();
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
