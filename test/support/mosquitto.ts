import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { tempDataDir } from './controller-process';

export const MOSQUITTO_PATH = process.env.BARUGA_MOSQUITTO ?? '/usr/sbin/mosquitto';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Debian's Mosquitto on loopback, with a TCP listener and a WebSocket listener, started from a config file. Given
 * the ports of one that was stopped, it starts again on them (a broker restart, its retained messages gone).
 */
export async function startMosquitto(
  ports: { tcpPort: number; wsPort: number } | null = null,
): Promise<{ tcpPort: number; wsPort: number; stop(): Promise<void>; kill(): Promise<void> }> {
  const dir = tempDataDir('baruga-mosquitto-');
  const tcpPort = ports?.tcpPort ?? (await freePort());
  const wsPort = ports?.wsPort ?? (await freePort());
  const config = path.join(dir, 'mosquitto.conf');
  fs.writeFileSync(
    config,
    [
      'persistence false',
      'allow_anonymous true',
      `listener ${tcpPort} 127.0.0.1`,
      `listener ${wsPort} 127.0.0.1`,
      'protocol websockets',
      // Without this the WebSocket listener binds every address, not only loopback.
      'socket_domain ipv4',
      'log_dest stderr',
      'log_type error',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(MOSQUITTO_PATH, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(tcpPort, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`mosquitto did not start: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return { tcpPort, wsPort, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
