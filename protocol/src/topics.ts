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
  /** Subscription filters used by the controller. */
  allStatus: `${TOPIC_ROOT}/screens/+/status`,
} as const;

/** Splits `baruga/v1/screens/<id>/<kind>` into its parts, or null for any other topic. */
export function parseScreenTopic(topic: string): { screenId: string; kind: string } | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[2] !== 'screens') return null;
  const [, , , screenId, kind] = parts;
  if (!screenId || !kind) return null;
  return { screenId, kind };
}
