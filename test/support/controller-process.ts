import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface ControllerProcess {
  url: string;
  mqttPort: number | null;
  /** MQTT over TLS, when the controller was given a certificate. */
  mqttsPort?: number | null;
  dataDir: string;
  /** The controller's own process (node with tsx loaded in-process), e.g. to read its memory. */
  pid: number | undefined;
  output(): string;
  /** SIGTERM and wait; resolves with the exit code (0 means a clean, drained shutdown). */
  stop(): Promise<number | null>;
}

export const ADMIN_PASSWORD = 'rahasia-uji-123';

export function tempDataDir(prefix = 'baruga-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs the real controller (`controller/src/main.ts`, as `npm start` does) on free ports. */
export async function startControllerProcess(
  options: { dataDir?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ControllerProcess> {
  const dataDir = options.dataDir ?? tempDataDir();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'controller/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      BARUGA_PORT: '0',
      BARUGA_MQTT_PORT: '0',
      BARUGA_HOST: '127.0.0.1',
      BARUGA_DATA: dataDir,
      BARUGA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      BARUGA_LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));

  const ready = await new Promise<{ url: string; mqttPort: number | null; mqttsPort?: number | null }>(
    (resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`controller did not start within ${options.timeoutMs ?? 30_000} ms:\n${out}`));
      }, options.timeoutMs ?? 30_000);
      const onData = () => {
        const match = /BARUGA_READY (\{.*\})/.exec(out);
        if (!match?.[1]) return;
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(JSON.parse(match[1]) as { url: string; mqttPort: number | null; mqttsPort?: number | null });
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`controller exited with ${code} before it was ready:\n${out}`));
      });
    },
  );

  return {
    ...ready,
    dataDir,
    pid: child.pid,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        const timer = setTimeout(() => {
          // Whatever held the stop up is the story's real failure: say what the controller was doing.
          process.stderr.write(
            `controller did not stop within 15 s of SIGTERM; it is killed. Its last output:\n${out.slice(-4000)}\n`,
          );
          child.kill('SIGKILL');
        }, 15_000);
        child.once('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
        child.kill('SIGTERM');
      }),
  };
}
