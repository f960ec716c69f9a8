import mqtt, { type MqttClient } from 'mqtt';
import { ErrorCode, topicMatches } from '@baruga/protocol';

/** The controller's raw MQTT link; code above messaging/ talks through `Messaging` (messaging.ts) instead. */
export interface Bus {
  publish(topic: string, payload: string, options: { retain: boolean; qos: 0 | 1 }): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(filter: string, handler: (topic: string, payload: Buffer) => void): Promise<() => void>;
  readonly connected: boolean;
  /**
   * Called each time the link comes back after a loss (not at the first connection): a broker that restarted
   * without persistence has lost every retained message.
   */
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
}

export class BrokerUnavailableError extends Error {
  readonly code = ErrorCode.brokerUnavailable;
}

/** The controller's own MQTT client, to an external broker (the embedded one is reached in process: `localBus`). */
export async function connectBus(
  url: string,
  options: { username?: string; password?: string; timeoutMs?: number; ca?: string } = {},
): Promise<Bus> {
  const client: MqttClient = mqtt.connect(url, {
    protocolVersion: 4, // aedes speaks MQTT 3.1.1 only
    clientId: `baruga-controller-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    clean: true,
    reconnectPeriod: 1000,
    connectTimeout: options.timeoutMs ?? 10_000,
    ...(options.username ? { username: options.username, password: options.password } : {}),
    // An external broker's mqtts:// certificate, checked against this CA (BARUGA_MQTT_CA) rather than the system's.
    ...(options.ca ? { ca: options.ca } : {}),
  });
  // Every (re)connection gets a new socket: turn Nagle off on each, or single publishes stall ~40 ms behind
  // delayed ACKs while player traffic flows (a repro: 300 publishes took 374 ms with Nagle, 68 ms without).
  client.on('connect', () => {
    const socket = client.stream as { setNoDelay?: (on: boolean) => void } | undefined;
    socket?.setNoDelay?.(true);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.end(true);
      reject(
        new BrokerUnavailableError(
          `MQTT broker at ${url} did not accept a connection within ${options.timeoutMs ?? 10_000} ms`,
        ),
      );
    }, options.timeoutMs ?? 10_000);
    client.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
  });

  // Registered once the first connection is made: every 'connect' from here on is the link coming back.
  const reconnected = new Set<() => void>();
  client.on('connect', () => {
    for (const handler of reconnected) handler();
  });

  const handlers = new Map<string, Set<(topic: string, payload: Buffer) => void>>();
  client.on('message', (topic, payload) => {
    for (const [filter, set] of handlers) {
      if (topicMatches(filter, topic)) for (const h of set) h(topic, payload);
    }
  });

  return {
    get connected() {
      return client.connected;
    },
    async publish(topic, payload, { retain, qos }) {
      // Fail now rather than queue in memory for an unknown time: callers keep what matters (manifests in the
      // database, commands until they expire) and send it again when the link is back.
      if (!client.connected) throw new BrokerUnavailableError(`MQTT broker at ${url} is not connected`);
      await client.publishAsync(topic, payload, { qos, retain });
    },
    onReconnect(handler) {
      reconnected.add(handler);
    },
    async subscribe(filter, handler) {
      let set = handlers.get(filter);
      if (!set) {
        set = new Set();
        handlers.set(filter, set);
        await client.subscribeAsync(filter, { qos: 1 });
      }
      set.add(handler);
      return () => {
        set.delete(handler);
        if (set.size === 0) {
          handlers.delete(filter);
          client.unsubscribe(filter);
        }
      };
    },
    async close() {
      await client.endAsync();
    },
  };
}
