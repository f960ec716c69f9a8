import { describe, expect, it } from 'vitest';
import { outcome } from '../lib/result';
import { loadFigures } from './figures';
import type { Herd, ScenarioResult } from './scenario';

const herd = (readyMs: number | null, extra: Partial<Herd> = {}): Herd => ({
  readyMs,
  shownOnlineMs: readyMs,
  players: 1000,
  ready: readyMs === null ? 990 : 1000,
  failures: { timeout: 0, refused: 0, error: 0, closed: 0 },
  lost: 0,
  attempts: 1000,
  shownOffline: 0,
  cpuMs: 1500,
  fleetCpuMs: 3000,
  ...extra,
});

function scenario(broker: 'embedded' | 'mosquitto', players: number, extra: Partial<ScenarioResult> = {}) {
  const result: ScenarioResult = {
    plan: { broker, players, steadyS: 30, herdTimeoutS: 90 },
    firstPublishMs: 900,
    connect: herd(3000),
    reconnect: herd(2000),
    steadyCpuPct: { controller: 12, ...(broker === 'mosquitto' ? { mosquitto: 3 } : {}), fleet: 20 },
    peakRssMib: { controller: 310 },
    republish: [],
    ...extra,
  };
  return result;
}

describe('load figures', () => {
  it('reads the API with players against the same load without, from every response', () => {
    const latencies = (base: number) => Array.from({ length: 200 }, (_, i) => base + i / 100);
    const { figures } = loadFigures({
      'embedded-1k': scenario('embedded', 1000, {
        apiWithoutPlayers: { latencies: latencies(2), seconds: 10, errors: 0, non2xx: 0 },
        apiWithPlayers: { latencies: latencies(4), seconds: 10, errors: 0, non2xx: 0 },
      }),
    });
    const r = outcome({ anchor: 'no players', notes: '', figures });
    expect(r.figures.api_p50_ms).toBe(5);
    expect(r.anchor.figures.api_p50_ms).toBe(3);
    expect(r.figures.api_rps).toBe(20);
    expect(r.samples?.api_p99_ms).toBe(200);
  });

  it('takes the median republish of the runs every player completed, and counts the others', () => {
    const run = (lastMs: number, missing = 0) => ({ lastMs, arrivalsMs: [lastMs], missing, cpuMs: lastMs / 2 });
    const { figures, excluded } = loadFigures({
      'embedded-1k': scenario('embedded', 1000, { republish: [run(1500), run(900, 3), run(1300), run(1100)] }),
      'mosquitto-1k': scenario('mosquitto', 1000, { republish: [run(800)] }),
    });
    const r = outcome({ anchor: 'x', notes: '', figures });
    expect(r.figures.republish_all_ms_1k).toBe(1300);
    expect(r.samples?.republish_all_ms_1k).toBe(3);
    expect(r.anchor.figures.republish_all_ms_1k).toBe(800);
    expect(r.figures.republish_all_cpu_ms_1k).toBe(650);
    expect(excluded['republish runs where a player never got the manifest (embedded, 1,000)']).toBe(1);
  });

  it('reports a herd that did not finish as players left out, not as a time', () => {
    const { figures, excluded } = loadFigures({
      'embedded-10k': scenario('embedded', 10_000, { connect: herd(null, { players: 10_000, ready: 9_200 }) }),
      'mosquitto-10k': scenario('mosquitto', 10_000, {
        connect: herd(8000, { failures: { timeout: 2, refused: 0, error: 1, closed: 0 }, lost: 4 }),
      }),
    });
    expect(figures.connect_all_ms_10k_embedded).toBeUndefined();
    expect(excluded['connect herd, embedded, 10,000: players not ready within the timeout']).toBe(800);
    const r = outcome({ anchor: 'x', notes: '', figures });
    expect(r.figures.connect_all_ms_10k).toBe(8000);
    expect(r.figures.connect_errors_10k).toBe(7);
    expect(r.caveats?.connect_all_ms_10k).toContain('3 failed attempts, 4 live connections lost');
  });

  it('counts the broker burst per second, CPU of controller and broker together, and stale offline screens', () => {
    const { figures } = loadFigures({
      'embedded-1k': scenario('embedded', 1000, { burst: { acked: 5000, ms: 2500 } }),
      'mosquitto-1k': scenario('mosquitto', 1000, { burst: { acked: 5000, ms: 1000 } }),
      'mosquitto-10k': scenario('mosquitto', 10_000, { reconnect: herd(5000, { shownOffline: 2 }) }),
    });
    const r = outcome({ anchor: 'x', notes: '', figures });
    expect(r.figures.broker_msgs_per_s).toBe(2000);
    expect(r.anchor.figures.broker_msgs_per_s).toBe(5000);
    expect(r.figures.steady_cpu_pct_10k).toBe(15);
    expect(r.figures.screens_shown_offline_after_herds).toBe(2);
    expect(r.figures.controller_peak_rss_mib).toBe(310);
  });
});
