/**
 * The MQTT topic map. Every topic Baruga uses is built here, so a rename is one edit and the broker's
 * access rules (controller/src/broker) can match the same shapes.
 */
export const TOPIC_ROOT = 'baruga/v1';

export const topics = {
  /** Retained. The signed manifest a screen should run; only the controller may publish here. */
  manifest: (screenId: string) => `${TOPIC_ROOT}/screens/${screenId}/manifest`,
  /** Retained. Presence and playback status published by the player (last will: offline). */
  status: (screenId: string) => `${TOPIC_ROOT}/screens/${screenId}/status`,
  /** Telemetry every 15 s by default (not retained); the console reads online, late or offline from it. */
  heartbeat: (screenId: string) => `${TOPIC_ROOT}/screens/${screenId}/heartbeat`,
  /** Proof-of-play batches from the player, and the controller's acknowledgements of them. */
  pop: (screenId: string) => `${TOPIC_ROOT}/screens/${screenId}/pop`,
  popAck: (screenId: string) => `${TOPIC_ROOT}/screens/${screenId}/pop-ack`,
  /** Remote commands for one screen, and the acknowledgements of screen and player commands. */
  commands: (screenId: string) => `${TOPIC_ROOT}/screens/${screenId}/commands`,
  acks: (screenId: string) => `${TOPIC_ROOT}/screens/${screenId}/acks`,
  /** Remote commands for a whole player (every screen it drives). */
  playerCommands: (playerId: string) => `${TOPIC_ROOT}/players/${playerId}/commands`,
  /** Subscription filters used by the controller. */
  allStatus: `${TOPIC_ROOT}/screens/+/status`,
  allHeartbeats: `${TOPIC_ROOT}/screens/+/heartbeat`,
  allPop: `${TOPIC_ROOT}/screens/+/pop`,
  allAcks: `${TOPIC_ROOT}/screens/+/acks`,
} as const;

/** Splits `baruga/v1/screens/<id>/<kind>` into its parts, or null for any other topic. */
export function parseScreenTopic(topic: string): { screenId: string; kind: string } | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[2] !== 'screens') return null;
  const [, , , screenId, kind] = parts;
  if (!screenId || !kind) return null;
  return { screenId, kind };
}

/** Splits `baruga/v1/players/<id>/<kind>` into its parts, or null for any other topic. */
export function parsePlayerTopic(topic: string): { playerId: string; kind: string } | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[2] !== 'players') return null;
  const [, , , playerId, kind] = parts;
  if (!playerId || !kind) return null;
  return { playerId, kind };
}
