import {
  type MessageOf,
  type ReadBy,
  type WrittenBy,
  decodeMessage,
  filterFor,
  kindsReadBy,
  messages,
  parseTopic,
  topicFor,
} from '@baruga/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Bus } from './bus';

type Reads = ReadBy<'controller'>;
type Writes = WrittenBy<'controller'>;

/** One decoded message and whose topic it came on (the screen or player id). */
export type Handler<K extends Reads> = (message: MessageOf<K>, id: string) => void;

/**
 * The controller's side of the message table (protocol/src/messages.ts). Domains register handlers for the kinds
 * the controller reads; `open()` then subscribes once per kind and fans each message out, decoded once, so a
 * retained message (a player's status) reaches every handler. Sending uses each kind's own retain and QoS.
 */
export interface Messaging {
  on<K extends Reads>(kind: K, handler: Handler<K>): void;
  open(): Promise<void>;
  /** Sends one message of a kind the controller writes. */
  send<K extends Writes>(kind: K, id: string, message: MessageOf<K>): Promise<void>;
  /** Sends bytes already encoded (a signed manifest as stored), unchanged. */
  sendEncoded(kind: Writes, id: string, payload: string): Promise<void>;
  /**
   * Removes a retained message (an empty retained payload), e.g. a revoked player's status: the broker belongs
   * to the controller, which may clear any retained kind.
   */
  clearRetained(kind: Reads | Writes, id: string): Promise<void>;
  readonly connected: boolean;
  close(): void;
}

export function createMessaging(bus: Bus, log: FastifyBaseLogger): Messaging {
  const handlers = new Map<Reads, Handler<Reads>[]>();
  const stops: (() => void)[] = [];
  const publish = (kind: Reads | Writes, id: string, payload: string) =>
    bus.publish(topicFor(kind, id), payload, { retain: messages[kind].retained, qos: messages[kind].qos });

  return {
    on(kind, handler) {
      const list = handlers.get(kind) ?? [];
      list.push(handler as Handler<Reads>);
      handlers.set(kind, list);
    },
    async open() {
      for (const kind of kindsReadBy('controller')) {
        const list = handlers.get(kind);
        if (!list) continue;
        stops.push(
          await bus.subscribe(filterFor(kind), (topic, payload) => {
            const parsed = parseTopic(topic);
            // An empty retained payload is a cleared message, not a message.
            if (!parsed || parsed.kind !== kind || payload.length === 0) return;
            const decoded = decodeMessage(kind, payload);
            if (!decoded.ok) {
              log.warn({ topic, issues: decoded.issues.slice(0, 3) }, `${kind} message ${decoded.problem}; ignored`);
              return;
            }
            for (const handler of list) {
              try {
                handler(decoded.value, parsed.id);
              } catch (error) {
                log.error({ err: error, topic }, `${kind} handler failed`);
              }
            }
          }),
        );
      }
    },
    send: (kind, id, message) => publish(kind, id, JSON.stringify(message)),
    sendEncoded: (kind, id, payload) => publish(kind, id, payload),
    async clearRetained(kind, id) {
      await bus.publish(topicFor(kind, id), '', { retain: true, qos: 1 });
    },
    get connected() {
      return bus.connected;
    },
    close() {
      for (const stop of stops.splice(0)) stop();
    },
  };
}
