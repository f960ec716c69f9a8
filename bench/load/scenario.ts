import { type FleetReport, machineNow, startFleet } from '../lib/fleet/fleet';
import { watchProcesses } from '../lib/process-stats';
import { API_MIX, type ApiLoadResult, apiLoad } from './api-load';
import { type BrokerKind, type Deployment, fleetPlayers, startDeployment } from './deployment';

/** What one scenario runs: a broker, a fleet size, and which of the optional phases. */
export interface ScenarioPlan {
  broker: BrokerKind;
  players: number;
  /** Seconds of steady heartbeats over which CPU is measured. */
  steadyS: number;
  /** How long a herd may take before the scenario stops waiting (it then reports the players still out). */
  herdTimeoutS: number;
  /** The API under autocannon, before the players connect (the anchor) and with them connected. */
  api?: { seconds: number; connections: number } | undefined;
  /** How many times one event edit republishes every screen. */
  republishRuns?: number | undefined;
  /** Heartbeats each player publishes at once, to measure the broker's throughput. */
  burst?: number | undefined;
  /** Whether every connection is cut at the end for a reconnect herd (default true). */
  reconnect?: boolean | undefined;
}

/** A connect or reconnect herd: from the instant every player started (or lost its connection). */
export interface Herd {
  /** To the last player subscribed; null when not every player was within the timeout. */
  readyMs: number | null;
  /** To the controller showing every screen connected (its retained status); null when it did not. */
  shownOnlineMs: number | null;
  players: number;
  ready: number;
  /** Connection attempts that failed, by why, and connections that were up and dropped, during the herd. */
  failures: FleetReport['counters']['failures'];
  lost: number;
  attempts: number;
  /** Screens the controller showed offline when the herd was over (a stale last will would do that). */
  shownOffline: number;
  /** CPU time the controller and the broker used during the herd (ms): what the herd costs on a quiet machine. */
  cpuMs: number;
  /** CPU time the simulated players' workers used meanwhile (ms): on the same CPUs, it slows the herd too. */
  fleetCpuMs: number;
}

export interface ScenarioResult {
  plan: ScenarioPlan;
  /** The event that first puts content on every screen, before any player connects (request to answer). */
  firstPublishMs: number;
  connect: Herd;
  reconnect: Herd | null;
  /** Percent of one core over the steady window: controller, Mosquitto, and the fleet's workers together. */
  steadyCpuPct: Record<string, number>;
  peakRssMib: Record<string, number>;
  /**
   * Per republish run: ms from the edit request to the last player's arrival, each player's arrival, and the CPU
   * the controller and the broker used meanwhile.
   */
  republish: { lastMs: number; arrivalsMs: number[]; missing: number; cpuMs: number }[];
  apiWithoutPlayers?: ApiLoadResult;
  apiWithPlayers?: ApiLoadResult;
  burst?: { acked: number; ms: number };
}

/**
 * The simulated players' CONNACK timeout (the player's own starts at 10 s): on the benchmark machine 10,000 clients
 * share two CPUs with the broker, so a worker reads CONNACKs late and its retries, not the broker, would set the
 * pace (bench/lib/fleet/fleet.ts). Backoff and jitter stay the player's.
 */
export const FLEET_CONNECT_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many screens the controller lists with `query` (X-Total-Count of one row). */
async function countScreens(deployment: Deployment, query: string): Promise<number> {
  const res = await fetch(`${deployment.controller.url}/api/screens?limit=1&${query}`, {
    headers: { authorization: `Bearer ${deployment.token}` },
  });
  if (!res.ok) throw new Error(`GET /api/screens?${query}: HTTP ${res.status}`);
  return Number(res.headers.get('x-total-count'));
}

/** Waits (bounded) until the controller shows every screen connected; ms from `since`, or null. */
async function shownOnline(deployment: Deployment, total: number, since: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await countScreens(deployment, 'connected=true')) === total) return machineNow() - since;
    if (Date.now() > deadline) return null;
    await sleep(200);
  }
}

type Watch = ReturnType<typeof watchProcesses>;

/** CPU ms the watched processes used since `before` (a `cpuTotals()` reading). */
const serverCpuSince = (watch: Watch, before: Record<string, number>) =>
  Object.entries(watch.cpuTotals()).reduce((sum, [name, ms]) => sum + ms - (before[name] ?? ms), 0);

async function herd(
  deployment: Deployment,
  fleet: Awaited<ReturnType<typeof startFleet>>,
  startedAt: number,
  before: {
    counters: FleetReport['counters'];
    cpu: Record<string, number>;
    watch: Watch;
    fleetCpu: Record<string, number>;
    fleetWatch: Watch;
  },
  plan: ScenarioPlan,
): Promise<Herd> {
  const report = await fleet.waitUntilReady(plan.herdTimeoutS * 1000);
  const cpuMs = serverCpuSince(before.watch, before.cpu);
  const fleetCpuMs = serverCpuSince(before.fleetWatch, before.fleetCpu);
  const readyMs =
    report.ready === report.players && report.lastReadyAt !== null ? report.lastReadyAt - startedAt : null;
  const online = await shownOnline(deployment, plan.players, startedAt, readyMs === null ? 1000 : 30_000);
  const after = (await fleet.report()).counters;
  const was = before.counters;
  return {
    readyMs,
    shownOnlineMs: online,
    players: report.players,
    ready: report.ready,
    failures: {
      timeout: after.failures.timeout - was.failures.timeout,
      refused: after.failures.refused - was.failures.refused,
      error: after.failures.error - was.failures.error,
      closed: after.failures.closed - was.failures.closed,
    },
    lost: after.lost - was.lost,
    attempts: after.attempts - was.attempts,
    shownOffline: plan.players - (await countScreens(deployment, 'connected=true')),
    cpuMs,
    fleetCpuMs,
  };
}

/** Every screen's arrival of the manifest an edit at `since` produced (bounded wait), in ms from `since`. */
async function republishArrivals(fleet: Awaited<ReturnType<typeof startFleet>>, since: number, players: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const arrivals = await fleet.arrivals('manifest', since);
    const first = new Map<string, number>();
    for (const a of arrivals) first.set(a.screenId, Math.min(first.get(a.screenId) ?? Infinity, a.at - since));
    if (first.size >= players || Date.now() > deadline) {
      const arrivalsMs = [...first.values()];
      return {
        lastMs: arrivalsMs.length > 0 ? Math.max(...arrivalsMs) : Number.NaN,
        arrivalsMs,
        missing: players - first.size,
      };
    }
    await sleep(100);
  }
}

/**
 * One broker at one fleet size: seed and start, put content on every screen, (the API with no players), the
 * connect herd, steady heartbeats, (a broker burst, the API with players, republishing every screen), and a
 * reconnect herd after every connection is cut at once.
 */
export async function runScenario(plan: ScenarioPlan, log: (line: string) => void): Promise<ScenarioResult> {
  const deployment = await startDeployment(plan.broker, plan.players);
  const watch = watchProcesses(deployment.pids);
  let fleet: Awaited<ReturnType<typeof startFleet>> | null = null;
  try {
    const { api } = deployment;
    await api('POST', '/api/playlists', {
      id: 'pengumuman',
      name: 'Pengumuman',
      items: [{ type: 'text', props: { body: 'Selamat datang' }, durationMs: 20_000 }],
    });
    const firstStart = machineNow();
    const { event } = await api<{ event: { event: { id: string } } }>('POST', '/api/events', {
      name: 'Semua layar',
      playlistId: 'pengumuman',
      targets: { screens: [], groups: [], walls: [], all: true },
      start: '2025-01-01T00:00',
    });
    const firstPublishMs = machineNow() - firstStart;
    log(`  ${plan.players} screens published in ${Math.round(firstPublishMs)} ms (no players yet)`);

    const firstScreen = deployment.players[0]?.screenId ?? 'layar-00001';
    const mix = API_MIX(firstScreen);
    const apiWithoutPlayers = plan.api
      ? await apiLoad(deployment.controller.url, deployment.token, { ...plan.api, paths: mix })
      : undefined;

    fleet = await startFleet({
      players: fleetPlayers(deployment, 10),
      urls: deployment.urls,
      perProcess: 2000,
      connectTimeoutMs: FLEET_CONNECT_TIMEOUT_MS,
    });
    const fleetPids = Object.fromEntries(fleet.pids.map((pid, i) => [`fleet-${i}`, pid]));
    const fleetWatch = watchProcesses(fleetPids, 1000);
    const running = fleet;
    const before = async () => ({
      counters: (await running.report()).counters,
      cpu: watch.cpuTotals(),
      watch,
      fleetCpu: fleetWatch.cpuTotals(),
      fleetWatch,
    });
    const beforeConnect = await before();
    const start = await fleet.connect();
    const connect = await herd(deployment, fleet, start, beforeConnect, plan);
    log(
      `  connect herd: ready ${connect.ready}/${plan.players} in ${Math.round(connect.readyMs ?? NaN)} ms, ${Math.round(connect.cpuMs)} ms CPU`,
    );

    watch.mark();
    fleetWatch.mark();
    await sleep(plan.steadyS * 1000);
    const cpu = watch.cpuSince();
    const fleetCpu = Object.values(fleetWatch.cpuSince()).reduce((a, b) => a + b, 0);
    const steadyCpuPct = { ...cpu, fleet: fleetCpu };

    // The API first: a burst leaves the controller thousands of heartbeats to store for a second or two after.
    const apiWithPlayers = plan.api
      ? await apiLoad(deployment.controller.url, deployment.token, { ...plan.api, paths: mix })
      : undefined;
    const burst = plan.burst ? await fleet.burst(plan.burst) : undefined;

    const republish: ScenarioResult['republish'] = [];
    for (let run = 0; run < (plan.republishRuns ?? 0); run++) {
      const cpuBefore = watch.cpuTotals();
      const since = machineNow();
      await api('PUT', `/api/events/${event.event.id}`, {
        name: `Semua layar ${run + 1}`,
        playlistId: 'pengumuman',
        targets: { screens: [], groups: [], walls: [], all: true },
        start: '2025-01-01T00:00',
        priority: run + 1,
      });
      republish.push({
        ...(await republishArrivals(fleet, since, plan.players)),
        cpuMs: serverCpuSince(watch, cpuBefore),
      });
      const last = republish.at(-1);
      log(
        `  republish ${run + 1}: last player after ${Math.round(last?.lastMs ?? NaN)} ms, ${Math.round(last?.cpuMs ?? NaN)} ms CPU`,
      );
    }

    let reconnect: Herd | null = null;
    if (plan.reconnect !== false) {
      const beforeDrop = await before();
      const dropped = await fleet.drop();
      reconnect = await herd(deployment, fleet, dropped, beforeDrop, plan);
      log(
        `  reconnect herd: ready ${reconnect.ready}/${plan.players} in ${Math.round(reconnect.readyMs ?? NaN)} ms, ${Math.round(reconnect.cpuMs)} ms CPU`,
      );
    }

    fleetWatch.stop();
    return {
      plan,
      firstPublishMs,
      connect,
      reconnect,
      steadyCpuPct,
      peakRssMib: { ...watch.peaks },
      republish,
      ...(apiWithoutPlayers ? { apiWithoutPlayers } : {}),
      ...(apiWithPlayers ? { apiWithPlayers } : {}),
      ...(burst ? { burst } : {}),
    };
  } finally {
    watch.stop();
    await fleet?.close();
    await deployment.stop();
  }
}
