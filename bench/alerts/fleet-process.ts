import { topicFor } from '@baruga/protocol';
import mqtt, { type MqttClient } from 'mqtt';

/**
 * One process of simulated players for bench/alerts (started by fleet.ts): an MQTT client per screen, subscribed to
 * its screen's alert topic as a player is, answering each new notice with an acknowledgement at once, as a player
 * does on its first painted frame (here there is no frame: the figure is the delivery path, not the paint).
 * Connects in batches so the broker sees a herd, not a stampede; reports over IPC.
 */

interface Init {
  url: string;
  screens: string[];
}

const clients: MqttClient[] = [];
let acked = 0;
let lost = 0;

function connectOne(url: string, screenId: string): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(url, {
      protocolVersion: 4,
      clientId: `bench-${screenId}`,
      clean: true,
      keepalive: 120,
      reconnectPeriod: 0,
      connectTimeout: 60_000,
    });
    const seen = new Set<string>();
    client.on('message', (_topic, payload) => {
      if (payload.length === 0) return;
      // Only the newest notice's id is read: the fleet's CPU is the same machine's as the controller's, and what is
      // measured is the controller's fan-out and the broker, not a thousand players' parsing on two cores.
      const newest = (JSON.parse(payload.toString()) as { alerts?: { id?: string }[] }).alerts?.[0];
      if (!newest?.id) return;
      if (seen.has(newest.id)) return;
      seen.add(newest.id);
      acked += 1;
      client.publish(
        topicFor('alertAck', screenId),
        JSON.stringify({ alertId: newest.id, screenId, playerId: null, shownAt: new Date().toISOString() }),
        { qos: 1 },
      );
    });
    client.on('close', () => {
      if (client.connected === false && clients.includes(client)) lost += 1;
    });
    client.once('connect', () => {
      (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
      client.subscribe(topicFor('alert', screenId), { qos: 1 }, (error) => (error ? reject(error) : resolve(client)));
    });
    client.once('error', reject);
  });
}

async function init({ url, screens }: Init): Promise<void> {
  const BATCH = 200;
  for (let i = 0; i < screens.length; i += BATCH) {
    const batch = await Promise.all(screens.slice(i, i + BATCH).map((s) => connectOne(url, s)));
    clients.push(...batch);
  }
}

process.on('message', (raw) => {
  const message = raw as { cmd: string } & Partial<Init>;
  if (message.cmd === 'init') {
    init(message as Init).then(
      () => process.send?.({ ready: clients.length }),
      (error: unknown) => process.send?.({ error: String(error) }),
    );
  } else if (message.cmd === 'report') {
    process.send?.({ report: { connected: clients.filter((c) => c.connected).length, acked, lost } });
  } else if (message.cmd === 'close') {
    for (const c of clients) c.end(true);
    process.send?.({ closed: true });
    setImmediate(() => process.exit(0));
  }
});
