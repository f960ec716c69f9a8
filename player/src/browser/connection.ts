import { type PlayerConfig, PlayerConfig as PlayerConfigSchema, type PlayerStatus } from '@baruga/protocol';
import mqtt, { type MqttClient } from 'mqtt';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface PlayerConnection {
  /** Reports what the player shows; retained, so the console sees it even after a controller restart. */
  reportStatus(status: Omit<PlayerStatus, 'state' | 'playerId' | 'at'>): void;
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
  const response = await fetch(`../api/player/config?screen=${encodeURIComponent(screenId)}`, {
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
    id = `web-${crypto.randomUUID()}`;
    localStorage.setItem(key, id);
  }
  return id;
}

function brokerUrl(config: PlayerConfig): string {
  if (/^wss?:\/\//.test(config.mqttUrl)) return config.mqttUrl;
  // A path: the controller's own /mqtt on the origin the player was loaded from.
  const url = new URL(config.mqttUrl, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * Connects over MQTT/WebSocket, hands every manifest payload to `onManifest`, and keeps the
 * retained presence status current (its last will says "offline" when the link drops).
 */
export function connectPlayer(
  config: PlayerConfig,
  handlers: { onManifest(payload: string): void; onState(state: ConnectionState): void },
): PlayerConnection {
  const id = playerId();
  const status = (state: PlayerStatus['state'], extra: Partial<PlayerStatus> = {}): string =>
    JSON.stringify({
      state,
      playerId: id,
      at: new Date().toISOString(),
      userAgent: navigator.userAgent.slice(0, 300),
      ...extra,
    } satisfies PlayerStatus);

  let last: Partial<PlayerStatus> = {};
  const client: MqttClient = mqtt.connect(brokerUrl(config), {
    protocolVersion: 4,
    clientId: `${id}-${config.screenId}`.slice(0, 120),
    clean: true,
    keepalive: 15,
    reconnectPeriod: 1000,
    connectTimeout: 5000,
    will: { topic: config.statusTopic, payload: status('offline'), qos: 1, retain: true },
  });

  handlers.onState('connecting');
  client.on('connect', () => {
    handlers.onState('online');
    client.subscribe(config.manifestTopic, { qos: 1 });
    client.publish(config.statusTopic, status('online', last), { qos: 1, retain: true });
  });
  client.on('offline', () => handlers.onState('offline'));
  client.on('close', () => handlers.onState('offline'));
  client.on('message', (topic, payload) => {
    if (topic === config.manifestTopic && payload.length > 0) handlers.onManifest(payload.toString());
  });

  return {
    reportStatus(extra) {
      last = { ...last, ...extra };
      if (client.connected) client.publish(config.statusTopic, status('online', last), { qos: 1, retain: true });
    },
    dispose() {
      client.end(true);
    },
  };
}
