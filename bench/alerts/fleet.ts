import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

/**
 * Simulated players for bench/alerts, in processes of their own (the benchmark and the controller keep their event
 * loops): each process holds `perProcess` MQTT clients. The minimum this benchmark needs; a fuller fleet (heartbeats,
 * reconnects) is bench/load's, once it is shared.
 */
export interface AlertFleet {
  readonly pids: number[];
  report(): Promise<{ connected: number; acked: number; lost: number }>;
  close(): Promise<void>;
}

function ask<T>(child: ChildProcess, message: object, key: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fleet process: no ${key} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (raw: unknown) => {
      const reply = raw as Record<string, unknown>;
      if ('error' in reply) {
        clearTimeout(timer);
        child.off('message', onMessage);
        reject(new Error(`fleet process: ${String(reply.error)}`));
      } else if (key in reply) {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(reply[key] as T);
      }
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

export async function startAlertFleet(url: string, screens: readonly string[], perProcess = 2500): Promise<AlertFleet> {
  const chunks: string[][] = [];
  for (let i = 0; i < screens.length; i += perProcess) chunks.push(screens.slice(i, i + perProcess));
  const children = chunks.map(() =>
    fork(path.join(import.meta.dirname, 'fleet-process.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  try {
    await Promise.all(
      children.map((c, i) => ask<number>(c, { cmd: 'init', url, screens: chunks[i] }, 'ready', 180_000)),
    );
  } catch (error) {
    for (const c of children) c.kill('SIGKILL');
    throw error;
  }
  return {
    pids: children.map((c) => c.pid ?? 0),
    async report() {
      const parts = await Promise.all(
        children.map((c) =>
          ask<{ connected: number; acked: number; lost: number }>(c, { cmd: 'report' }, 'report', 30_000),
        ),
      );
      return parts.reduce(
        (a, p) => ({ connected: a.connected + p.connected, acked: a.acked + p.acked, lost: a.lost + p.lost }),
        {
          connected: 0,
          acked: 0,
          lost: 0,
        },
      );
    },
    async close() {
      await Promise.all(
        children.map(async (c) => {
          await ask(c, { cmd: 'close' }, 'closed', 30_000).catch(() => c.kill('SIGKILL'));
          if (c.exitCode === null) await new Promise((resolve) => c.once('exit', resolve));
        }),
      );
    },
  };
}
