/**
 * How a player reconnects to the broker (docs/deployment.md, "Reconnect herds"). After a power cut or a network
 * change thousands of players lose the broker at the same instant; a fixed retry period (mqtt.js
 * `reconnectPeriod`) brings them all back in the same instant, again and again, and a broker that cannot accept
 * them all within the connect timeout sees each wave abandoned and retried. Two rules break the waves:
 *
 * - the delay before each retry is drawn uniformly from [0, cap], the cap doubling from 1 s to 60 s ("full
 *   jitter", the variant that spreads a herd best: https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/);
 * - each attempt waits longer for the broker's CONNACK (10 s, doubling to 30 s), so a busy broker that is
 *   still working through a herd is not abandoned mid-handshake.
 *
 * Pure, with the random source injected: the player and the benchmark's simulated players use the same policy,
 * and a test can draw it.
 */
export interface BackoffPolicy {
  /** The cap of the first retry's delay. */
  firstCapMs: number;
  /** The largest cap. */
  maxCapMs: number;
  /** How long the first attempt waits for the broker to accept it. */
  firstConnectTimeoutMs: number;
  maxConnectTimeoutMs: number;
}

export const RECONNECT_BACKOFF: BackoffPolicy = {
  firstCapMs: 1000,
  maxCapMs: 60_000,
  firstConnectTimeoutMs: 10_000,
  maxConnectTimeoutMs: 30_000,
};

/** `attempt` counts the failures since the last good connection, from 0. */
export function reconnectDelayMs(
  attempt: number,
  random: () => number = Math.random,
  policy: BackoffPolicy = RECONNECT_BACKOFF,
): number {
  const cap = Math.min(policy.maxCapMs, policy.firstCapMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * cap);
}

/** How long attempt number `attempt` (from 0) waits for the broker's CONNACK before it gives up. */
export function connectTimeoutMs(attempt: number, policy: BackoffPolicy = RECONNECT_BACKOFF): number {
  return Math.min(policy.maxConnectTimeoutMs, policy.firstConnectTimeoutMs * 2 ** Math.min(attempt, 30));
}

/**
 * The number of a connection attempt for PlayerStatus `connectionSeq`: the attempt's start in epoch ms, but never
 * at or below the last one used (a clock stepped back by NTP must not make a new connection look older).
 */
export function nextConnectionSeq(last: number, nowMs: number): number {
  return Math.max(Math.floor(nowMs), last + 1);
}
