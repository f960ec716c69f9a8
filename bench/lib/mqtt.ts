import mqtt, { type MqttClient } from 'mqtt';

/**
 * The bare MQTT round trip: a Node client publishes a small message (QoS 1) through the broker to a topic it
 * subscribes to, and receives it back; nothing else happens. Publish-to-screen needs at least this much (a
 * request reaches the server, a message reaches the player), so it is the physical limit for those figures.
 * The topic is the status topic of a screen that does not exist, which anonymous clients may use and the
 * controller ignores after one lookup. Resolves with each round trip in ms.
 */
export async function mqttRoundTrips(mqttPort: number, count: number): Promise<number[]> {
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort}`, { protocolVersion: 4 });
  const topic = 'baruga/v1/screens/bench-mqtt-floor/status';
  try {
    await client.subscribeAsync(topic, { qos: 1 });
    const trips: number[] = [];
    let waiting: ((at: number) => void) | null = null;
    client.on('message', () => waiting?.(performance.now()));
    for (let i = 0; i < count; i++) {
      const payload = JSON.stringify({ state: 'online', playerId: 'bench-floor', at: new Date().toISOString() });
      const started = performance.now();
      const received = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`MQTT round trip ${i} got no message in 5 s`)), 5000);
        waiting = (at) => {
          clearTimeout(timer);
          waiting = null;
          resolve(at);
        };
      });
      await client.publishAsync(topic, payload, { qos: 1 });
      trips.push((await received) - started);
    }
    return trips;
  } finally {
    await client.endAsync();
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
