import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Screen, messages, topics } from '@baruga/protocol';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createRepositories } from '../db/repositories';
import { startTestController } from '../testing/test-controller';
import { mosquittoAcl, mosquittoConf, mosquittoPasswords } from './mosquitto-config';

const MOSQUITTO = process.env.BARUGA_MOSQUITTO ?? '/usr/sbin/mosquitto';
const CONTROLLER = { username: 'baruga-controller', password: 'rahasia-broker-123' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Connects; resolves with the client, or rejects with the CONNACK refusal. */
function connect(port: number, credentials?: { username: string; password: string }): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: 3000,
      ...credentials,
    });
    client.once('connect', () => resolve(client));
    client.once('error', (error) => {
      client.end(true);
      reject(error);
    });
  });
}

async function granted(client: MqttClient, topic: string): Promise<boolean> {
  try {
    const [grant] = await client.subscribeAsync(topic, { qos: 1 });
    return (grant?.qos ?? 128) < 128;
  } catch {
    return false;
  }
}

describe('Debian Mosquitto with the generated password file and ACL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-mosquitto-'));
  const brokerDir = path.join(dataDir, 'mosquitto');
  let port = 0;
  let mosquitto: ChildProcess;
  let player: { playerId: string; secret: string };
  let other: { playerId: string; secret: string };
  let started: Awaited<ReturnType<typeof startTestController>>;
  const clients: MqttClient[] = [];

  /** As `npm run mosquitto:config` writes them, from the database as it is now. */
  const writeBrokerFiles = () => {
    const db = openDatabase(path.join(dataDir, 'baruga.sqlite'));
    const players = createRepositories(db).players.brokerPlayers();
    db.close();
    fs.mkdirSync(brokerDir, { recursive: true });
    const passwordFile = path.join(brokerDir, 'passwd');
    const aclFile = path.join(brokerDir, 'acl');
    fs.writeFileSync(passwordFile, mosquittoPasswords(players, CONTROLLER), { mode: 0o600 });
    fs.writeFileSync(aclFile, mosquittoAcl(players, CONTROLLER));
    return { passwordFile, aclFile };
  };

  beforeAll(async () => {
    // 1. Two screens, each driven by its own enrolled player.
    const db = openDatabase(path.join(dataDir, 'baruga.sqlite'));
    const repos = createRepositories(db);
    for (const id of ['lobi-1', 'lobi-2']) {
      repos.screens.create({
        id,
        name: id,
        width: 1280,
        height: 720,
        timezone: 'Asia/Makassar',
        locale: 'id-ID',
        public: false,
      });
    }
    const enroll = (screen: string) => {
      const p = repos.players.createPending({ host: 'chromium', hostVersion: '1', platform: 'linux' });
      repos.players.approve(p.playerId, `Kiosk ${screen}`, [screen]);
      return { playerId: p.playerId, secret: p.secret };
    };
    player = enroll('lobi-1');
    other = enroll('lobi-2');
    db.close();

    // 2. Mosquitto with the generated files, on loopback.
    port = await freePort();
    const conf = path.join(brokerDir, 'mosquitto.conf');
    const files = writeBrokerFiles();
    fs.writeFileSync(
      conf,
      mosquittoConf(files, port).replace(`listener ${port}`, `listener ${port} 127.0.0.1`) +
        // Started as root, Mosquitto drops to its own user, which cannot read a private temp folder: stay us.
        `persistence false\nuser ${os.userInfo().username}\n`,
    );
    mosquitto = spawn(MOSQUITTO, ['-c', conf], { stdio: 'ignore' });
    // Up when it accepts the controller's account (bounded: 10 s).
    for (let tries = 0; ; tries++) {
      const up = await connect(port, CONTROLLER).then(
        (c) => (c.end(true), true),
        () => false,
      );
      if (up) break;
      if (tries > 100) throw new Error('mosquitto did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // 3. The controller on that broker, its account in BARUGA_MQTT_URL.
    started = await startTestController({
      BARUGA_DATA: dataDir,
      BARUGA_MQTT_URL: `mqtt://${CONTROLLER.username}:${CONTROLLER.password}@127.0.0.1:${port}`,
    });
  });
  afterAll(async () => {
    for (const c of clients) c.end(true);
    await started?.controller.close();
    if (mosquitto && mosquitto.exitCode === null) {
      const exited = new Promise((resolve) => mosquitto.once('exit', resolve));
      mosquitto.kill('SIGTERM');
      await exited;
    }
  });

  it('lets a player reach its own screen only, with its own secret, and delivers the controller its status', async () => {
    const me = await connect(port, { username: player.playerId, password: player.secret });
    clients.push(me);
    const heard: string[] = [];
    me.on('message', (topic) => heard.push(topic));
    // Mosquitto grants any SUBACK and checks the ACL on every message it would deliver instead.
    for (const topic of [topics.manifest('lobi-1'), topics.manifest('lobi-2'), 'baruga/v1/screens/+/manifest']) {
      await me.subscribeAsync(topic, { qos: 1 });
    }
    expect(await granted(me, topics.playerCommands(player.playerId))).toBe(true);

    // The controller publishes both screens; only the player's own manifest reaches it (the other went first).
    for (const id of ['lobi-2', 'lobi-1']) {
      const published = await started.controller.app.inject({
        method: 'POST',
        url: `/api/screens/${id}/publish`,
        headers: started.auth,
      });
      expect(published.statusCode, published.body).toBe(200);
    }
    await expect.poll(() => heard.includes(topics.manifest('lobi-1'))).toBe(true);
    expect(heard).toEqual([topics.manifest('lobi-1')]);

    // A status the player publishes on its screen reaches the controller.
    const status = { state: 'online', playerId: player.playerId, at: new Date().toISOString(), connectionSeq: 1 };
    await me.publishAsync(topics.status('lobi-1'), JSON.stringify(status), { qos: 1, retain: true });
    const screen = async (id: string) =>
      (
        await started.controller.app.inject({ method: 'GET', url: `/api/screens/${id}`, headers: started.auth })
      ).json<Screen>();
    await expect.poll(async () => (await screen('lobi-1')).connected).toBe(true);

    // Publishing on another player's screen is dropped by the broker: the controller never hears it.
    await me.publishAsync(topics.status('lobi-2'), JSON.stringify(status), { qos: 1, retain: true });
    await me.publishAsync(topics.status('lobi-1'), JSON.stringify({ ...status, connectionSeq: 2 }), { qos: 1 });
    await expect.poll(() => started.controller.repos.presence.get('lobi-1')?.connectionSeq).toBe(2);
    expect((await screen('lobi-2')).connected).toBe(false);
  });

  it('refuses anonymous clients and wrong secrets, and a revoked player once the files are written again', async () => {
    await expect(connect(port)).rejects.toMatchObject({ code: 5 });
    await expect(connect(port, { username: player.playerId, password: 'salah' })).rejects.toMatchObject({
      code: expect.any(Number),
    });
    const before = await connect(port, { username: other.playerId, password: other.secret });
    before.end(true);

    started.controller.repos.players.revoke(other.playerId);
    writeBrokerFiles();
    mosquitto.kill('SIGHUP');
    await expect
      .poll(() =>
        connect(port, { username: other.playerId, password: other.secret }).then(
          (c) => (c.end(true), 'in'),
          () => 'refused',
        ),
      )
      .toBe('refused');
  });

  it('writes one ACL line per topic the message table gives players, and nothing for revoked players', () => {
    const acl = mosquittoAcl([{ id: 'p-satu', brokerHash: '$7$x', screens: ['kiosk-1'] }], CONTROLLER);
    const mine = acl.split('\n\nuser p-satu\n')[1]?.trim().split('\n') ?? [];
    const expected = Object.values(messages).length;
    expect(mine).toHaveLength(expected);
    expect(mine).toContain('topic read baruga/v1/screens/kiosk-1/manifest');
    expect(mine).toContain('topic write baruga/v1/screens/kiosk-1/heartbeat');
    expect(mine).toContain('topic read baruga/v1/players/p-satu/commands');
    expect(acl).toContain(`user ${CONTROLLER.username}\ntopic readwrite baruga/v1/#`);
  });
});
