import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MESSAGE_KINDS, type MessageKindName, messages, topicFor } from '@baruga/protocol';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createRepositories } from '../db/repositories';
import { type BrokerClient, createBrokerRules } from './broker-rules';
import { CONTROLLER_USERNAME, mosquittoHash } from './mosquitto-acl';
import { MOSQUITTO_FILES, writeMosquittoFiles } from './mosquitto-sync';

const MOSQUITTO = process.env.BARUGA_MOSQUITTO ?? '/usr/sbin/mosquitto';
const CONTROLLER_PASSWORD = 'kata-sandi-pengendali';
/** A superuser only this test adds, to see which publishes Mosquitto let through. */
const OBSERVER = { username: 'pengamat', password: 'pengamat-uji' };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-mosquitto-acl-'));
const db = openDatabase(path.join(dir, 'baruga.sqlite'));
const repos = createRepositories(db);
for (const [id, isPublic] of [
  ['own', false],
  ['other', false],
  ['free', false],
  ['videotron', true],
] as const) {
  repos.screens.create({
    id,
    name: id,
    width: 640,
    height: 360,
    timezone: 'Asia/Makassar',
    locale: 'id-ID',
    public: isPublic,
  });
}
const me = repos.players.createPending({ host: 'chromium', hostVersion: '', platform: '' });
repos.players.approve(me.playerId, 'Kiosk', ['own']);
const them = repos.players.createPending({ host: 'chromium', hostVersion: '', platform: '' });
repos.players.approve(them.playerId, 'Lain', ['other']);
const waiting = repos.players.createPending({ host: 'chromium', hostVersion: '', platform: '' });
const gone = repos.players.createPending({ host: 'chromium', hostVersion: '', platform: '' });
repos.players.approve(gone.playerId, 'Dicabut', ['free']);
repos.players.revoke(gone.playerId);
const rules = createBrokerRules(repos.players, repos.screens, { allowAnonymous: true });

let broker: ChildProcess;
let port: number;
const clients: MqttClient[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

function connect(credentials?: { username: string; password: string }): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: 3000,
      ...credentials,
    });
    clients.push(client);
    client.once('connect', () => resolve(client));
    client.once('error', reject);
  });
}

beforeAll(async () => {
  // 1. The files as the controller writes them, plus this test's observer, and Debian's Mosquitto reading them.
  expect(writeMosquittoFiles(dir, repos, { allowAnonymous: true, controllerPassword: CONTROLLER_PASSWORD })).toBe(true);
  fs.appendFileSync(
    path.join(dir, MOSQUITTO_FILES.passwordFile),
    `${OBSERVER.username}:${mosquittoHash(OBSERVER.password)}\n`,
  );
  fs.appendFileSync(path.join(dir, MOSQUITTO_FILES.aclFile), `user ${OBSERVER.username}\ntopic readwrite baruga/#\n`);
  port = await freePort();
  const conf = path.join(dir, 'mosquitto.conf');
  fs.writeFileSync(
    conf,
    [
      'persistence false',
      // Run as root, Mosquitto would become the `mosquitto` user and could not read this test's private folder.
      'user root',
      `listener ${port} 127.0.0.1`,
      `include_dir ${path.join(dir, 'conf.d')}`,
      'log_dest stderr',
      'log_type error',
      '',
    ].join('\n'),
  );
  fs.mkdirSync(path.join(dir, 'conf.d'));
  fs.copyFileSync(path.join(dir, MOSQUITTO_FILES.conf), path.join(dir, 'conf.d', MOSQUITTO_FILES.conf));
  broker = spawn(MOSQUITTO, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  broker.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(socket.destroy() !== undefined));
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    if (broker.exitCode !== null || Date.now() > deadline) throw new Error(`mosquitto did not start: ${errors}`);
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(async () => {
  for (const c of clients) c.end(true);
  await new Promise<void>((resolve) => {
    if (!broker || broker.exitCode !== null) return resolve();
    broker.once('exit', () => resolve());
    broker.kill('SIGTERM');
  });
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const SCREENS = ['own', 'other', 'free', 'videotron'];
function* everyTopic(): Generator<{ kind: MessageKindName; topic: string }> {
  for (const kind of MESSAGE_KINDS) {
    const ids = messages[kind].scope === 'screen' ? SCREENS : [me.playerId, them.playerId];
    for (const id of ids) yield { kind, topic: topicFor(kind, id) };
  }
}

describe('the same rules as a Mosquitto password file and ACL, on Debian’s Mosquitto', () => {
  it('refuses the wrong password, a pending player and a revoked one', async () => {
    const refused = async (username: string, password: string) =>
      connect({ username, password }).then(
        () => false,
        () => true,
      );
    expect(await refused(me.playerId, 'salah')).toBe(true);
    expect(await refused(CONTROLLER_USERNAME, 'salah')).toBe(true);
    expect(await refused(waiting.playerId, waiting.secret)).toBe(true);
    expect(await refused(gone.playerId, gone.secret)).toBe(true);
    expect(await refused(me.playerId, me.secret)).toBe(false);
    expect(await refused(CONTROLLER_USERNAME, CONTROLLER_PASSWORD)).toBe(false);
  });

  it('delivers to each party exactly what the embedded broker would let it subscribe to', async () => {
    // Mosquitto grants every SUBSCRIBE and checks the ACL as each message is delivered, so what counts is what
    // arrives: every party subscribes to every topic, the controller and the observer's twin write one message to
    // each, and each party must receive exactly the topics the embedded broker would have let it subscribe to.
    const parties: [string, MqttClient, BrokerClient | 'controller'][] = [
      ['player', await connect({ username: me.playerId, password: me.secret }), { playerId: me.playerId }],
      ['controller', await connect({ username: CONTROLLER_USERNAME, password: CONTROLLER_PASSWORD }), 'controller'],
    ];
    // Anonymous: the embedded broker binds a connection to one screen, Mosquitto cannot, so one tab per screen.
    for (const id of SCREENS) {
      parties.push([`anonymous@${id}`, await connect(), { anonymous: true, screen: id }]);
    }
    const heard = new Map<string, Set<string>>();
    for (const [who, client] of parties) {
      const got = new Set<string>();
      heard.set(who, got);
      client.on('message', (topic) => got.add(topic));
      for (const { topic } of everyTopic()) await client.subscribeAsync(topic, { qos: 1 });
    }
    // A writer allowed everywhere: the controller writes its kinds; players' kinds come from a superuser twin.
    const writer = await connect(OBSERVER);
    const controller = parties[1]?.[1] as MqttClient;
    for (const { kind, topic } of everyTopic()) {
      const by = messages[kind].from === 'controller' ? controller : writer;
      await by.publishAsync(topic, 'x', { qos: 1, retain: false });
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const [who, , as] of parties) {
      const expected = [...everyTopic()]
        .filter(({ kind, topic }) =>
          as === 'controller'
            ? (messages[kind].to as readonly string[]).includes('controller')
            : rules.maySubscribe(as, topic).allowed,
        )
        .map((t) => t.topic);
      expect([...(heard.get(who) ?? [])].sort(), who).toEqual(expected.sort());
    }
  });

  it('lets through exactly the publishes the embedded broker lets through', async () => {
    const observer = await connect(OBSERVER);
    const arrived = new Set<string>();
    observer.on('message', (_topic, payload) => arrived.add(payload.toString()));
    await observer.subscribeAsync('baruga/#', { qos: 1 });

    const player = await connect({ username: me.playerId, password: me.secret });
    const expected = new Set<string>();
    for (const { kind, topic } of everyTopic()) {
      const retain = messages[kind].retained;
      const tag = (who: string) => `${who} ${topic}`;
      await player.publishAsync(topic, tag('player'), { qos: 1, retain });
      if (rules.mayPublish({ playerId: me.playerId }, { topic, bytes: 20, retain }).allowed)
        expected.add(tag('player'));
      const tab = await connect();
      await tab.publishAsync(topic, tag('anonymous'), { qos: 1, retain });
      if (rules.mayPublish({ anonymous: true, screen: null }, { topic, bytes: 20, retain }).allowed) {
        expected.add(tag('anonymous'));
      }
      tab.end(true);
    }
    // QoS 1 acknowledged by the broker either way (Mosquitto drops a refused publish silently): wait for delivery.
    await new Promise((r) => setTimeout(r, 500));
    expect([...arrived].sort()).toEqual([...expected].sort());
  });

  it('closes a connection whose packet is over max_packet_size', async () => {
    const tab = await connect();
    const closed = new Promise<void>((resolve) => tab.once('close', () => resolve()));
    tab.publish(topicFor('status', 'free'), Buffer.alloc(messages.manifest.maxBytes + 4096), { qos: 0, retain: true });
    await closed;
  });
});
