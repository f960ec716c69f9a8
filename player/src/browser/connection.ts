import {
  type PlayerConfig,
  PlayerConfig as PlayerConfigSchema,
  type PlayerStatus,
  parseTopic,
  readerQos,
} from '@baruga/protocol';
import mqtt, { type MqttClient } from 'mqtt';
import { reconnectLoop } from '../common/reconnect-loop';
import { apiUrl, controllerRoot } from './delivery/host-bridge';
import { recordReconnect } from './telemetry';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface PlayerConnection {
  /** Reports what the player shows; retained, so the console sees it even after a controller restart. */
  reportStatus(status: Omit<PlayerStatus, 'state' | 'playerId' | 'at'>): void;
  /** Publishes now when connected (false when not: the caller keeps the message and tries later). */
  publish(topic: string, payload: string, qos?: 0 | 1): boolean;
  /** Resolves true once the broker has the message (QoS 1 PUBACK), false when not connected or after `timeoutMs`. */
  publishConfirmed(topic: string, payload: string, timeoutMs: number): Promise<boolean>;
  readonly connected: boolean;
  /**
   * Topics followed besides the fixed ones (a data source's feed, while the manifest shows it): subscribed now
   * when connected, and on every reconnect; those no longer named are unsubscribed.
   */
  follow(topics: readonly string[]): void;
  dispose(): void;
}

export class ConfigFetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function fetchPlayerConfig(screenId: string, signal?: AbortSignal): Promise<PlayerConfig> {
  const response = await fetch(apiUrl(`api/player/config?screen=${encodeURIComponent(screenId)}`), {
    signal: signal ?? null,
  });
  if (!response.ok) throw new ConfigFetchError(`player config: HTTP ${response.status}`, response.status);
  return PlayerConfigSchema.parse(await response.json());
}

/** A stable id for this player install, kept across reloads. */
export function playerId(): string {
  const key = 'baruga.playerId';
  let id = localStorage.getItem(key);
  if (!id) {
    // crypto.randomUUID exists only in secure contexts; getRandomValues everywhere (a player on plain
    // http still connects, to report that it cannot verify anything).
    const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0'));
    id = `web-${hex.join('')}`;
    localStorage.setItem(key, id);
  }
  return id;
}

function brokerUrl(config: PlayerConfig): string {
  if (/^wss?:\/\//.test(config.mqttUrl)) return config.mqttUrl;
  // A path: the controller's own /mqtt (in Electron the page is not on the controller's origin).
  const url = new URL(config.mqttUrl, controllerRoot());
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** Each topic at the QoS the message table reads its kind at (an alert at 0: protocol/src/messages.ts). */
function atReaderQos(topics: readonly string[]): Record<string, { qos: 0 | 1 }> {
  return Object.fromEntries(
    topics.map((topic) => {
      const parsed = parseTopic(topic);
      return [topic, { qos: parsed ? readerQos(parsed.kind) : 1 }];
    }),
  );
}

/**
 * Connects over MQTT/WebSocket, subscribes to `subscriptions` on every (re)connect, hands every message to
 * `onMessage`, and keeps the retained presence status current (its last will says "offline" when the link drops).
 * Which topics, and what their messages mean, is the controller link's business (delivery/controller-link.ts).
 *
 * Reconnects are the player's own (common/reconnect-loop.ts), not mqtt.js's fixed `reconnectPeriod`: after a
 * power cut a province of players must not come back in one instant and then again in waves. Each attempt is a
 * fresh client whose last will and online status carry the attempt's `connectionSeq`, so the controller can tell
 * the will of an attempt this player gave up on from the word of its live connection.
 */
export function connectPlayer(
  config: PlayerConfig,
  handlers: {
    onState(state: ConnectionState): void;
    /** Every message on `subscriptions`, as text; empty payloads (cleared retained messages) are not messages. */
    onMessage(topic: string, payload: string): void;
    /** The broker refused the connection: 4 bad credentials, 5 not authorized (revoked, claimed screen). */
    onRefused?(code: number): void;
  },
  options: {
    /** An enrolled player's own id and secret; without them the player connects anonymously. */
    credentials?: { username: string; password: string } | undefined;
    subscriptions: readonly string[];
    /** The owner's timer source (no raw timers in player logic): waits between attempts. */
    later(ms: number, fn: () => void): () => void;
  },
): PlayerConnection {
  const id = options.credentials?.username ?? playerId();
  const status = (state: PlayerStatus['state'], extra: Partial<PlayerStatus> = {}): string =>
    JSON.stringify({
      state,
      playerId: id,
      at: new Date().toISOString(),
      userAgent: navigator.userAgent.slice(0, 300),
      ...extra,
    } satisfies PlayerStatus);

  let last: Partial<PlayerStatus> = {};
  let client: MqttClient | null = null;
  let connectionSeq = 0;
  let attempts = 0;

  let followed = new Set<string>();
  const loop = reconnectLoop({
    now: () => Date.now(),
    later: options.later,
    open(plan, events) {
      // Every attempt after the first is a reconnect (the fault stories read their times).
      if (attempts++ > 0) recordReconnect();
      handlers.onState('connecting');
      const current = mqtt.connect(brokerUrl(config), {
        protocolVersion: 4,
        clientId: `${id}-${config.screenId}`.slice(0, 120),
        clean: true,
        keepalive: 15,
        reconnectPeriod: 0,
        connectTimeout: plan.connectTimeoutMs,
        will: {
          topic: config.statusTopic,
          payload: status('offline', { connectionSeq: plan.connectionSeq }),
          qos: 1,
          retain: true,
        },
        ...(options.credentials ?? {}),
      });
      client = current;
      current.on('connect', () => {
        connectionSeq = plan.connectionSeq;
        events.accepted();
        handlers.onState('online');
        current.subscribe(atReaderQos([...options.subscriptions, ...followed]));
        current.publish(config.statusTopic, status('online', { ...last, connectionSeq }), { qos: 1, retain: true });
      });
      current.on('close', () => {
        if (client === current) client = null;
        handlers.onState('offline');
        current.end(true);
        events.closed();
      });
      current.on('message', (topic, payload) => {
        if (payload.length > 0) handlers.onMessage(topic, payload.toString());
      });
      current.on('error', (error) => {
        const code = (error as { code?: unknown }).code;
        if (code === 4 || code === 5) handlers.onRefused?.(code);
      });
      return {
        close() {
          current.removeAllListeners('close');
          current.end(true);
        },
      };
    },
  });

  return {
    reportStatus(extra) {
      last = { ...last, ...extra };
      if (client?.connected) {
        client.publish(config.statusTopic, status('online', { ...last, connectionSeq }), { qos: 1, retain: true });
      }
    },
    publish(topic, payload, qos = 1) {
      if (!client?.connected) return false;
      client.publish(topic, payload, { qos, retain: false });
      return true;
    },
    publishConfirmed(topic, payload, timeoutMs) {
      const current = client;
      if (!current?.connected) return Promise.resolve(false);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        current.publish(topic, payload, { qos: 1, retain: false }, (error) => {
          clearTimeout(timer);
          resolve(!error);
        });
      });
    },
    get connected() {
      return client?.connected ?? false;
    },
    follow(topics) {
      const next = new Set(topics);
      const added = [...next].filter((t) => !followed.has(t));
      const removed = [...followed].filter((t) => !next.has(t));
      followed = next;
      // Not connected: the next connection subscribes to everything followed.
      if (!client?.connected) return;
      if (added.length) client.subscribe(atReaderQos(added));
      if (removed.length) client.unsubscribe(removed);
    },
    dispose() {
      loop.dispose();
      client = null;
    },
  };
}
