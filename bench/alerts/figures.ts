import { type Figure, figure, stat } from '../lib/result';

/** Xibo's default collection interval: a polling player hears of a change at its next collection. */
export const POLL_INTERVAL_MS = 300_000;

export interface AlertMeasurements {
  /** Per acknowledgement, ms from the alert's arrival at the controller (the controller's own timing). */
  embedded1k: number[];
  /** The same, for the first alert after the controller started (its code still cold). */
  embedded1kFirst: number[];
  embedded10k: number[];
  mosquitto1k: number[];
  /** Two real players in Chromium: arrival to the acknowledgement sent from the frame after the painted one. */
  pixels: number[];
  /** Bare MQTT hops through the embedded broker (one publisher, one subscriber), ms. */
  bareHops: number[];
}

/**
 * The polling anchor, for `n` players: each player collects every POLL_INTERVAL_MS at its own phase, so an alert
 * waits until its next collection. Phases spread evenly over the interval (the expectation of random phases):
 * the delays are what `n` polling players would wait, without waiting five minutes for each.
 */
export function pollingDelays(n: number): number[] {
  return Array.from({ length: n }, (_, i) => ((i + 0.5) / n) * POLL_INTERVAL_MS);
}

const LOOPBACK =
  'loopback, players are minimal MQTT clients on plain sockets (fleet-process.ts), in processes of their own on the same 2 CPUs';

export function alertFigures(m: AlertMeasurements): Record<string, Figure> {
  const poll = (n: number) => pollingDelays(n);
  const floor = (p: number) => ({
    value: 2 * stat.percentile(m.bareHops, p).value,
    samples: m.bareHops.length,
    what: `two bare MQTT hops through aedes (alert out, acknowledgement back), p${p}`,
  });
  return {
    ack_p50_ms: figure(stat.median(m.embedded1k), 'ms', {
      anchor: stat.median(poll(m.embedded1k.length)),
      limit: floor(50),
      caveat: `${LOOPBACK}; embedded broker, 1,000 players`,
    }),
    ack_p99_ms: figure(stat.percentile(m.embedded1k, 99), 'ms', {
      anchor: stat.percentile(poll(m.embedded1k.length), 99),
      limit: floor(99),
      caveat: `${LOOPBACK}; embedded broker, 1,000 players`,
    }),
    ack_max_ms: figure(stat.max(m.embedded1k), 'ms', {
      anchor: stat.max(poll(m.embedded1k.length)),
      caveat: `${LOOPBACK}; embedded broker, 1,000 players, the slowest acknowledgement of every round`,
    }),
    ack_p99_ms_first: figure(stat.percentile(m.embedded1kFirst, 99), 'ms', {
      anchor: stat.percentile(poll(m.embedded1kFirst.length), 99),
      caveat: `${LOOPBACK}; embedded broker, 1,000 players, the first alert after the controller started`,
    }),
    ack_p99_ms_10k: figure(stat.percentile(m.embedded10k, 99), 'ms', {
      anchor: stat.percentile(poll(m.embedded10k.length), 99),
      caveat: `${LOOPBACK}; embedded broker, 10,000 players`,
    }),
    mosquitto_ack_p99_ms: figure(stat.percentile(m.mosquitto1k, 99), 'ms', {
      anchor: stat.percentile(poll(m.mosquitto1k.length), 99),
      caveat: `${LOOPBACK}; Debian's Mosquitto as the broker, 1,000 players`,
    }),
    alert_to_pixels_ms: figure(stat.median(m.pixels), 'ms', {
      anchor: stat.median(poll(m.pixels.length)),
      caveat:
        'two Chromium host players (headless, software GL); until the acknowledgement sent after the painted frame',
    }),
  };
}
