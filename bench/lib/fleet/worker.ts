import { type Arrival, type BurstResult, type Counters, WorkerRequest, type WorkerReport } from './ipc';
import { SimulatedPlayer } from './simulated-player';

/**
 * A fleet worker process (started by fleet.ts with an IPC channel): holds a share of the simulated players and
 * does what the parent asks. Its own event loop, so thousands of MQTT clients do not share one with the
 * benchmark that measures them.
 */
let players: SimulatedPlayer[] = [];
const arrivals = new Map<string, Arrival[]>();

const reply = (message: unknown) => process.send?.(message);

function sum(): Counters {
  const total: Counters = {
    attempts: 0,
    failures: { timeout: 0, refused: 0, error: 0, closed: 0 },
    lost: 0,
    sent: 0,
    received: 0,
  };
  for (const { counters: c } of players) {
    total.attempts += c.attempts;
    total.lost += c.lost;
    total.sent += c.sent;
    total.received += c.received;
    for (const kind of ['timeout', 'refused', 'error', 'closed'] as const) total.failures[kind] += c.failures[kind];
  }
  return total;
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'init':
      players = request.players.map(
        (spec) =>
          new SimulatedPlayer(spec, {
            urls: request.urls,
            heartbeatIntervalS: request.heartbeatIntervalS,
            connectTimeoutMs: request.connectTimeoutMs,
            reads: request.reads,
            hooks: {
              arrived(kind, key, at) {
                const list = arrivals.get(kind) ?? [];
                list.push({ screenId: spec.screenId, key, at });
                arrivals.set(kind, list);
              },
            },
          }),
      );
      return players.length;
    case 'start': {
      const wait = Math.max(0, request.at - (performance.timeOrigin + performance.now()));
      await new Promise((resolve) => setTimeout(resolve, wait));
      for (const player of players) player.start();
      return players.length;
    }
    case 'drop':
      for (const player of players) player.drop();
      return players.length;
    case 'report': {
      const report: WorkerReport = {
        players: players.length,
        connected: players.filter((p) => p.connected).length,
        readyAt: players.map((p) => p.readyAt),
        counters: sum(),
      };
      return report;
    }
    case 'arrivals':
      return (arrivals.get(request.kind) ?? []).filter((a) => a.at >= request.since);
    case 'burst': {
      const startedAt = performance.timeOrigin + performance.now();
      const acked = await Promise.all(players.map((p) => p.burst(request.count)));
      const result: BurstResult = {
        startedAt,
        doneAt: performance.timeOrigin + performance.now(),
        acked: acked.reduce((a, b) => a + b, 0),
      };
      return result;
    }
    case 'stop':
      await Promise.all(players.map((p) => p.stop()));
      setImmediate(() => process.exit(0));
      return players.length;
  }
}

process.on('message', (raw) => {
  const parsed = WorkerRequest.safeParse(raw);
  if (!parsed.success) {
    reply({ id: -1, ok: false, error: `bad request: ${parsed.error.message}` });
    return;
  }
  const { id } = parsed.data;
  handle(parsed.data).then(
    (value) => reply({ id, ok: true, value }),
    (error: unknown) => reply({ id, ok: false, error: String(error) }),
  );
});
// The parent went away: nothing left to simulate for.
process.on('disconnect', () => process.exit(0));
