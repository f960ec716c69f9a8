/** The first reconnect comes after a second; each failed one doubles the wait, up to this, with ±20 % jitter. */
export const RECONNECT_FIRST_MS = 1000;
export const RECONNECT_MAX_MS = 30_000;

/**
 * How long to wait before the next reconnect after `failures` failed ones. Jitter spreads a province of players
 * that lost the same broker, so they do not all knock at the same instant when it comes back.
 */
export function reconnectDelay(failures: number, random: () => number = Math.random): number {
  return Math.round(Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** failures) * (0.8 + 0.4 * random()));
}
