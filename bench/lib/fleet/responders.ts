import { type Heartbeat, decodeMessage, topicFor } from '@baruga/protocol';

/**
 * What a simulated player does with each kind of message it reads: the key its arrival is recorded under (a
 * manifest's version, a command's id) and the messages it answers with, as the real player answers them
 * (docs/delivery.md). A benchmark that needs players to answer a new kind (an emergency alert and its
 * acknowledgement) adds a row here; the fleet subscribes to the kinds named in `FleetOptions.reads`.
 */
export interface PlayerIdentity {
  screenId: string;
  playerId: string;
}

/** A message to publish in answer: a topic and its payload, at the kind's QoS. */
export interface Answer {
  topic: string;
  payload: string;
  qos: 0 | 1;
}

export interface Responder {
  /** The key an arrival is recorded under; null when the payload is not one to count. */
  key(payload: string): string | null;
  /** What the player publishes back at once (nothing when absent). */
  answer?(payload: string, player: PlayerIdentity, state: PlayerState): Answer[];
}

/** What a simulated player knows about itself, for heartbeats and answers. */
export interface PlayerState {
  manifestVersion: number | null;
  heartbeatSeq: number;
  startedAt: number;
}

/** A heartbeat that passes the protocol's schema, with what a playing kiosk would report. */
export function heartbeatOf(player: PlayerIdentity, state: PlayerState, now = Date.now()): string {
  const at = new Date(now).toISOString();
  const heartbeat: Heartbeat = {
    playerId: player.playerId,
    screenId: player.screenId,
    at,
    seq: state.heartbeatSeq++,
    uptimeS: Math.round((now - state.startedAt) / 1000),
    manifestVersion: state.manifestVersion,
    manifestExpiresAt: null,
    stale: false,
    pendingVersion: null,
    zones: [{ zoneId: 'main', itemId: 'bench-item', since: at }],
    cache: { usedBytes: 1_048_576, quotaBytes: null, assets: 3 },
    jsHeapBytes: 24_000_000,
    fps: 60,
    clockOffsetMs: 0,
    blackout: false,
    host: { kind: 'browser', version: 'bench', platform: 'linux', userAgent: 'baruga-bench-fleet' },
    lastRejection: null,
    popBacklog: 0,
  };
  return JSON.stringify(heartbeat);
}

/** The version a signed manifest carries, read without checking the whole manifest (players in bulk). */
function manifestVersion(payload: string): number | null {
  try {
    const version = (JSON.parse(payload) as { manifest?: { version?: unknown } }).manifest?.version;
    return typeof version === 'number' ? version : null;
  } catch {
    return null;
  }
}

function commandAck(payload: string, player: PlayerIdentity): Answer[] {
  const decoded = decodeMessage('commands', payload);
  if (!decoded.ok) return [];
  const ack = {
    commandId: decoded.value.id,
    playerId: player.playerId,
    screenId: player.screenId,
    ok: true,
    code: 'BARUGA_OK',
    message: `${decoded.value.name} done`,
    at: new Date().toISOString(),
  };
  return [{ topic: topicFor('acks', player.screenId), payload: JSON.stringify(ack), qos: 1 }];
}

const commandId = (payload: string) => {
  const decoded = decodeMessage('commands', payload);
  return decoded.ok ? decoded.value.id : null;
};

export const responders: Readonly<Record<string, Responder>> = {
  // A new manifest: the player reports it at once in a heartbeat, as the real one does after activating it.
  manifest: {
    key: (payload) => {
      const version = manifestVersion(payload);
      return version === null ? null : String(version);
    },
    answer: (payload, player, state) => {
      const version = manifestVersion(payload);
      if (version === null || version === state.manifestVersion) return [];
      state.manifestVersion = version;
      return [{ topic: topicFor('heartbeat', player.screenId), payload: heartbeatOf(player, state), qos: 0 }];
    },
  },
  commands: { key: commandId, answer: commandAck },
  playerCommands: { key: commandId, answer: commandAck },
  popAck: {
    key: (payload) => {
      const decoded = decodeMessage('popAck', payload);
      return decoded.ok ? (decoded.value.ids[0] ?? '') : null;
    },
  },
};
