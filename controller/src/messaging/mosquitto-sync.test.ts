import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type EnrollResponse, type Screen, topics } from '@baruga/protocol';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createRepositories } from '../db/repositories';
import { startTestController } from '../testing/test-controller';
import { CONTROLLER_USERNAME } from './mosquitto-acl';
import { MOSQUITTO_FILES, writeMosquittoFiles } from './mosquitto-sync';

const MOSQUITTO = process.env.BARUGA_MOSQUITTO ?? '/usr/sbin/mosquitto';
const PASSWORD = 'kata-sandi-pengendali';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Resolves with the client once connected, or false when the broker refuses it (no username: anonymous). */
function tryConnect(port: number, username?: string, password?: string): Promise<MqttClient | false> {
  return new Promise((resolve) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: 2000,
      ...(username === undefined ? {} : { username, password }),
    });
    client.once('connect', () => resolve(client));
    client.once('error', () => {
      client.end(true);
      resolve(false);
    });
  });
}

describe('the controller keeps an external Mosquitto’s accounts and ACL in step', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-mosquitto-sync-'));
  const aclDir = path.join(dir, 'mosquitto');
  const pidFile = path.join(dir, 'mosquitto.pid');
  let broker: ChildProcess;
  let port: number;
  let t: Awaited<ReturnType<typeof startTestController>>;

  beforeAll(async () => {
    // 1. First set-up, as docs/security.md says: the files from an empty database, then Mosquitto reading them.
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    const db = openDatabase(path.join(dataDir, 'baruga.sqlite'));
    writeMosquittoFiles(aclDir, createRepositories(db), { allowAnonymous: false, controllerPassword: PASSWORD });
    db.close();
    port = await freePort();
    const conf = path.join(dir, 'mosquitto.conf');
    fs.writeFileSync(
      conf,
      [
        'persistence false',
        'user root',
        `pid_file ${pidFile}`,
        `listener ${port} 127.0.0.1`,
        `include_dir ${aclDir}`,
        'log_dest stderr',
        'log_type error',
        '',
      ].join('\n'),
    );
    broker = spawn(MOSQUITTO, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    for (const deadline = Date.now() + 10_000; !fs.existsSync(pidFile);) {
      if (broker.exitCode !== null || Date.now() > deadline) throw new Error('mosquitto did not start');
      await new Promise((r) => setTimeout(r, 100));
    }

    // 2. The controller on that broker, with the same data folder, keeping the files current.
    t = await startTestController({
      BARUGA_DATA: dataDir,
      BARUGA_MQTT_URL: `mqtt://${CONTROLLER_USERNAME}:${PASSWORD}@127.0.0.1:${port}`,
      BARUGA_MOSQUITTO_DIR: aclDir,
      BARUGA_MOSQUITTO_PID_FILE: pidFile,
      BARUGA_ANONYMOUS_PLAYERS: '0',
    });
  });
  afterAll(async () => {
    await t?.controller.close();
    await new Promise<void>((resolve) => {
      if (!broker || broker.exitCode !== null) return resolve();
      broker.once('exit', () => resolve());
      broker.kill('SIGTERM');
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets a player in once it is paired, to its own screen only, and shuts it out when revoked', async () => {
    const inject = (method: 'POST', url: string, payload: object, headers: Record<string, string> = t.auth) =>
      t.controller.app.inject({ method, url, payload, headers });
    const screen = async (id: string) =>
      (await t.controller.app.inject({ method: 'GET', url: `/api/screens/${id}`, headers: t.auth })).json<Screen>();
    for (const id of ['kiosk-1', 'kiosk-2']) {
      await inject('POST', '/api/screens', { id, name: id, width: 640, height: 360 });
    }
    const enrolled = (await inject('POST', '/api/players/enroll', { host: 'chromium' }, {})).json<EnrollResponse>();

    // Pending: no account yet.
    expect(await tryConnect(port, enrolled.playerId, enrolled.secret)).toBe(false);
    await inject('POST', '/api/players/pair', { code: enrolled.pairingCode, name: 'Kiosk', screens: ['kiosk-1'] });
    // Paired: the controller rewrites the files and reloads Mosquitto; the player gets in and gets its manifest.
    let player: MqttClient | false = false;
    await expect
      .poll(async () => (player = await tryConnect(port, enrolled.playerId, enrolled.secret)), { timeout: 5000 })
      .not.toBe(false);
    const client = player as unknown as MqttClient;
    const heard: string[] = [];
    client.on('message', (topic) => heard.push(topic));
    // Mosquitto grants every SUBSCRIBE and checks the ACL on each message it would deliver instead.
    for (const topic of [topics.manifest('kiosk-2'), topics.manifest('kiosk-1')]) {
      await client.subscribeAsync(topic, { qos: 1 });
    }
    // Both screens published, the other first: only the player's own manifest reaches it.
    await inject('POST', '/api/screens/kiosk-2/publish', {});
    await inject('POST', '/api/screens/kiosk-1/publish', {});
    await expect.poll(() => heard).toContain(topics.manifest('kiosk-1'));
    expect(heard).toEqual([topics.manifest('kiosk-1')]);

    // Its status on its own screen reaches the controller through Mosquitto; on another screen, the broker drops it.
    const status = { state: 'online', playerId: enrolled.playerId, at: new Date().toISOString(), connectionSeq: 1 };
    await client.publishAsync(topics.status('kiosk-1'), JSON.stringify(status), { qos: 1, retain: true });
    await expect.poll(async () => (await screen('kiosk-1')).connected).toBe(true);
    await client.publishAsync(topics.status('kiosk-2'), JSON.stringify(status), { qos: 1, retain: true });
    await client.publishAsync(topics.status('kiosk-1'), JSON.stringify({ ...status, connectionSeq: 2 }), { qos: 1 });
    await expect.poll(() => t.controller.repos.presence.get('kiosk-1')?.connectionSeq).toBe(2);
    expect((await screen('kiosk-2')).connected).toBe(false);
    client.end(true);

    await inject('POST', `/api/players/${enrolled.playerId}/revoke`, {});
    await expect.poll(() => tryConnect(port, enrolled.playerId, enrolled.secret), { timeout: 5000 }).toBe(false);
    expect(fs.statSync(path.join(aclDir, MOSQUITTO_FILES.passwordFile)).mode & 0o777).toBe(0o640);
  });

  it('refuses anonymous clients when BARUGA_ANONYMOUS_PLAYERS is 0, and the controller with a wrong password', async () => {
    expect(await tryConnect(port)).toBe(false);
    expect(await tryConnect(port, CONTROLLER_USERNAME, 'salah')).toBe(false);
    expect(fs.readFileSync(path.join(aclDir, MOSQUITTO_FILES.conf), 'utf8')).toContain('allow_anonymous false');
  });
});
