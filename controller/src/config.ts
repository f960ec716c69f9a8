import fs from 'node:fs';
import path from 'node:path';
import { type DeliveryConfig, loadDeliveryConfig } from './players/player-settings';

/** Everything the controller reads from its environment, parsed once at start. */
export interface ControllerConfig {
  /** HTTP port; 0 picks any free port. */
  port: number;
  host: string;
  dataDir: string;
  /** Embedded broker's MQTT/TCP port (0 = any free port); unused when `mqttUrl` is set. */
  mqttPort: number;
  /** External broker (mqtt://host:port). When set, no embedded broker starts. */
  mqttUrl: string | null;
  /** WebSocket URL players use for the external broker; when unset they use the controller's /mqtt bridge. */
  mqttWsUrl: string | null;
  adminPassword: string | null;
  /**
   * BARUGA_TRUSTED_ORIGINS: origins besides the controller's own (as its Host header says) from which the console
   * may send state-changing requests, for a reverse proxy that rewrites Host (comma-separated, `https://host`).
   */
  trustedOrigins: string[];
  /** Where the built console and player renderer live (vite build output). */
  consoleDir: string;
  playerDir: string;
  seedDemo: boolean;
  logLevel: string;
  /** Player delivery: anonymous players, heartbeat interval, proof-of-play retention. */
  delivery: DeliveryConfig;
  /** BARUGA_MAX_UPLOAD_MB: the largest file POST /api/content takes. */
  maxUploadBytes: number;
  /** BARUGA_HLS_MIN_MB: H.264 videos at least this large are also packaged as HLS (VOD) for players. */
  hlsMinBytes: number;
  /**
   * BARUGA_TLS_CERT and BARUGA_TLS_KEY (PEM files): HTTPS on BARUGA_PORT (with WSS at /mqtt), MQTTS on
   * BARUGA_MQTTS_PORT, and the plain MQTT port kept to loopback for the controller's own link.
   */
  tls: { cert: string; key: string; certFile: string } | null;
  /** BARUGA_MQTTS_PORT: the embedded broker's MQTT over TLS port (default 8883), when TLS is configured. */
  mqttsPort: number;
  /** BARUGA_MQTT_CA (a PEM file): the CA an external broker's mqtts:// certificate is checked against. */
  mqttCa: string | null;
  /**
   * BARUGA_MOSQUITTO_DIR: with an external Mosquitto on the same machine, where the controller keeps its password
   * file and ACL (docs/security.md); BARUGA_MOSQUITTO_PID_FILE: Mosquitto's pid file, to reload it on a change.
   */
  mosquittoDir: string | null;
  mosquittoPidFile: string | null;
  /**
   * BARUGA_TRUST_PROXY: addresses or CIDR ranges of reverse proxies whose X-Forwarded-For names the client, so
   * per-client limits count clients rather than the proxy. Empty: trust no header.
   */
  trustProxy: string[];
}

export class ConfigError extends Error {
  readonly code = 'BARUGA_ERR_CONFIG';
}

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`${name} must be a port number from 0 to 65535, got "${raw}"`);
  }
  return value;
}

function megabytes(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback * 1024 * 1024;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 1024 * 1024) {
    throw new ConfigError(`${name} must be a size in megabytes above 0, got "${raw}"`);
  }
  return Math.round(value * 1024 * 1024);
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

function pemFile(env: NodeJS.ProcessEnv, name: string, marker: RegExp): string | null {
  const file = env[name];
  if (!file) return null;
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file), 'utf8');
  } catch (error) {
    throw new ConfigError(`${name}: cannot read ${file} (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!marker.test(text)) throw new ConfigError(`${name}: ${file} is not a PEM file of the expected kind`);
  return text;
}

function tlsConfig(env: NodeJS.ProcessEnv): ControllerConfig['tls'] {
  const cert = pemFile(env, 'BARUGA_TLS_CERT', /-----BEGIN CERTIFICATE-----/);
  const key = pemFile(env, 'BARUGA_TLS_KEY', /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  if (!cert && !key) return null;
  if (!cert || !key) throw new ConfigError('set both BARUGA_TLS_CERT and BARUGA_TLS_KEY, or neither');
  return { cert, key, certFile: path.resolve(env.BARUGA_TLS_CERT ?? '') };
}

function origins(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name];
  if (!raw) return [];
  return raw.split(',').map((entry) => {
    const value = entry.trim();
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new ConfigError(`${name} must list origins such as https://baruga.example, got "${value}"`);
    }
    if (!['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== value.replace(/\/$/, '')) {
      throw new ConfigError(`${name} must list origins (scheme, host, port; no path), got "${value}"`);
    }
    return parsed.origin;
  });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ControllerConfig {
  return {
    port: port(env, 'BARUGA_PORT', 8080),
    host: env.BARUGA_HOST || '0.0.0.0',
    dataDir: path.resolve(env.BARUGA_DATA || './data'),
    mqttPort: port(env, 'BARUGA_MQTT_PORT', 1883),
    mqttUrl: url(env, 'BARUGA_MQTT_URL', ['mqtt:', 'mqtts:', 'tcp:']),
    mqttWsUrl: url(env, 'BARUGA_MQTT_WS_URL', ['ws:', 'wss:']),
    adminPassword: env.BARUGA_ADMIN_PASSWORD || null,
    trustedOrigins: origins(env, 'BARUGA_TRUSTED_ORIGINS'),
    consoleDir: path.resolve(env.BARUGA_CONSOLE_DIR || path.join(repoRoot, 'controller', 'dist', 'console')),
    playerDir: path.resolve(env.BARUGA_PLAYER_DIR || path.join(repoRoot, 'player', 'dist', 'renderer')),
    seedDemo: env.BARUGA_SEED_DEMO !== '0',
    logLevel: env.BARUGA_LOG_LEVEL || 'info',
    delivery: loadDeliveryConfig(env),
    maxUploadBytes: megabytes(env, 'BARUGA_MAX_UPLOAD_MB', 2048),
    hlsMinBytes: megabytes(env, 'BARUGA_HLS_MIN_MB', 64),
    tls: tlsConfig(env),
    mqttsPort: port(env, 'BARUGA_MQTTS_PORT', 8883),
    mqttCa: pemFile(env, 'BARUGA_MQTT_CA', /-----BEGIN CERTIFICATE-----/),
    mosquittoDir: env.BARUGA_MOSQUITTO_DIR ? path.resolve(env.BARUGA_MOSQUITTO_DIR) : null,
    mosquittoPidFile: env.BARUGA_MOSQUITTO_PID_FILE ? path.resolve(env.BARUGA_MOSQUITTO_PID_FILE) : null,
    trustProxy: (env.BARUGA_TRUST_PROXY ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
