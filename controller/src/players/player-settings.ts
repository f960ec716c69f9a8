import { DEFAULT_HEARTBEAT_S } from '@baruga/protocol';
import { ConfigError } from '../config';

/** Player delivery settings (docs/delivery.md), read from the environment once at start. */
export interface DeliveryConfig {
  /**
   * BARUGA_ANONYMOUS_PLAYERS (default 1): browsers opened at /player/?screen=… without enrollment may
   * play screens no enrolled player has claimed. 0: only enrolled players reach the broker.
   */
  anonymousPlayers: boolean;
  /** BARUGA_HEARTBEAT_S (default 15): how often players send telemetry; online/late/offline derive from it. */
  heartbeatIntervalS: number;
  /** BARUGA_POP_RETENTION_DAYS (default 92): proof-of-play records older than this are deleted. */
  popRetentionDays: number;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function loadDeliveryConfig(env: NodeJS.ProcessEnv): DeliveryConfig {
  const anonymous = env.BARUGA_ANONYMOUS_PLAYERS ?? '1';
  if (anonymous !== '0' && anonymous !== '1') {
    throw new ConfigError(`BARUGA_ANONYMOUS_PLAYERS must be 0 or 1, got "${anonymous}"`);
  }
  return {
    anonymousPlayers: anonymous === '1',
    heartbeatIntervalS: integer(env, 'BARUGA_HEARTBEAT_S', DEFAULT_HEARTBEAT_S, 1, 3600),
    popRetentionDays: integer(env, 'BARUGA_POP_RETENTION_DAYS', 92, 1, 3660),
  };
}
