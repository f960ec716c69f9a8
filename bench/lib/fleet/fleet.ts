import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { MessageKindName } from '@baruga/protocol';
import { type Arrival, Arrival as ArrivalSchema, BurstResult, type Counters, WorkerReply, WorkerReport } from './ipc';
import { type PlayerSpec, machineNow } from './simulated-player';

export { machineNow, type PlayerSpec };
export type { Arrival, Counters };

/**
 * A fleet of simulated players for benchmarks (bench/lib/fleet/README.md): real MQTT clients (mqtt.js) against a
 * real broker, spread over worker processes, each behaving like a player on the wire (retained status with a last
 * will, heartbeats, subscriptions to its manifest, commands and proof-of-play acknowledgements, answers to what it
 * receives, reconnects with jittered exponential backoff). Arrival times are taken in the worker when each
 * message arrives, in machine time (`machineNow()`), so the parent compares them with its own clock.
 */
export interface FleetOptions {
  players: readonly PlayerSpec[];
  /** The broker: MQTT over TCP, and over WebSocket for players whose transport is 'ws'. */
  urls: { tcp: string; ws?: string | undefined };
  /** Players per worker process (default 2,000). */
  perProcess?: number;
  /** Seconds between heartbeats (default 15, as players). */
  heartbeatIntervalS?: number;
  /**
   * How long each attempt waits for the broker's CONNACK; default: the player's policy (10 s, doubling to 30 s).
   * A real player has a CPU of its own; simulated ones share a worker's event loop with 2,000 others, so in a herd
   * a CONNACK the broker sent in time can be read after the player's timeout, and the retries that follow are the
   * fleet's own doing. A benchmark measuring the broker sets a longer one and says so.
   */
  connectTimeoutMs?: number;
  /** Kinds each player subscribes to (default manifest, commands, popAck; playerCommands for enrolled players). */
  reads?: readonly MessageKindName[];
}

/** Where the whole fleet stands now. */
export interface FleetReport {
  players: number;
  connected: number;
  /** Players whose current connection is subscribed, and when each became so (machine time). */
  ready: number;
  lastReadyAt: number | null;
  readyAt: number[];
  counters: Counters;
}

export interface Fleet {
  /** The worker processes, e.g. to read their CPU time and memory from /proc. */
  readonly pids: readonly number[];
  /** Every player starts connecting at the same instant, now (plus the time to tell the workers); returns it. */
  connect(): Promise<number>;
  /** Cuts every connection without DISCONNECT (the broker sends the wills); players reconnect on their own. */
  drop(): Promise<number>;
  report(): Promise<FleetReport>;
  /** Polls until every player is ready or `timeoutMs` passes; answers the last report. */
  waitUntilReady(timeoutMs: number): Promise<FleetReport>;
  /** Messages of a kind the players received at or after `since` (machine time), with their keys. */
  arrivals(kind: MessageKindName, since: number): Promise<Arrival[]>;
  /**
   * Every connected player publishes `count` QoS 1 heartbeats at once; answers how many the broker acknowledged
   * and the span from the first worker's start to the last acknowledgement (machine time).
   */
  burst(count: number): Promise<{ acked: number; ms: number }>;
  /** Ends every connection and every worker. */
  close(): Promise<void>;
}

const WORKER = path.join(import.meta.dirname, 'worker.ts');
const DEFAULT_READS: readonly MessageKindName[] = ['manifest', 'commands', 'popAck'];

function startWorker(): { child: ChildProcess; request<T>(message: object, parse: (v: unknown) => T): Promise<T> } {
  const child = fork(WORKER, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (raw) => {
    const parsed = WorkerReply.safeParse(raw);
    if (!parsed.success) return;
    const reply = parsed.data;
    const waiter = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.value);
    else waiter?.reject(new Error(`fleet worker ${child.pid}: ${reply.error}`));
  });
  child.on('exit', (code) => {
    for (const waiter of waiting.values()) waiter.reject(new Error(`fleet worker exited with ${code}`));
    waiting.clear();
  });
  return {
    child,
    request<T>(message: object, parse: (v: unknown) => T): Promise<T> {
      const id = next++;
      return new Promise<unknown>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ ...message, id });
      }).then(parse);
    },
  };
}

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const perProcess = options.perProcess ?? 2000;
  const count = Math.max(1, Math.ceil(options.players.length / perProcess));
  const workers = Array.from({ length: count }, startWorker);
  const asNumber = (v: unknown) => Number(v);
  // Players are dealt round-robin, so WebSocket players and enrolled ones spread over the workers.
  await Promise.all(
    workers.map((w, i) =>
      w.request(
        {
          cmd: 'init',
          players: options.players.filter((_, index) => index % count === i),
          urls: { tcp: options.urls.tcp, ws: options.urls.ws ?? null },
          heartbeatIntervalS: options.heartbeatIntervalS ?? 15,
          ...(options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs }),
          reads: options.reads ?? DEFAULT_READS,
        },
        asNumber,
      ),
    ),
  );

  const everyWorker = async <T>(message: object, parse: (v: unknown) => T) =>
    Promise.all(workers.map((w) => w.request(message, parse)));

  async function report(): Promise<FleetReport> {
    const reports = await everyWorker({ cmd: 'report' }, (v) => WorkerReport.parse(v));
    const readyAt = reports.flatMap((r) => r.readyAt.filter((t): t is number => t !== null));
    const counters: Counters = {
      attempts: 0,
      failures: { timeout: 0, refused: 0, error: 0, closed: 0 },
      lost: 0,
      sent: 0,
      received: 0,
    };
    for (const { counters: c } of reports) {
      counters.attempts += c.attempts;
      counters.lost += c.lost;
      counters.sent += c.sent;
      counters.received += c.received;
      for (const kind of ['timeout', 'refused', 'error', 'closed'] as const)
        counters.failures[kind] += c.failures[kind];
    }
    return {
      players: reports.reduce((n, r) => n + r.players, 0),
      connected: reports.reduce((n, r) => n + r.connected, 0),
      ready: readyAt.length,
      lastReadyAt: readyAt.length > 0 ? Math.max(...readyAt) : null,
      readyAt,
      counters,
    };
  }

  return {
    pids: workers.flatMap((w) => (w.child.pid === undefined ? [] : [w.child.pid])),
    async connect() {
      // Far enough ahead that every worker has the message before the instant comes.
      const at = machineNow() + 200;
      await everyWorker({ cmd: 'start', at }, asNumber);
      return at;
    },
    async drop() {
      const at = machineNow();
      await everyWorker({ cmd: 'drop' }, asNumber);
      return at;
    },
    report,
    async waitUntilReady(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const now = await report();
        if (now.ready === now.players || Date.now() > deadline) return now;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    async arrivals(kind, since) {
      const lists = await everyWorker({ cmd: 'arrivals', kind, since }, (v) => ArrivalSchema.array().parse(v));
      return lists.flat();
    },
    async burst(count) {
      const results = await everyWorker({ cmd: 'burst', count }, (v) => BurstResult.parse(v));
      const startedAt = Math.min(...results.map((r) => r.startedAt));
      const doneAt = Math.max(...results.map((r) => r.doneAt));
      return { acked: results.reduce((n, r) => n + r.acked, 0), ms: doneAt - startedAt };
    },
    async close() {
      await Promise.all(
        workers.map(async (w) => {
          if (w.child.exitCode !== null) return;
          const exited = new Promise((resolve) => w.child.once('exit', resolve));
          await w.request({ cmd: 'stop' }, asNumber).catch(() => undefined);
          const timer = setTimeout(() => w.child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
