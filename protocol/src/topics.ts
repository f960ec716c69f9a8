import { MESSAGE_KINDS, type MessageKindName, messages } from './messages';

/**
 * Topic strings, derived from the message table (messages.ts): `baruga/v1/screens/<id>/<segment>`,
 * `baruga/v1/players/<id>/<segment>` or `baruga/v1/feeds/<id>/<segment>`. A rename is one edit in the table.
 */
export const TOPIC_ROOT = 'baruga/v1';

const scopeSegment = { screen: 'screens', player: 'players', feed: 'feeds' } as const;

/** The topic of one message kind for one screen or player. */
export function topicFor(name: MessageKindName, id: string): string {
  const row = messages[name];
  return `${TOPIC_ROOT}/${scopeSegment[row.scope]}/${id}/${row.segment}`;
}

/** The subscription filter for one kind across every screen or player (the controller's view). */
export function filterFor(name: MessageKindName): string {
  return topicFor(name, '+');
}

const byPath = new Map(MESSAGE_KINDS.map((k) => [`${scopeSegment[messages[k].scope]}/${messages[k].segment}`, k]));

/** Which message kind a topic carries, and for whom; null for any topic outside the table (wildcards too). */
export function parseTopic(topic: string): { kind: MessageKindName; id: string } | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT) return null;
  const [, , scope, id, segment] = parts;
  if (!id || /[+#]/.test(topic)) return null;
  const kind = byPath.get(`${scope}/${segment}`);
  return kind ? { kind, id } : null;
}

/**
 * MQTT topic filter matching (`+` one level, `#` the rest; a filter starting with a wildcard does not match a
 * `$`-topic, as MQTT 3.1.1 §4.7.2 says).
 */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  if ((f[0] === '+' || f[0] === '#') && topic.startsWith('$')) return false;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/** Shorthands for the topics code names most (the table stays the source). */
export const topics = {
  manifest: (screenId: string) => topicFor('manifest', screenId),
  status: (screenId: string) => topicFor('status', screenId),
  heartbeat: (screenId: string) => topicFor('heartbeat', screenId),
  pop: (screenId: string) => topicFor('pop', screenId),
  popAck: (screenId: string) => topicFor('popAck', screenId),
  commands: (screenId: string) => topicFor('commands', screenId),
  acks: (screenId: string) => topicFor('acks', screenId),
  playerCommands: (playerId: string) => topicFor('playerCommands', playerId),
  feed: (sourceId: string) => topicFor('feed', sourceId),
  feedUpdate: (sourceId: string) => topicFor('feedUpdate', sourceId),
  alert: (screenId: string) => topicFor('alert', screenId),
  alertAck: (screenId: string) => topicFor('alertAck', screenId),
} as const;
