import { type PlayerStatus, type Screen, topics } from '@baruga/protocol';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

const SCREEN = 'kiosk-herd';

/** One connection attempt of a player: its last will says offline with the attempt's number, if it has one. */
function attempt(port: number, clientId: string, connectionSeq?: number): Promise<MqttClient> {
  const will: PlayerStatus = {
    state: 'offline',
    playerId: 'web-herd',
    at: new Date().toISOString(),
    ...(connectionSeq === undefined ? {} : { connectionSeq }),
  };
  return mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    protocolVersion: 4,
    clientId,
    reconnectPeriod: 0,
    connectTimeout: 3000,
    will: { topic: topics.status(SCREEN), payload: Buffer.from(JSON.stringify(will)), qos: 1, retain: true },
  });
}

const online = (connectionSeq?: number): string =>
  JSON.stringify({
    state: 'online',
    playerId: 'web-herd',
    at: new Date().toISOString(),
    ...(connectionSeq === undefined ? {} : { connectionSeq }),
  } satisfies PlayerStatus);

describe('presence after a reconnect herd', () => {
  let t: Started;
  let port: number;
  const clients: MqttClient[] = [];
  /** Every status the controller has handled, in order (its own handler runs after the presence handler). */
  const heard: PlayerStatus[] = [];

  beforeAll(async () => {
    t = await startTestController();
    port = t.controller.mqttPort ?? 0;
    t.controller.messaging.on('status', (status, screenId) => {
      if (screenId === SCREEN) heard.push(status);
    });
    const created = await t.controller.app.inject({
      method: 'POST',
      url: '/api/screens',
      headers: t.auth,
      payload: { id: SCREEN, name: 'Kiosk', width: 1280, height: 720 },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => {
    for (const c of clients) c.end(true);
    await t.controller.close();
  });

  const connected = async () =>
    (await t.controller.app.inject({ method: 'GET', url: `/api/screens/${SCREEN}`, headers: t.auth })).json<Screen>()
      .connected;
  /** Waits until the controller has handled `count` statuses of the screen. */
  const handled = (count: number) => expect.poll(() => heard.length, { timeout: 3000 }).toBeGreaterThanOrEqual(count);
  /** Drops a connection without DISCONNECT, as a power cut or an abandoned attempt does: the broker sends its will. */
  const cut = (client: MqttClient) => client.end(true);

  it("ignores an abandoned attempt's last will that arrives after the live connection said online", async () => {
    // 1. After a power cut the player tries to connect; the broker is slow, the player gives up on attempt 41
    //    (but the broker accepts it) and tries again: attempt 42 connects and says online.
    const abandoned = await attempt(port, 'web-herd-kiosk-a', 41);
    clients.push(abandoned);
    const live = await attempt(port, 'web-herd-kiosk-b', 42);
    clients.push(live);
    await live.publishAsync(topics.status(SCREEN), online(42), { qos: 1, retain: true });
    await handled(1);
    expect(await connected()).toBe(true);

    // 2. The broker drops the abandoned attempt and publishes its will, after the live "online".
    cut(abandoned);
    await handled(2);
    expect(heard[1]).toMatchObject({ state: 'offline', connectionSeq: 41 });
    // The console still shows the screen connected: the will came from an older connection.
    expect(await connected()).toBe(true);

    // 3. The same will again (a controller restart replays the broker's retained status) changes nothing either.
    const replay = await attempt(port, 'web-herd-replay');
    clients.push(replay);
    await replay.publishAsync(
      topics.status(SCREEN),
      JSON.stringify({ state: 'offline', playerId: 'web-herd', at: new Date().toISOString(), connectionSeq: 41 }),
      { qos: 1, retain: true },
    );
    await handled(3);
    expect(await connected()).toBe(true);

    // 4. When the live connection itself goes, its own will (same number) marks the screen offline at once.
    cut(live);
    await handled(4);
    expect(heard[3]).toMatchObject({ state: 'offline', connectionSeq: 42 });
    expect(await connected()).toBe(false);
  });

  it('takes statuses without a connection number in the order they arrive, as before', async () => {
    const abandoned = await attempt(port, 'web-herd-legacy-a');
    clients.push(abandoned);
    const live = await attempt(port, 'web-herd-legacy-b');
    clients.push(live);
    const before = heard.length;
    await live.publishAsync(topics.status(SCREEN), online(), { qos: 1, retain: true });
    await handled(before + 1);
    expect(await connected()).toBe(true);
    // A player that does not number its connections cannot be told apart: its stale will wins, as it always did.
    cut(abandoned);
    await handled(before + 2);
    expect(await connected()).toBe(false);
    cut(live);
  });
});
