import type http from 'node:http';
import type https from 'node:https';
import type { Socket } from 'node:net';

/** How long a request still running when the controller stops may take before its connection is cut. */
export const DRAIN_MS = 10_000;

/**
 * Lets the controller stop while browsers hold connections open. Node 20's `server.close()` waits for every
 * connection, and fastify ends only the idle keep-alive ones: a connection on which no request has begun is not
 * idle to Node (nodejs/node#63452, fixed in 26.4), and Chromium opens such spare connections ahead of need, so a
 * player or a console left one and Ctrl-C, systemd or a test waited minutes for it. `end()` (from fastify's
 * `preClose`) cuts every connection with no request in flight, and each other one as soon as its response is sent;
 * a request still running after `drainMs` is cut too (an upload cut short leaves nothing behind: docs/operations.md).
 *
 * Over TLS the connections followed are the TLS ones; a connection still in its handshake is left to `drainMs`.
 */
export function connectionDrain(server: http.Server | https.Server, drainMs = DRAIN_MS) {
  const open = new Set<Socket>();
  const busy = new Map<Socket, number>();
  let ending = false;

  const follow = (socket: Socket) => {
    if (ending) {
      socket.destroy();
      return;
    }
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      busy.delete(socket);
    });
  };
  if ('setSecureContext' in server) server.on('secureConnection', follow);
  else server.on('connection', follow);

  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const socket = request.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      if (left > 0) busy.set(socket, left);
      else busy.delete(socket);
      if (ending && left <= 0) socket.destroy();
    });
  });

  return {
    /** Connections the server holds now (for tests and diagnostics). */
    get open(): number {
      return open.size;
    },
    end(): void {
      if (ending) return;
      ending = true;
      for (const socket of open) if (!busy.has(socket)) socket.destroy();
      setTimeout(() => {
        for (const socket of open) socket.destroy();
      }, drainMs).unref();
    },
  };
}
