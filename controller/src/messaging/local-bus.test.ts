import { topics } from '@baruga/protocol';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlayerAccess } from './broker-rules';
import { BrokerUnavailableError } from './bus';
import { type EmbeddedBroker, startEmbeddedBroker } from './embedded-broker';

/** Rules that let every client do anything: what is tested here is the controller's own link, not the rules. */
const open: PlayerAccess = {
  allowAnonymous: true,
  authenticate: () => ({ ok: false, revoked: false }),
  mayPublish: () => ({ allowed: true }),
  maySubscribe: () => ({ allowed: true }),
  maxPacketBytes: () => 64 * 1024,
};

const connect = (port: number) =>
  mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { protocolVersion: 4, reconnectPeriod: 0 });

describe("the controller's in-process link to the embedded broker", () => {
  let broker: EmbeddedBroker | null = null;
  const clients: MqttClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.end(true);
    await broker?.close();
    broker = null;
  });

  it('publishes retained messages a client subscribing later receives, and clears them', async () => {
    broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', access: open });
    await broker.bus.publish(topics.manifest('lobi'), '{"v":1}', { retain: true, qos: 1 });
    const client = await connect(broker.port);
    clients.push(client);
    const got = new Promise<string>((resolve) => client.on('message', (_t, p) => resolve(p.toString())));
    await client.subscribeAsync(topics.manifest('lobi'), { qos: 1 });
    expect(await got).toBe('{"v":1}');

    await broker.bus.publish(topics.manifest('lobi'), '', { retain: true, qos: 1 });
    const late = await connect(broker.port);
    clients.push(late);
    const heard: string[] = [];
    late.on('message', (_t, p) => heard.push(p.toString()));
    await late.subscribeAsync(topics.manifest('lobi'), { qos: 1 });
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual([]);
  });

  it('hears the retained messages its filter matches when it subscribes, then what clients publish', async () => {
    broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', access: open });
    const player = await connect(broker.port);
    clients.push(player);
    await player.publishAsync(topics.status('lobi'), '{"state":"online"}', { qos: 1, retain: true });
    const heard: string[] = [];
    const stop = await broker.bus.subscribe('baruga/v1/screens/+/status', (topic, payload) =>
      heard.push(`${topic} ${payload.toString()}`),
    );
    expect(heard).toEqual(['baruga/v1/screens/lobi/status {"state":"online"}']);
    await player.publishAsync(topics.status('lobi'), '{"state":"playing"}', { qos: 1, retain: true });
    await expect.poll(() => heard.length).toBe(2);
    stop();
    await player.publishAsync(topics.status('lobi'), '{"state":"offline"}', { qos: 1, retain: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toHaveLength(2);
  });

  it('takes a herd of acknowledgements arriving during a fan-out without losing one or its footing', async () => {
    // Deliveries held by a subscribing client fill the broker's queue; answering the broker synchronously then
    // drained the queued acknowledgements each inside the last one's call, and a thousand-screen herd overflowed
    // the stack.
    broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', access: open });
    const bus = broker.bus;
    let heard = 0;
    await bus.subscribe('baruga/v1/screens/+/alert-ack', () => (heard += 1));
    const watcher = await connect(broker.port);
    clients.push(watcher);
    await watcher.subscribeAsync('baruga/v1/screens/+/alert', { qos: 1 });
    const herd = await Promise.all(Array.from({ length: 20 }, () => connect(broker?.port ?? 0)));
    clients.push(...herd);
    const fanOut = Array.from({ length: 5000 }, (_, i) =>
      bus.publish(`baruga/v1/screens/s-${i}/alert`, '{}', { retain: false, qos: 1 }),
    );
    for (const [i, client] of herd.entries()) {
      for (let k = 0; k < 1000; k++) client.publish(`baruga/v1/screens/s-${i}/alert-ack`, '{}', { qos: 0 });
    }
    await Promise.all(fanOut);
    await expect.poll(() => heard, { timeout: 10_000 }).toBe(20_000);
  }, 30_000);

  it('refuses to publish once closed, as a lost link does', async () => {
    broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', access: open });
    const { bus } = broker;
    expect(bus.connected).toBe(true);
    await bus.close();
    expect(bus.connected).toBe(false);
    await expect(bus.publish(topics.manifest('lobi'), '{}', { retain: true, qos: 1 })).rejects.toBeInstanceOf(
      BrokerUnavailableError,
    );
  });
});
