import net from 'node:net';
import tls from 'node:tls';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Aedes, type Client } from 'aedes';
import type { BrokerClient, Decision, PlayerAccess } from './broker-rules';
import { BrokerUnavailableError, type Bus } from './bus';
import { GuardedConnection } from './packet-size-guard';
import { DEFAULT_RETAINED_LIMITS, indexedMemoryPersistence } from './retained-index';
import { WebSocketServer, createWebSocketStream, type WebSocket } from 'ws';

export interface EmbeddedBroker {
  /** TCP port the broker listens on (resolved when 0 was asked for). */
  port: number;
  /** MQTT over TLS port, when a certificate is configured. */
  tlsPort: number | null;
  /**
   * The controller's own link to this broker, in process (see `localBus`): what `connectBus` does over a socket,
   * without one.
   */
  readonly bus: Bus;
  /** Hands an HTTP upgrade on /mqtt to the broker (MQTT over WebSocket on the HTTP port). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection of a player (it was revoked); its credentials are refused from then on. */
  disconnectPlayer(playerId: string): number;
  close(): Promise<void>;
}

export async function startEmbeddedBroker(options: {
  port: number;
  host?: string;
  /** Per-player credentials and topic rules, derived from the message table (broker-rules.ts). */
  access: PlayerAccess;
  /**
   * MQTT over TLS on `tls.port` with this certificate. The plain port then listens on loopback only: nothing on
   * the network should speak MQTT in the clear.
   */
  tls?: { cert: string; key: string; port: number };
  /** A retained message not kept: the store is at its limits (retained-index.ts). */
  onRefusedRetained?: (event: { topic: string; bytes: number; reason: string }) => void;
  /** A connection closed for announcing a packet over its limit (for the log). */
  onRefusedPacket?: (event: { from: string; announcedBytes: number }) => void;
}): Promise<EmbeddedBroker> {
  const access = options.access;
  /** Enrolled players' connections, by client, to apply their rules and to cut them off. */
  const players = new Map<Client, string>();
  /** Anonymous connections and the one screen each is bound to once it has reached one. */
  const anonymous = new Map<Client, string | null>();
  const guardOf = (client: Client) => (client.conn instanceof GuardedConnection ? client.conn : null);
  /** The client as the rules see it (the controller is not a client: it publishes in process, `localBus`). */
  const who = (client: Client): BrokerClient => {
    const playerId = players.get(client);
    return playerId !== undefined ? { playerId } : { anonymous: true, screen: anonymous.get(client) ?? null };
  };
  const decide = (client: Client, decision: Decision): boolean => {
    if (decision.allowed && decision.bind !== undefined && anonymous.has(client)) anonymous.set(client, decision.bind);
    return decision.allowed;
  };
  const broker = await Aedes.createBroker({
    // Retained messages found by topic, not by walking them all on every subscribe (retained-index.ts).
    persistence: indexedMemoryPersistence({
      ...DEFAULT_RETAINED_LIMITS,
      onRefused: (event) => options.onRefusedRetained?.(event),
    }) as never,
    authenticate(client, username, pass, done) {
      if (username) {
        const result = access.authenticate(username, pass?.toString('utf8') ?? '');
        if (result.ok) {
          players.set(client, result.playerId);
          const guard = guardOf(client);
          if (guard) guard.maxPacketBytes = access.maxPacketBytes({ playerId: result.playerId });
          return done(null, true);
        }
        // 5 "not authorized" for a revoked player, 4 "bad user name or password" for anything else.
        const error = Object.assign(new Error('player credentials refused'), {
          returnCode: result.revoked ? (5 as const) : (4 as const),
        });
        return done(error, false);
      }
      if (!access.allowAnonymous) {
        return done(Object.assign(new Error('anonymous players are not allowed'), { returnCode: 5 as const }), false);
      }
      anonymous.set(client, null);
      const guard = guardOf(client);
      if (guard) guard.maxPacketBytes = access.maxPacketBytes({ anonymous: true, screen: null });
      done(null, true);
    },
    authorizePublish(client, packet, callback) {
      if (!client) return callback(null);
      const decision = access.mayPublish(who(client), {
        topic: packet.topic,
        bytes: packet.payload.length,
        retain: packet.retain,
      });
      if (decide(client, decision)) return callback(null);
      callback(new Error(`publish to ${packet.topic} not allowed`));
    },
    authorizeSubscribe(client, subscription, callback) {
      if (decide(client, access.maySubscribe(who(client), subscription.topic))) return callback(null, subscription);
      // A player asking for someone else's topic gets a refused SUBACK (0x80) and keeps its connection.
      callback(null, null);
    },
  });
  broker.on('clientDisconnect', (client) => {
    players.delete(client);
    anonymous.delete(client);
  });

  /** Every connection starts small (a CONNECT); authenticate raises the limit to what the client may send. */
  const guarded = (stream: Duplex, from: string) =>
    new GuardedConnection(stream, access.maxPacketBytes('unauthenticated'), (announced) =>
      options.onRefusedPacket?.({ from, announcedBytes: announced }),
    );

  // No Nagle: a manifest or a command is one small packet that must leave now, not after the next ACK.
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    broker.handle(guarded(socket, socket.remoteAddress ?? 'unknown'));
  });
  const port = await listen(server, options.port, options.tls ? '127.0.0.1' : (options.host ?? '0.0.0.0'));
  const secure = options.tls
    ? tls.createServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, (socket) => {
        socket.setNoDelay(true);
        broker.handle(guarded(socket, socket.remoteAddress ?? 'unknown'));
      })
    : null;
  const tlsPort = secure && options.tls ? await listen(secure, options.tls.port, options.host ?? '0.0.0.0') : null;

  // A frame is never larger than the largest packet anyone may send (ws would otherwise take 100 MiB).
  const wss = new WebSocketServer({ noServer: true, maxPayload: access.maxPacketBytes('controller') });
  const sockets = new Set<WebSocket>();
  wss.on('connection', (ws, request) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    broker.handle(guarded(createWebSocketStream(ws), request.socket.remoteAddress ?? 'unknown'), request);
  });

  const bus = localBus(broker);
  return {
    port,
    tlsPort,
    bus,
    handleUpgrade(request, socket, head) {
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    disconnectPlayer(playerId) {
      let closed = 0;
      for (const [client, id] of players) {
        if (id !== playerId) continue;
        players.delete(client);
        client.close();
        closed++;
      }
      return closed;
    },
    async close() {
      await bus.close();
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (secure) await new Promise<void>((resolve) => secure.close(() => resolve()));
    },
  };
}

/**
 * The controller's link to the broker it runs, in the same process. A publish enters aedes as the broker's own
 * (stored if retained, then handed to each subscriber's connection): no socket, no encoding and parsing, no PUBACK,
 * and no rules, as the controller's own client had none. A subscription is a listener on aedes's emitter that first
 * hears the retained messages its filter matches, as a subscribing client would. Over a socket, a fan-out to a
 * thousand screens cost the controller's one thread two thousand writes and a thousand parses more than it needs
 * (bench/alerts: docs/alerts.md).
 */
export function localBus(broker: Aedes): Bus {
  let open = true;
  const listeners = new Set<{ filter: string; deliver: (packet: AedesPacket, done: () => void) => void }>();
  // A fan-out sends the same bytes to many screens: encoded once, not once per screen (aedes never writes into a
  // payload it was given).
  let last = { text: '', bytes: Buffer.alloc(0) };
  const bytesOf = (text: string) => {
    if (text !== last.text) last = { text, bytes: Buffer.from(text) };
    return last.bytes;
  };
  return {
    get connected() {
      return open;
    },
    publish(topic, payload, { retain, qos }) {
      if (!open) return Promise.reject(new BrokerUnavailableError('the embedded broker is closed'));
      return new Promise((resolve, reject) => {
        broker.publish({ cmd: 'publish', topic, payload: bytesOf(payload), qos, retain, dup: false }, (error) =>
          error ? reject(error) : resolve(),
        );
      });
    },
    // The broker lives and dies with this process: the link never comes back from a loss.
    onReconnect: () => undefined,
    async subscribe(filter, handler) {
      const deliver = (packet: AedesPacket, done: () => void) => {
        // Handlers are the controller's own and guard themselves (messaging.ts); the broker must go on regardless.
        // The broker hears back on the next turn, as its own deliveries do: a synchronous answer nests each
        // publish inside the last one's, and a herd of acknowledgements overflowed the stack.
        try {
          handler(packet.topic, packet.payload as Buffer);
        } finally {
          setImmediate(done);
        }
      };
      const listener = { filter, deliver };
      listeners.add(listener);
      await new Promise<void>((resolve) => broker.subscribe(filter, deliver, resolve));
      const persistence = (broker as unknown as { persistence: RetainedSource }).persistence;
      for await (const packet of persistence.createRetainedStreamCombi([filter]) as AsyncIterable<AedesPacket>) {
        handler(packet.topic, packet.payload as Buffer);
      }
      return () => {
        if (!listeners.delete(listener)) return;
        broker.unsubscribe(filter, deliver, () => undefined);
      };
    },
    async close() {
      if (!open) return;
      open = false;
      await Promise.all(
        [...listeners].map((l) => new Promise<void>((resolve) => broker.unsubscribe(l.filter, l.deliver, resolve))),
      );
      listeners.clear();
    },
  };
}
type AedesPacket = Parameters<Parameters<Aedes['subscribe']>[1]>[0];
interface RetainedSource {
  createRetainedStreamCombi(patterns: string[]): NodeJS.ReadableStream;
}

/** Listens and says on which port (the one asked for, or the free one picked for 0). */
async function listen(server: net.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
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
