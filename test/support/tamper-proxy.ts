import http from 'node:http';
import net from 'node:net';

/**
 * A middlebox between a player and the controller (a bad cache, a hostile network): HTTP and WebSocket
 * upgrades pass through to the controller, and while `corrupt` is on, every content file's bytes are
 * changed on the way. Loopback only.
 */
export async function startTamperProxy(target: string): Promise<{
  url: string;
  corrupt: boolean;
  /** Content files whose bytes were changed. */
  corrupted: string[];
  stop(): Promise<void>;
}> {
  const upstream = new URL(target);
  const state = { corrupt: false, corrupted: [] as string[] };
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        const tamper = state.corrupt && /^\/content\/[0-9a-f]{64}/.test(req.url ?? '') && answer.statusCode === 200;
        if (!tamper) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          // Same length, one byte flipped in the middle: only a hash check can tell.
          const at = Math.floor(body.length / 2);
          body[at] = (body[at] ?? 0) ^ 0xff;
          state.corrupted.push(req.url ?? '');
          res.writeHead(200, { ...answer.headers, 'content-length': String(body.length) });
          res.end(body);
        });
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('upgrade', (req, socket, head) => {
    const backend = net.connect(Number(upstream.port), upstream.hostname, () => {
      const headers = Object.entries(req.headers).flatMap(([k, v]) =>
        (Array.isArray(v) ? v : [v]).map((x) => `${k}: ${x}`),
      );
      backend.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      backend.write(head);
      backend.pipe(socket);
      socket.pipe(backend);
    });
    for (const s of [socket as net.Socket, backend]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        socket.destroy();
        backend.destroy();
      });
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    get corrupt() {
      return state.corrupt;
    },
    set corrupt(on: boolean) {
      state.corrupt = on;
    },
    corrupted: state.corrupted,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
