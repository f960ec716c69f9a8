import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  ADMIN_PASSWORD,
  type ControllerProcess,
  startControllerProcess,
  tempDataDir,
} from '../../test/support/controller-process';
import { MOSQUITTO_PATH, freePort } from '../../test/support/mosquitto';
import type { PlayerSpec } from '../lib/fleet/fleet';

/** Which broker the players and the controller use: the one inside the controller, or Debian's Mosquitto. */
export type BrokerKind = 'embedded' | 'mosquitto';

export interface Deployment {
  kind: BrokerKind;
  controller: ControllerProcess;
  /** Where players connect: MQTT over TCP, and over WebSocket (the controller's /mqtt, or Mosquitto's own). */
  urls: { tcp: string; ws: string };
  /** Processes to watch: the controller, and Mosquitto when it runs. */
  pids: Record<string, number>;
  /** Every seeded screen's player, with its credentials (players.json of seed-fleet.ts). */
  players: { screenId: string; playerId: string; secret: string }[];
  api: Api;
  /** The admin's session token, for load generators. */
  token: string;
  stop(): Promise<void>;
}

export type Api = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const CONTROLLER_ACCOUNT = { username: 'baruga-controller', password: 'bench-broker-secret' };

/** Runs a TypeScript entry point of the repository to completion, as npm scripts do (tsx). */
async function runTs(file: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${file} exited with ${code}: ${out}`);
}

async function waitForPort(port: number, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${what} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function signIn(url: string): Promise<{ api: Api; token: string }> {
  const session = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const { token } = (await session.json()) as { token: string };
  const api: Api = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    if (!res.ok) throw new Error(`${method} ${route}: HTTP ${res.status} ${await res.text()}`);
    return (res.status === 204 ? null : await res.json()) as T;
  };
  return { api, token };
}

/**
 * A controller with `screens` seeded screens and enrolled players (controller/src/testing/seed-fleet.ts), on the
 * embedded broker or on Debian's Mosquitto configured by `npm run mosquitto:acl`'s code.
 */
export async function startDeployment(kind: BrokerKind, screens: number): Promise<Deployment> {
  const dataDir = tempDataDir('baruga-load-');
  const playersFile = path.join(dataDir, 'players.json');
  await runTs('controller/src/testing/seed-fleet.ts', [dataDir, String(screens), playersFile]);
  const players = JSON.parse(fs.readFileSync(playersFile, 'utf8')) as Deployment['players'];

  let mosquitto: ChildProcess | null = null;
  let controller: ControllerProcess;
  let urls: Deployment['urls'];
  if (kind === 'embedded') {
    controller = await startControllerProcess({ dataDir, env: { BARUGA_SEED_DEMO: '0' }, timeoutMs: 60_000 });
    urls = { tcp: `mqtt://127.0.0.1:${controller.mqttPort}`, ws: `${controller.url.replace('http', 'ws')}/mqtt` };
  } else {
    const tcpPort = await freePort();
    const wsPort = await freePort();
    const brokerUrl = `mqtt://${CONTROLLER_ACCOUNT.username}:${CONTROLLER_ACCOUNT.password}@127.0.0.1:${tcpPort}`;
    const brokerDir = path.join(dataDir, 'mosquitto');
    // The password file, ACL and baruga.conf as `npm run mosquitto:acl` writes them (messaging/mosquitto-acl.ts):
    // accounts for the seeded players, the packet limit, and a controller queue that holds a herd.
    await runTs('controller/src/messaging/mosquitto-acl-command.ts', ['--out', brokerDir], {
      BARUGA_DATA: dataDir,
      BARUGA_MQTT_URL: brokerUrl,
      BARUGA_ANONYMOUS_PLAYERS: '0',
    });
    const conf = path.join(dataDir, 'mosquitto.conf');
    fs.writeFileSync(
      conf,
      [
        'persistence false',
        // Started as root, Mosquitto drops to its own user, which cannot read a private temp folder.
        `user ${os.userInfo().username}`,
        `listener ${tcpPort} 127.0.0.1`,
        `listener ${wsPort} 127.0.0.1`,
        'protocol websockets',
        'socket_domain ipv4',
        'log_dest stderr',
        'log_type error',
        // baruga.conf, as the operator includes it (docs/deployment.md).
        `include_dir ${brokerDir}`,
        '',
      ].join('\n'),
    );
    mosquitto = spawn(MOSQUITTO_PATH, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    // Kept, not printed: a herd makes Mosquitto log every session it takes over; shown only if it fails to start.
    let brokerLog = '';
    mosquitto.stderr?.on('data', (d: Buffer) => (brokerLog = (brokerLog + d.toString()).slice(-4000)));
    await waitForPort(tcpPort, mosquitto, 'mosquitto').catch((error: unknown) => {
      throw new Error(`${String(error)}: ${brokerLog}`);
    });
    controller = await startControllerProcess({
      dataDir,
      env: { BARUGA_SEED_DEMO: '0', BARUGA_MQTT_URL: brokerUrl, BARUGA_MQTT_WS_URL: `ws://127.0.0.1:${wsPort}` },
      timeoutMs: 60_000,
    });
    urls = { tcp: `mqtt://127.0.0.1:${tcpPort}`, ws: `ws://127.0.0.1:${wsPort}` };
  }
  const pids: Record<string, number> = {};
  if (controller.pid !== undefined) pids.controller = controller.pid;
  if (mosquitto?.pid !== undefined) pids.mosquitto = mosquitto.pid;
  return {
    kind,
    controller,
    urls,
    pids,
    players,
    ...(await signIn(controller.url)),
    async stop() {
      await controller.stop();
      if (mosquitto && mosquitto.exitCode === null) {
        const exited = new Promise((resolve) => mosquitto?.once('exit', resolve));
        mosquitto.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The fleet's players for a deployment: every `wsEvery`-th over WebSocket, the rest over TCP. */
export function fleetPlayers(deployment: Deployment, wsEvery: number): PlayerSpec[] {
  return deployment.players.map((p, i) => ({
    screenId: p.screenId,
    playerId: p.playerId,
    password: p.secret,
    transport: i % wsEvery === 0 ? 'ws' : 'tcp',
  }));
}
