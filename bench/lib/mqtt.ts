import mqtt, { type MqttClient } from 'mqtt';
import { startBareBroker } from './bare-broker';

/**
 * The bare MQTT round trip: one Node client publishes a small message (QoS 1, as manifests go) through a bare
 * broker (the aedes the controller embeds, no access rules: bare-broker.ts) to another that subscribes to it;
 * nothing else happens. Publish-to-screen needs at least this much (a request reaches the server, a message
 * reaches the player), so it is the physical limit for those figures. Its own broker, since the controller's lets
 * no client publish a topic it also reads. Two clients, not one that hears its own message: on one socket the
 * broker's PUBACK and the forwarded message meet Nagle's algorithm and delayed ACKs, and the trip reads ~80 ms
 * instead of ~1 ms. Resolves with each trip in ms.
 */
export async function mqttRoundTrips(count: number): Promise<number[]> {
  const broker = await startBareBroker();
  const url = `mqtt://127.0.0.1:${broker.port}`;
  const subscriber = await mqtt.connectAsync(url, { protocolVersion: 4 });
  const publisher = await mqtt.connectAsync(url, { protocolVersion: 4 });
  const topic = 'baruga/v1/screens/bench-mqtt-floor/status';
  try {
    await subscriber.subscribeAsync(topic, { qos: 1 });
    const trips: number[] = [];
    let waiting: ((at: number) => void) | null = null;
    subscriber.on('message', () => waiting?.(performance.now()));
    for (let i = 0; i < count; i++) {
      const payload = JSON.stringify({ state: 'online', playerId: 'bench-floor', at: new Date().toISOString() });
      const received = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`MQTT round trip ${i} got no message in 5 s`)), 5000);
        waiting = (at) => {
          clearTimeout(timer);
          waiting = null;
          resolve(at);
        };
      });
      const started = performance.now();
      publisher.publish(topic, payload, { qos: 1 });
      trips.push((await received) - started);
    }
    return trips;
  } finally {
    await publisher.endAsync();
    await subscriber.endAsync();
    await broker.close();
  }
}

/**
 * When a bare subscriber receives each version of a screen's manifest (Date.now(), like the player's paint
 * times). `arrival` waits a while for a version that has not come yet, since a browser may paint before a
 * Node client is scheduled; one that never comes is undefined, to be counted, not silently dropped.
 */
export async function manifestArrivals(client: MqttClient, screenId: string) {
  const arrivals = new Map<number, number>();
  const waiters = new Map<number, () => void>();
  await client.subscribeAsync(`baruga/v1/screens/${screenId}/manifest`, { qos: 1 });
  client.on('message', (_topic, payload) => {
    // The wire message is the signed envelope { manifest, signature, keyId }.
    const version = (JSON.parse(payload.toString()) as { manifest?: { version?: number } }).manifest?.version;
    if (version === undefined || arrivals.has(version)) return;
    arrivals.set(version, Date.now());
    waiters.get(version)?.();
  });
  return {
    async arrival(version: number, timeoutMs = 5000): Promise<number | undefined> {
      if (!arrivals.has(version)) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          waiters.set(version, () => {
            clearTimeout(timer);
            resolve();
          });
        });
        waiters.delete(version);
      }
      return arrivals.get(version);
    },
  };
}
