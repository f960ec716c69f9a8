import crypto from 'node:crypto';
import net from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { parseScreenTopic } from '@baruga/protocol';
import { Aedes, type Client } from 'aedes';
import { WebSocketServer, createWebSocketStream, type WebSocket } from 'ws';

export interface EmbeddedBroker {
  /** TCP port the broker listens on (resolved when 0 was asked for). */
  port: number;
  /** Credentials of the controller's own client, the only one allowed to publish manifests. */
  controllerCredentials: { username: string; password: string };
  /** Hands an HTTP upgrade on /mqtt to the broker (MQTT over WebSocket on the HTTP port). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

const CONTROLLER_USERNAME = 'baruga-controller';

/** What a player (any client but the controller) may do, until per-player credentials arrive. */
function playerMayPublish(topic: string): boolean {
  return parseScreenTopic(topic)?.kind === 'status';
}
function playerMaySubscribe(topic: string): boolean {
  const parsed = parseScreenTopic(topic);
  // Exact topics only: no wildcard subscriptions that would read every screen at once.
  return !!parsed && (parsed.kind === 'manifest' || parsed.kind === 'status') && !/[+#]/.test(topic);
}

export async function startEmbeddedBroker(options: { port: number; host?: string }): Promise<EmbeddedBroker> {
  const password = crypto.randomBytes(24).toString('base64url');
  const controllers = new WeakSet<Client>();
  const broker = await Aedes.createBroker({
    authenticate(client, username, pass, done) {
      if (username === CONTROLLER_USERNAME) {
        const ok =
          !!pass &&
          crypto.timingSafeEqual(
            crypto.createHash('sha256').update(pass).digest(),
            crypto.createHash('sha256').update(password).digest(),
          );
        if (ok) controllers.add(client);
        if (!ok) {
          const error = Object.assign(new Error('bad controller credentials'), { returnCode: 4 as const });
          return done(error, false);
        }
      }
      done(null, true);
    },
    authorizePublish(client, packet, callback) {
      if (!client || controllers.has(client) || playerMayPublish(packet.topic)) return callback(null);
      callback(new Error(`publish to ${packet.topic} not allowed`));
    },
    authorizeSubscribe(client, subscription, callback) {
      if (controllers.has(client) || playerMaySubscribe(subscription.topic)) return callback(null, subscription);
      callback(new Error(`subscribe to ${subscription.topic} not allowed`));
    },
  });

  const server = net.createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  wss.on('connection', (ws, request) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    broker.handle(createWebSocketStream(ws), request);
  });

  return {
    port,
    controllerCredentials: { username: CONTROLLER_USERNAME, password },
    handleUpgrade(request, socket, head) {
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * With an external broker and no public WebSocket URL for it, players still connect to /mqtt on the
 * controller; this pipes each WebSocket to a TCP connection to that broker.
 */
export function createWebSocketBridge(brokerUrl: string) {
  const target = new URL(brokerUrl);
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    sockets.add(ws);
    const stream = createWebSocketStream(ws);
    const tcp = net.connect(Number(target.port || 1883), target.hostname);
    stream.pipe(tcp).pipe(stream);
    const end = () => {
      tcp.destroy();
      stream.destroy();
      sockets.delete(ws);
    };
    tcp.on('error', end);
    stream.on('error', end);
    ws.on('close', end);
  });
  return {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
