import net from 'node:net';
import { type CommandView, ErrorCode, type EnrollResponse, topics } from '@baruga/protocol';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

/** An anonymous MQTT client as a browser tab is one (MQTT 3.1.1, no credentials). */
function anonymous(port: number): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, { protocolVersion: 4, reconnectPeriod: 0 });
    client.once('connect', () => resolve(client));
    client.once('error', reject);
  });
}

const closed = (client: MqttClient, timeoutMs = 3000) =>
  new Promise<boolean>((resolve) => {
    if (!client.connected) return resolve(true);
    const timer = setTimeout(() => resolve(false), timeoutMs);
    client.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

async function granted(client: MqttClient, topic: string): Promise<boolean> {
  try {
    const [grant] = await client.subscribeAsync(topic, { qos: 1 });
    return (grant?.qos ?? 128) < 128;
  } catch {
    return false;
  }
}

/** A CONNECT (MQTT 3.1.1, clean session, no credentials) written by hand, to send a bare header after it. */
function connectPacket(clientId: string): Buffer {
  const id = Buffer.from(clientId);
  const body = Buffer.concat([
    Buffer.from([0, 4]),
    Buffer.from('MQTT'),
    Buffer.from([4, 0x02, 0, 60, id.length >> 8, id.length & 0xff]),
    id,
  ]);
  return Buffer.concat([Buffer.from([0x10, body.length]), body]);
}

describe('the embedded broker holds anonymous clients to their rules', () => {
  let t: Started;
  let port: number;
  const clients: MqttClient[] = [];
  beforeAll(async () => {
    t = await startTestController();
    port = t.controller.mqttPort ?? 0;
    for (const [id, isPublic] of [
      ['free', false],
      ['also-free', false],
      ['own', false],
      ['videotron', true],
    ] as const) {
      await inject('POST', '/api/screens', { id, name: id, width: 640, height: 360, public: isPublic });
    }
    const enrolled = (await inject('POST', '/api/players/enroll', { host: 'chromium' }, {})).json<EnrollResponse>();
    await inject('POST', '/api/players/pair', { code: enrolled.pairingCode, name: 'Kiosk', screens: ['own'] });
  });
  afterAll(async () => {
    for (const c of clients) c.end(true);
    await t.controller.close();
  });

  function inject(method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = t.auth) {
    return t.controller.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  }

  it('cannot acknowledge a command: the broker closes the connection and the command stays as it was', async () => {
    // A command left pending on a screen that is unclaimed now (its player was moved elsewhere).
    t.controller.repos.commands.create({
      id: '6b0b7a1e-3c37-4bb2-9a51-2a8b1a0f4c11',
      name: 'reload',
      params: {},
      target: { kind: 'screen', id: 'free' },
      issuedBy: 'admin',
      issuedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 300_000).toISOString(),
    });
    const tab = await anonymous(port);
    clients.push(tab);
    tab.publish(
      topics.acks('free'),
      JSON.stringify({
        commandId: '6b0b7a1e-3c37-4bb2-9a51-2a8b1a0f4c11',
        playerId: 'web-x',
        screenId: 'free',
        ok: false,
        code: 'BARUGA_ERR_COMMAND_FAILED',
        message: 'forged',
        at: new Date().toISOString(),
      }),
      { qos: 1 },
    );
    expect(await closed(tab)).toBe(true);
    const command = (await inject('GET', '/api/commands/6b0b7a1e-3c37-4bb2-9a51-2a8b1a0f4c11')).json<CommandView>();
    expect(command.state).toBe('pending');
  });

  it('reaches one open screen only: not a public one, not a second one on the same connection', async () => {
    const videotronTab = await anonymous(port);
    clients.push(videotronTab);
    expect(await granted(videotronTab, topics.manifest('videotron'))).toBe(false);

    const tab = await anonymous(port);
    clients.push(tab);
    expect(await granted(tab, topics.manifest('free'))).toBe(true);
    expect(await granted(tab, topics.manifest('also-free'))).toBe(false);
    // Its status on another screen (even an open one) is not its own: the connection goes.
    tab.publish(topics.status('also-free'), JSON.stringify({ state: 'online' }), { qos: 1, retain: true });
    expect(await closed(tab)).toBe(true);
  });

  it('ends a connection whose packet header announces 20 MB, before reading the body', async () => {
    const socket = net.connect(port, '127.0.0.1');
    const ended = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
    socket.on('error', () => {});
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(connectPacket('bomb-1'));
    await new Promise<void>((resolve) => socket.once('data', () => resolve()));
    // A retained PUBLISH header claiming 20 MiB (remaining length in four bytes), and not one byte of its body.
    const size = 20 * 1024 * 1024;
    const length = [(size % 128) | 0x80, ((size >> 7) % 128) | 0x80, ((size >> 14) % 128) | 0x80, size >> 21];
    const sentAt = Date.now();
    socket.write(Buffer.from([0x31, ...length]));
    const endedAt = await Promise.race([ended, new Promise<number>((r) => setTimeout(() => r(-1), 3000))]);
    socket.destroy();
    expect(endedAt, 'the broker waited for the 20 MB body').toBeGreaterThan(0);
    expect(endedAt - sentAt).toBeLessThan(3000);
    // Nothing was stored for the screen.
    const screens = (await inject('GET', '/api/screens')).json<{ id: string; connected: boolean }[]>();
    expect(screens.find((s) => s.id === 'free')?.connected).toBe(false);
  });

  it('commands for a screen only anonymous tabs play: sent without an answer, and never a screenshot', async () => {
    const reload = await inject('POST', '/api/screens/free/commands', { name: 'reload' });
    expect(reload.statusCode).toBe(202);
    expect(reload.json<CommandView>()).toMatchObject({ state: 'sent', code: null });
    for (const name of ['screenshot', 'restart-host']) {
      const refused = await inject('POST', '/api/screens/free/commands', { name });
      expect([refused.statusCode, refused.json().error.code], name).toEqual([409, ErrorCode.screenNotEnrolled]);
    }
    // An enrolled player's screen still takes a screenshot command, and waits for its answer.
    const shot = await inject('POST', '/api/screens/own/commands', { name: 'screenshot' });
    expect(shot.json<CommandView>().state).toBe('pending');
  });
});
