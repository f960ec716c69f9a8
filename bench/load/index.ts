import { type Benchmark, outcome } from '../lib/result';
import { openFilesLimit } from '../lib/process-stats';
import { type LoadResults, type ScenarioKey, loadFigures } from './figures';
import { FLEET_CONNECT_TIMEOUT_MS, type ScenarioPlan, type ScenarioResult, runScenario } from './scenario';

/**
 * Ten thousand players on one controller (issue #15): simulated players (bench/lib/fleet) against the embedded
 * broker and against Debian's Mosquitto, at 1,000, 3,000 and 10,000. Each scenario seeds its own controller,
 * publishes every screen, lets the whole fleet connect at once, measures steady heartbeats, and cuts every
 * connection at once for a reconnect herd; at 1,000 it also drives the API with autocannon before the players
 * connect (the anchor) and with them connected, measures the broker with a burst, and republishes every screen
 * through one event edit.
 */
const PLANS: [ScenarioKey, ScenarioPlan][] = [
  [
    'embedded-1k',
    {
      broker: 'embedded',
      players: 1000,
      steadyS: 30,
      herdTimeoutS: 90,
      api: { seconds: 10, connections: 10 },
      republishRuns: 3,
      burst: 5,
    },
  ],
  ['mosquitto-1k', { broker: 'mosquitto', players: 1000, steadyS: 15, herdTimeoutS: 90, republishRuns: 3, burst: 5 }],
  ['embedded-3k', { broker: 'embedded', players: 3000, steadyS: 20, herdTimeoutS: 90 }],
  ['mosquitto-3k', { broker: 'mosquitto', players: 3000, steadyS: 20, herdTimeoutS: 90 }],
  ['mosquitto-10k', { broker: 'mosquitto', players: 10_000, steadyS: 20, herdTimeoutS: 120 }],
  // Past the crossover: the connect herd and steady CPU say enough; a reconnect herd would only take longer.
  ['embedded-10k', { broker: 'embedded', players: 10_000, steadyS: 20, herdTimeoutS: 90, reconnect: false }],
];

/** `BARUGA_BENCH_LOAD=embedded-1k,mosquitto-1k` runs only those scenarios, to check the benchmark works. */
const only = process.env.BARUGA_BENCH_LOAD?.split(',').filter(Boolean);

function summary(key: string, s: ScenarioResult): string {
  const herd = (h: ScenarioResult['connect']) =>
    `${h.ready}/${h.players} ready in ${h.readyMs === null ? 'timeout' : `${Math.round(h.readyMs)} ms`}` +
    ` (console: ${h.shownOnlineMs === null ? 'not all online' : `${Math.round(h.shownOnlineMs)} ms`}),` +
    ` ${h.attempts} attempts, failures ${JSON.stringify(h.failures)}, ${h.lost} lost, ${h.shownOffline} shown offline,` +
    ` ${Math.round(h.cpuMs)} ms of controller and broker CPU (fleet ${Math.round(h.fleetCpuMs)} ms)`;
  const cpu = Object.entries(s.steadyCpuPct)
    .map(([name, pct]) => `${name} ${pct.toFixed(1)}%`)
    .join(', ');
  const rss = Object.entries(s.peakRssMib)
    .map(([name, mib]) => `${name} ${Math.round(mib)} MiB`)
    .join(', ');
  return (
    `${key}: first publish of every screen ${Math.round(s.firstPublishMs)} ms; connect herd ${herd(s.connect)}; ` +
    `${s.reconnect ? `reconnect herd ${herd(s.reconnect)}; ` : ''}steady CPU ${cpu}; peak RSS ${rss}.`
  );
}

export const benchmark: Benchmark = {
  title: 'ten thousand players: connect and reconnect herds, republishing every screen, the API under load',
  async run() {
    const plans = PLANS.filter(([key]) => !only || only.includes(key));
    const largest = Math.max(...plans.map(([, plan]) => plan.players));
    // One socket per player in the broker's process (and one more in the bridge for WebSocket players).
    if (openFilesLimit() < largest + 2000) {
      throw new Error(
        `ulimit -n is ${openFilesLimit()}: raise it to at least ${largest + 2000} for ${largest} players`,
      );
    }
    const results: LoadResults = {};
    const started = Date.now();
    for (const [key, plan] of plans) {
      console.log(`${key}: ${plan.players} players on the ${plan.broker} broker`);
      results[key] = await runScenario(plan, (line) => console.log(line));
    }
    const { figures, excluded } = loadFigures(results);
    return outcome({
      anchor: 'the same API load with no players connected',
      figures,
      excluded,
      notes: [
        `Scenarios (${Math.round((Date.now() - started) / 1000)} s in all): ${plans.map(([key]) => key).join(', ')}.`,
        'Each seeds a fresh controller (controller/src/testing/seed-fleet.ts writes the screens, in 79 groups, and one',
        'enrolled player per screen into SQLite before the controller starts: pairing 10,000 players over HTTP would',
        'take the whole time budget), runs it as `npm start` does in its own process, and publishes every screen',
        'through one event before any player connects. Players are real MQTT clients (mqtt.js, MQTT 3.1.1) in worker',
        'processes of 2,000 each, with per-player credentials (on Mosquitto: the password file and ACL of `npm run',
        "mosquitto:acl`), one in ten over WebSocket (the controller's /mqtt, or Mosquitto's own listener), each",
        'with a last will, a retained online status, heartbeats every 15 s, subscriptions to its manifest, commands',
        "and proof-of-play acknowledgements, and the player's reconnect backoff (player/src/common/reconnect-backoff.ts)",
        `but a ${FLEET_CONNECT_TIMEOUT_MS / 1000} s CONNACK timeout instead of the player's 10 s: thousands of simulated`,
        'players share two CPUs, so a worker reads a CONNACK late and its retries, not the broker, would set the pace.',
        'Arrival times are taken in the workers in machine time. A herd ends when the last player is subscribed; the',
        'console view (screens connected) is read too. CPU and RSS come from /proc. Needs ulimit -n of at least the',
        'largest fleet plus 2,000 (checked).',
        ...plans.map(([key]) => {
          const s = results[key];
          return s ? summary(key, s) : '';
        }),
      ].join(' '),
    });
  },
};
