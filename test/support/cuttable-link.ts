import net from 'node:net';

/**
 * A player's network as a TCP relay on loopback: everything (HTTP, the MQTT WebSocket) passes through to the
 * controller until `cut()`, which drops every open connection and refuses new ones, as a pulled cable or a dead
 * uplink does, until `heal()`.
 */
export async function startCuttableLink(targetUrl: string): Promise<{
  url: string;
  cut(): void;
  heal(): void;
  readonly isCut: boolean;
  stop(): Promise<void>;
}> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let isCut = false;
  const server = net.createServer((client) => {
    if (isCut) return void client.destroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      isCut = true;
      for (const s of sockets) s.destroy();
    },
    heal() {
      isCut = false;
    },
    get isCut() {
      return isCut;
    },
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
