import type { Page } from 'playwright-core';
import { capXml } from '../../controller/src/testing/cap-fixtures';
import { ChromiumHost } from '../../player/src/node/chromium-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium';
import {
  ADMIN_PASSWORD,
  type ControllerProcess,
  startControllerProcess,
  tempDataDir,
} from '../../test/support/controller-process';
import { startMosquitto } from '../../test/support/mosquitto';
import { mqttRoundTrips } from '../lib/mqtt';
import { type Benchmark, outcome } from '../lib/result';
import { percentile } from '../lib/stats';
import { type AlertMeasurements, POLL_INTERVAL_MS, alertFigures } from './figures';
import { startAlertFleet } from './fleet';
import { screenIds, seedScreens } from './seed';

/**
 * Rounds per scale, after the first alert of each controller (reported on its own, `ack_p99_ms_first`): 5 × 1,000
 * acknowledgements; 2 alerts to 10,000; 5 rounds on two real players.
 */
const ROUNDS_1K = Number(process.env.BARUGA_BENCH_ALERT_ROUNDS ?? 5);
const ROUNDS_10K = 2;
const PLAYERS_10K = Number(process.env.BARUGA_BENCH_ALERT_10K ?? 10_000);
const PIXEL_ROUNDS = 5;

interface Api {
  call(method: string, path: string, body?: unknown, type?: string): Promise<{ status: number; body: unknown }>;
}

async function signIn(url: string): Promise<Api> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const { token } = (await response.json()) as { token: string };
  return {
    async call(method, path, body, type = 'application/json') {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': type }) },
        body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
  };
}

type AlertView = { acknowledged: number; screens: { latencyMs: number | null }[] };

/**
 * One alert to every screen (a CAP message whose polygon covers them all), then the controller's own timing of each
 * screen's acknowledgement: from the alert's arrival at the controller to the acknowledgement's. Waits (bounded) for
 * all of them; a missing one fails the run rather than shrink its sample. The alert is cleared before the next round.
 * With simulated players, the wait asks the fleet first (`sent`: acknowledgements it has sent in all, over IPC), so
 * the controller is not asked to list a thousand screens while it is still hearing from them: the instrument would
 * add its own work to what it measures.
 */
async function round(api: Api, n: number, label: string, i: number, sent?: () => Promise<number>): Promise<number[]> {
  const before = sent ? await sent() : 0;
  const expires = new Date(Date.now() + 600_000).toISOString();
  const posted = await api.call(
    'POST',
    '/api/alerts/cap',
    capXml({ identifier: `BENCH-${label}-${i}-${Date.now()}`, expires }),
    'application/cap+xml',
  );
  if (posted.status !== 202) throw new Error(`${label}: CAP refused: ${JSON.stringify(posted.body)}`);
  const { id, screens } = posted.body as { id: string; screens: number };
  if (screens !== n) throw new Error(`${label}: the alert reached ${screens} screens, not ${n}`);
  const deadline = Date.now() + 60_000;
  while (sent && (await sent()) < before + n) {
    if (Date.now() > deadline) throw new Error(`${label}: the players sent fewer than ${n} acknowledgements`);
    await new Promise((r) => setTimeout(r, 100));
  }
  let view: AlertView;
  for (;;) {
    await new Promise((r) => setTimeout(r, n > 2000 ? 1000 : 250));
    view = (await api.call('GET', `/api/alerts/${id}`)).body as AlertView;
    if (view.acknowledged === n) break;
    if (Date.now() > deadline) throw new Error(`${label}: ${n - view.acknowledged} of ${n} players never acknowledged`);
  }
  await api.call('DELETE', `/api/alerts/${id}`);
  await new Promise((r) => setTimeout(r, 500));
  return view.screens.map((s) => s.latencyMs ?? Number.NaN);
}

/** `n` seeded screens, a controller (embedded broker, or the given external one), `n` simulated players. */
async function fleetRun(
  label: string,
  n: number,
  rounds: number,
  brokerEnv: Record<string, string> = {},
  tcp?: string,
) {
  const dataDir = tempDataDir('baruga-bench-alerts-');
  const ids = screenIds(label, n);
  seedScreens(dataDir, ids);
  const controller = await startControllerProcess({
    dataDir,
    env: { BARUGA_SEED_DEMO: '0', ...brokerEnv },
    timeoutMs: 120_000,
  });
  try {
    const fleet = await startAlertFleet(tcp ?? `mqtt://127.0.0.1:${controller.mqttPort}`, ids);
    try {
      const api = await signIn(controller.url);
      // The first alert after a start runs the fan-out's code cold (a controller that has been up a while has sent
      // manifests, commands and alerts down the same path): kept apart, not mixed into the figures of a warm one.
      const sent = async () => (await fleet.report()).acked;
      const first = await round(api, n, label, -1, sent);
      const byRound: number[][] = [];
      for (let i = 0; i < rounds; i++) byRound.push(await round(api, n, label, i, sent));
      return { first, latencies: byRound.flat(), byRound };
    } finally {
      await fleet.close();
    }
  } finally {
    await controller.stop();
  }
}

/** Two Chromium host players, each on its own screen with a picture playing; the same alert rounds. */
async function pixelRun(): Promise<number[]> {
  const dataDir = tempDataDir('baruga-bench-pixels-');
  const ids = screenIds('layar-piksel', 2);
  seedScreens(dataDir, ids);
  const controller: ControllerProcess = await startControllerProcess({ dataDir, env: { BARUGA_SEED_DEMO: '0' } });
  const hosts: ChromiumHost[] = [];
  try {
    const api = await signIn(controller.url);
    for (const id of ids) {
      await api.call('POST', `/api/screens/${id}/items`, {
        type: 'text',
        durationMs: 600_000,
        props: { body: 'Selamat datang' },
      });
      await api.call('POST', `/api/screens/${id}/publish`);
      const host = new ChromiumHost({
        executablePath: CHROMIUM_PATH,
        userDataDir: tempDataDir('baruga-bench-pixels-profile-'),
        headless: true,
        kiosk: false,
        extraArgs: CHROMIUM_ARGS.filter((a) => a !== '--headless'),
        log: () => undefined,
      });
      hosts.push(host);
      await host.start({
        controllerUrl: controller.url,
        screens: [{ screenId: id, x: 0, y: 0, width: 640, height: 360 }],
      });
    }
    const pages = await Promise.all(
      ids.map(async (id, i) => {
        const deadline = Date.now() + 30_000;
        while (!hosts[i]?.page(id)) {
          if (Date.now() > deadline) throw new Error(`no page for ${id}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        const page = hosts[i]?.page(id) as Page;
        await page.waitForFunction(() => (window as { baruga?: { shown: unknown[] } }).baruga?.shown.length, null, {
          timeout: 30_000,
        });
        return page;
      }),
    );
    const samples: number[] = [];
    for (let i = 0; i < PIXEL_ROUNDS; i++) {
      samples.push(...(await round(api, 2, 'piksel', i)));
      for (const page of pages)
        await page.waitForSelector('[data-testid="alert-takeover"]', { state: 'detached', timeout: 10_000 });
    }
    return samples;
  } finally {
    for (const host of hosts) await host.dispose();
    await controller.stop();
  }
}

export const benchmark: Benchmark = {
  title: `Emergency alerts: arrival at the controller to each player's acknowledgement (1,000 and ${PLAYERS_10K.toLocaleString('en')} players; embedded broker and Mosquitto), and to pixels on two real players`,
  async run() {
    const embedded = await fleetRun('layar', 1000, ROUNDS_1K);
    const large = await fleetRun('layar-besar', PLAYERS_10K, ROUNDS_10K);
    const mosquitto = await startMosquitto();
    let external: Awaited<ReturnType<typeof fleetRun>>;
    try {
      const tcp = `mqtt://127.0.0.1:${mosquitto.tcpPort}`;
      external = await fleetRun('layar-mosq', 1000, ROUNDS_1K, { BARUGA_MQTT_URL: tcp }, tcp);
    } finally {
      await mosquitto.stop();
    }
    const pixels = await pixelRun();
    const bareHops = await mqttRoundTrips(200);
    const m: AlertMeasurements = {
      embedded1k: embedded.latencies,
      embedded1kFirst: embedded.first,
      embedded10k: large.latencies,
      mosquitto1k: external.latencies,
      pixels,
      bareHops,
    };
    return outcome({
      anchor: `polling every ${POLL_INTERVAL_MS / 1000} s (Xibo's default collection interval), the same players`,
      notes: [
        `One CAP alert per round to every screen (its polygon covers them all), ${ROUNDS_1K} rounds at 1,000 players, ${ROUNDS_10K} at ${PLAYERS_10K.toLocaleString('en')},`,
        `${ROUNDS_1K} with Debian's Mosquitto as the broker, each after the controller's first alert (its figure is ack_p99_ms_first), and ${PIXEL_ROUNDS} on two Chromium host players.`,
        "The simulated players speak MQTT over plain sockets (fleet-process.ts), a few microseconds each per message. Times are the controller's own:",
        'from the request reaching the CAP handler to each acknowledgement reaching the controller (a simulated player acknowledges',
        'on arrival; a real one from the frame after the one that painted the notice). The anchor is what the same players would',
        'wait polling every 300 s at evenly spread phases; the limit is two bare MQTT hops through aedes (the embedded broker library) with nothing else on it.',
        // The pooled p99 is the slowest round's: each round's own, in order, shows whether that is the code warming.
        `The p99 of each 1,000-player round on the embedded broker, in order: ${embedded.byRound.map((r) => percentile(r, 99).toFixed(1)).join(', ')} ms.`,
      ].join(' '),
      figures: alertFigures(m),
      excluded: { 'acknowledgements missing (a missing one fails the run)': 0 },
    });
  },
};
