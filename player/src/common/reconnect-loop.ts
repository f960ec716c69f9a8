import {
  type BackoffPolicy,
  RECONNECT_BACKOFF,
  connectTimeoutMs,
  nextConnectionSeq,
  reconnectDelayMs,
} from './reconnect-backoff';

/** One connection attempt as the loop starts it: its number since the last good connection, and its own seq. */
export interface AttemptPlan {
  /** Failures since the last accepted connection (0 for the first try after one). */
  failures: number;
  /** PlayerStatus `connectionSeq` for this attempt's last will and status. */
  connectionSeq: number;
  /** How long this attempt waits for the broker's CONNACK. */
  connectTimeoutMs: number;
}

/** What an attempt tells the loop: the broker accepted it, and (later, or instead) it closed. */
export interface AttemptEvents {
  accepted(): void;
  closed(): void;
}

/**
 * Keeps a broker connection up with the player's reconnect policy (reconnect-backoff.ts), whatever the client
 * library: `open` starts one attempt (a fresh client, since an attempt's last will is fixed when it connects) and
 * reports back; after a close the next attempt waits a jittered, growing delay, reset once an attempt is accepted.
 * Timers come from the caller (the player's owner scope), so a test drives hours of outage in a few calls.
 */
export function reconnectLoop(deps: {
  open(plan: AttemptPlan, events: AttemptEvents): { close(): void };
  later(ms: number, fn: () => void): () => void;
  now(): number;
  random?: () => number;
  policy?: BackoffPolicy;
}): { dispose(): void } {
  const policy = deps.policy ?? RECONNECT_BACKOFF;
  let failures = 0;
  let lastSeq = 0;
  let disposed = false;
  let current: { close(): void } | null = null;
  let cancelRetry: () => void = () => undefined;

  const attempt = () => {
    if (disposed) return;
    lastSeq = nextConnectionSeq(lastSeq, deps.now());
    let accepted = false;
    let closed = false;
    const handle = deps.open(
      { failures, connectionSeq: lastSeq, connectTimeoutMs: connectTimeoutMs(failures, policy) },
      {
        accepted() {
          if (closed || disposed) return;
          accepted = true;
          failures = 0;
        },
        closed() {
          if (closed) return;
          closed = true;
          if (current === handle) current = null;
          if (disposed) return;
          if (!accepted) failures += 1;
          cancelRetry = deps.later(reconnectDelayMs(failures, deps.random, policy), attempt);
        },
      },
    );
    if (!closed) current = handle;
  };
  attempt();

  return {
    dispose() {
      disposed = true;
      cancelRetry();
      current?.close();
      current = null;
    },
  };
}
