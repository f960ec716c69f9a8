import { type Figure, type Stat, figure, stat } from '../lib/result';
import type { Herd, ScenarioResult } from './scenario';

/** The scenarios the load benchmark runs, by broker and fleet size. */
export type ScenarioKey = `${'embedded' | 'mosquitto'}-${'1k' | '3k' | '10k'}`;
export type LoadResults = Partial<Record<ScenarioKey, ScenarioResult>>;

const MOSQUITTO = 'Debian Mosquitto 2.0, same players';
const LOOPBACK = 'loopback; the simulated players run on the same 2 CPUs as the controller and the broker';

const failuresOf = (h: Herd) => h.failures.timeout + h.failures.refused + h.failures.error + h.failures.closed;

/** A herd's time as a figure, or why it has none (not every player was ready within the timeout). */
function herdFigure(
  h: Herd | undefined,
  what: string,
  excluded: Record<string, number>,
  extra: { anchor?: (Stat & { name?: string }) | undefined; caveat: string },
): Figure | null {
  if (!h) return null;
  if (h.readyMs === null) {
    excluded[`${what}: players not ready within the timeout`] = h.players - h.ready;
    return null;
  }
  return figure(stat.single(h.readyMs), 'ms', {
    digits: 0,
    ...(extra.anchor ? { anchor: extra.anchor } : {}),
    caveat: `${extra.caveat}; ${failuresOf(h)} failed attempts, ${h.lost} live connections lost`,
  });
}

const anchorOf = (h: Herd | undefined): (Stat & { name: string }) | undefined =>
  h?.readyMs === null || h === undefined ? undefined : { ...stat.single(h.readyMs), name: MOSQUITTO };

/** Requests per second over the whole load run: every answered request, divided by the run's length. */
const rps = (latencies: readonly number[], seconds: number): Stat => ({
  value: latencies.length / seconds,
  samples: latencies.length,
});

/** Messages per second the broker acknowledged in a burst. */
const throughput = (burst: { acked: number; ms: number }): Stat => ({
  value: (burst.acked / burst.ms) * 1000,
  samples: burst.acked,
});

export function loadFigures(r: LoadResults): { figures: Record<string, Figure>; excluded: Record<string, number> } {
  const figures: Record<string, Figure> = {};
  const excluded: Record<string, number> = {};
  const put = (key: string, f: Figure | null) => {
    if (f) figures[key] = f;
  };
  const e1 = r['embedded-1k'];
  const m1 = r['mosquitto-1k'];
  const e3 = r['embedded-3k'];
  const m3 = r['mosquitto-3k'];
  const e10 = r['embedded-10k'];
  const m10 = r['mosquitto-10k'];

  const withPlayers = e1?.apiWithPlayers;
  const without = e1?.apiWithoutPlayers;
  if (withPlayers && without) {
    const apiCaveat = `5 read endpoints round robin, 10 connections, closed loop; ${LOOPBACK}`;
    put(
      'api_p50_ms',
      figure(stat.percentile(withPlayers.latencies, 50), 'ms', {
        digits: 2,
        anchor: stat.percentile(without.latencies, 50),
        caveat: `1,000 players connected (embedded broker); ${apiCaveat}`,
      }),
    );
    put(
      'api_p99_ms',
      figure(stat.percentile(withPlayers.latencies, 99), 'ms', {
        digits: 2,
        anchor: stat.percentile(without.latencies, 99),
        caveat: `target under 100 ms with 1,000 players; ${apiCaveat}`,
      }),
    );
    put(
      'api_rps',
      figure(rps(withPlayers.latencies, withPlayers.seconds), 'req/s', {
        digits: 0,
        anchor: rps(without.latencies, without.seconds),
        caveat: `${withPlayers.errors} errors, ${withPlayers.non2xx} non-2xx answers; ${apiCaveat}`,
      }),
    );
  }

  const runs = e1?.republish ?? [];
  const complete = runs.filter((run) => run.missing === 0).map((run) => run.lastMs);
  excluded['republish runs where a player never got the manifest (embedded, 1,000)'] = runs.length - complete.length;
  const mosquittoRuns = (m1?.republish ?? []).filter((run) => run.missing === 0).map((run) => run.lastMs);
  if (complete.length > 0) {
    put(
      'republish_all_ms_1k',
      figure(stat.median(complete), 'ms', {
        digits: 0,
        ...(mosquittoRuns.length > 0 ? { anchor: { ...stat.median(mosquittoRuns), name: MOSQUITTO } } : {}),
        caveat: `one event edit that touches every screen, from the request to the last of 1,000 players' arrival (median of runs); target under 2,000 ms; ${LOOPBACK}`,
      }),
    );
  }

  const cpuOfComplete = runs.filter((run) => run.missing === 0).map((run) => run.cpuMs);
  if (cpuOfComplete.length > 0) {
    put(
      'republish_all_cpu_ms_1k',
      figure(stat.median(cpuOfComplete), 'ms', {
        digits: 0,
        caveat:
          'CPU time the controller (and its broker) spent on one republish of 1,000 screens: the wall time on a quiet machine is about this, plus the broker round trips',
      }),
    );
  }

  if (e1?.burst) {
    put(
      'broker_msgs_per_s',
      figure(throughput(e1.burst), 'msgs/s', {
        digits: 0,
        ...(m1?.burst ? { anchor: { ...throughput(m1.burst), name: MOSQUITTO } } : {}),
        caveat: `embedded broker; 1,000 players each publish 5 QoS 1 heartbeats at once, to the last PUBACK; each is also delivered to the controller; ${LOOPBACK}`,
      }),
    );
  }

  if (e1) {
    put(
      'controller_peak_rss_mib',
      figure(stat.single(e1.peakRssMib.controller ?? Number.NaN), 'MiB', {
        digits: 0,
        caveat:
          'embedded broker inside; 1,000 players: herds, API load, republishing (sampled every 250 ms from /proc)',
      }),
    );
  }

  put(
    'connect_all_ms_1k_embedded',
    herdFigure(e1?.connect, 'connect herd, embedded, 1,000', excluded, {
      anchor: anchorOf(m1?.connect),
      caveat: 'every player starts at once, to the last one subscribed',
    }),
  );
  put(
    'connect_all_ms_3k_embedded',
    herdFigure(e3?.connect, 'connect herd, embedded, 3,000', excluded, {
      anchor: anchorOf(m3?.connect),
      caveat: 'every player starts at once, to the last one subscribed; target: 0 errors',
    }),
  );
  if (e3) put('connect_errors_3k_embedded', figure(stat.single(failuresOf(e3.connect) + e3.connect.lost), 'errors'));
  put(
    'connect_all_ms_10k_embedded',
    herdFigure(e10?.connect, 'connect herd, embedded, 10,000', excluded, {
      anchor: anchorOf(m10?.connect),
      caveat: 'past the crossover: compare with the anchor',
    }),
  );
  put(
    'connect_all_ms_10k',
    herdFigure(m10?.connect, 'connect herd, Mosquitto, 10,000', excluded, {
      caveat: 'Debian Mosquitto, every player starts at once, to the last one subscribed',
    }),
  );
  if (m10) put('connect_errors_10k', figure(stat.single(failuresOf(m10.connect) + m10.connect.lost), 'errors'));
  put(
    'reconnect_herd_ms_3k_embedded',
    herdFigure(e3?.reconnect ?? undefined, 'reconnect herd, embedded, 3,000', excluded, {
      anchor: anchorOf(m3?.reconnect ?? undefined),
      caveat: 'every connection cut at once (wills fire), players back with jittered backoff',
    }),
  );
  put(
    'reconnect_herd_ms_10k',
    herdFigure(m10?.reconnect ?? undefined, 'reconnect herd, Mosquitto, 10,000', excluded, {
      caveat: 'Debian Mosquitto; every connection cut at once, players back with jittered backoff',
    }),
  );

  const cpu = (s: ScenarioResult | undefined) =>
    s ? (s.steadyCpuPct.controller ?? 0) + (s.steadyCpuPct.mosquitto ?? 0) : undefined;
  const steady = (s: ScenarioResult | undefined, m: ScenarioResult | undefined, key: string, players: string) => {
    const value = cpu(s);
    if (value === undefined || !s) return;
    const anchor = cpu(m);
    put(
      key,
      figure(stat.single(value), '% of a core', {
        ...(anchor !== undefined ? { anchor: { ...stat.single(anchor), name: MOSQUITTO } } : {}),
        caveat: `${players} players heartbeating every 15 s, over ${s.plan.steadyS} s; controller and broker together`,
      }),
    );
  };
  steady(e3, m3, 'steady_cpu_pct_3k_embedded', '3,000');
  steady(m10, undefined, 'steady_cpu_pct_10k', '10,000 (Mosquitto)');

  const herds = Object.values(r).flatMap((s) => (s ? [s.connect, ...(s.reconnect ? [s.reconnect] : [])] : []));
  put(
    'screens_shown_offline_after_herds',
    figure(stat.sum(herds.map((h) => h.shownOffline)), 'screens', {
      digits: 0,
      caveat: 'live players the console showed offline after every herd of every scenario (a stale last will)',
    }),
  );
  return { figures, excluded };
}
