import type { z } from 'zod';
import { Command, CommandAck, Heartbeat, PlayAck, PlayBatch, SignedManifest } from './delivery';
import { AlertAck, ScreenAlerts } from './alerts';
import { FeedSnapshot, FeedUpdate } from './data-sources';
import { PlayerStatus } from './status';

/**
 * The MQTT contract: one row per message kind. Everything else is derived from it — topic strings and their
 * parsing (topics.ts), the broker's access rules (who may publish and subscribe where), the controller's
 * subscriptions (one per kind it reads, fanned out to handlers), the player's routing, and decoding on both
 * sides (`decodeMessage`). Adding a message kind is one row here plus its handlers (docs/architecture.md).
 */

/** Who speaks on the bus. */
export type Party = 'controller' | 'player';

export interface MessageKind<S extends z.ZodType = z.ZodType> {
  /**
   * Whose id the topic carries: `baruga/v1/screens/<id>/<segment>`, `baruga/v1/players/<id>/<segment>`, or a data
   * source's `baruga/v1/feeds/<id>/<segment>` (read by the players whose screens show it).
   */
  readonly scope: 'screen' | 'player' | 'feed';
  readonly segment: string;
  readonly schema: S;
  /** The one party that may publish it. */
  readonly from: Party;
  /** The parties that subscribe to it. */
  readonly to: readonly Party[];
  /** Retained: whoever subscribes later gets the last one at once. */
  readonly retained: boolean;
  /** The QoS its writer publishes at. */
  readonly qos: 0 | 1;
  /**
   * The QoS its readers subscribe at, where lower than 1 (the default): what the broker delivers at. Every
   * connection is a clean session, so a QoS 1 delivery still in flight when a connection drops is discarded with
   * the session; for a retained kind, what brings a reconnected reader up to date is the retained message, and
   * within a connection TCP delivers in order. A PUBACK per reader then buys nothing.
   */
  readonly readerQos?: 0;
  /**
   * Whether an anonymous browser player (a page opened at /player/?screen=… on a screen no player has claimed and
   * that is not public, where the controller allows it) may use it as a player would.
   */
  readonly anonymous: boolean;
  /** The largest payload a sender may use; the broker refuses bigger packets of this kind. */
  readonly maxBytes: number;
}

/** Keeps each row's literal types (`from: 'player'`, `to: ['controller']`) for the derived types below. */
const kind = <const R extends MessageKind>(row: R): R => row;

const KiB = 1024;

export const messages = {
  /** The signed manifest a screen should run; the controller's alone to write (docs/delivery.md). */
  manifest: kind({
    scope: 'screen',
    segment: 'manifest',
    schema: SignedManifest,
    from: 'controller',
    to: ['player'],
    retained: true,
    qos: 1,
    anonymous: true,
    maxBytes: 8 * 1024 * KiB,
  }),
  /** Presence and what is on screen; the player's last will says offline. */
  status: kind({
    scope: 'screen',
    segment: 'status',
    schema: PlayerStatus,
    from: 'player',
    to: ['controller'],
    retained: true,
    qos: 1,
    anonymous: true,
    maxBytes: 4 * KiB,
  }),
  /** Telemetry every 15 s by default; the console reads online, late or offline from it. */
  heartbeat: kind({
    scope: 'screen',
    segment: 'heartbeat',
    schema: Heartbeat,
    from: 'player',
    to: ['controller'],
    retained: false,
    qos: 0,
    anonymous: true,
    maxBytes: 32 * KiB,
  }),
  /** Proof-of-play batches, at least once. */
  pop: kind({
    scope: 'screen',
    segment: 'pop',
    schema: PlayBatch,
    from: 'player',
    to: ['controller'],
    retained: false,
    qos: 1,
    anonymous: true,
    maxBytes: 512 * KiB,
  }),
  /** The records the controller holds: the player deletes them from its buffer. */
  popAck: kind({
    scope: 'screen',
    segment: 'pop-ack',
    schema: PlayAck,
    from: 'controller',
    to: ['player'],
    retained: false,
    qos: 1,
    anonymous: true,
    maxBytes: 64 * KiB,
  }),
  /** Remote commands for one screen. */
  commands: kind({
    scope: 'screen',
    segment: 'commands',
    schema: Command,
    from: 'controller',
    to: ['player'],
    retained: false,
    qos: 1,
    anonymous: true,
    maxBytes: 4 * KiB,
  }),
  /**
   * The outcome of a screen or player command on one screen. Enrolled players only: an anonymous client on an
   * unclaimed screen could otherwise mark any pending command there failed (or done).
   */
  acks: kind({
    scope: 'screen',
    segment: 'acks',
    schema: CommandAck,
    from: 'player',
    to: ['controller'],
    retained: false,
    qos: 1,
    anonymous: false,
    maxBytes: 4 * KiB,
  }),
  /** Remote commands for a whole player (every screen it drives); enrolled players only. */
  playerCommands: kind({
    scope: 'player',
    segment: 'commands',
    schema: Command,
    from: 'controller',
    to: ['player'],
    retained: false,
    qos: 1,
    anonymous: false,
    maxBytes: 4 * KiB,
  }),
  /**
   * A data source's last good table (docs/data.md), retained: a player that starts, or comes back, has its
   * widgets' rows at once. Sent again only when the rows or their staleness change.
   */
  feed: kind({
    scope: 'feed',
    segment: 'data',
    schema: FeedSnapshot,
    from: 'controller',
    to: ['player'],
    retained: true,
    qos: 1,
    anonymous: true,
    maxBytes: 8 * 1024 * KiB,
  }),
  /** A refresh that kept the rows (or failed): the new "as of" and staleness, without the rows. */
  feedUpdate: kind({
    scope: 'feed',
    segment: 'update',
    schema: FeedUpdate,
    from: 'controller',
    to: ['player'],
    retained: false,
    qos: 0,
    anonymous: true,
    maxBytes: 2 * KiB,
  }),
  /**
   * Every alert active on a screen (docs/alerts.md), retained while any is: a player that (re)connects shows it
   * at once; cleared when the last one ends. Published at QoS 1 (over a socket to an external broker, the
   * controller learns the broker has it), read at QoS 0: the retained set is what reaches a player that lost its
   * connection, and a PUBACK from each of ten thousand screens cost the broker a third of an alert's fan-out.
   */
  alert: kind({
    scope: 'screen',
    segment: 'alert',
    schema: ScreenAlerts,
    from: 'controller',
    to: ['player'],
    retained: true,
    qos: 1,
    readerQos: 0,
    anonymous: true,
    maxBytes: 128 * KiB,
  }),
  /**
   * A player painted an alert: the console shows it per screen, with the time from arrival to screen. QoS 0: one
   * lost with a dropped connection is sent again, since a player acknowledges every notice in force on each
   * reconnection (the controller keeps each screen's first).
   */
  alertAck: kind({
    scope: 'screen',
    segment: 'alert-ack',
    schema: AlertAck,
    from: 'player',
    to: ['controller'],
    retained: false,
    qos: 0,
    anonymous: true,
    maxBytes: 1 * KiB,
  }),
} as const;

export type MessageKindName = keyof typeof messages;
export type MessageOf<K extends MessageKindName> = z.output<(typeof messages)[K]['schema']>;
/** The kinds a party subscribes to, and the kinds it publishes, as types. */
export type ReadBy<P extends Party> = {
  [K in MessageKindName]: P extends (typeof messages)[K]['to'][number] ? K : never;
}[MessageKindName];
export type WrittenBy<P extends Party> = {
  [K in MessageKindName]: (typeof messages)[K]['from'] extends P ? K : never;
}[MessageKindName];

export const MESSAGE_KINDS = Object.keys(messages) as MessageKindName[];

/** The QoS a reader subscribes to a kind at (`readerQos`, else 1). */
export const readerQos = (kind: MessageKindName): 0 | 1 => (messages[kind] as MessageKind).readerQos ?? 1;

/** A payload read as JSON and checked against its kind's schema, or which of the two it failed. */
export type Decoded<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      problem: 'is empty' | 'is too large' | 'is not JSON' | 'failed its schema';
      issues: z.core.$ZodIssue[];
    };

/** protocol/ compiles without DOM or Node types; both runtimes have TextDecoder. */
const utf8 = new (
  globalThis as unknown as { TextDecoder: new () => { decode(bytes: Uint8Array): string } }
).TextDecoder();

/** The one decoder both sides use for every message: size, JSON, then the kind's schema. */
export function decodeMessage<K extends MessageKindName>(name: K, payload: Uint8Array | string): Decoded<MessageOf<K>> {
  const row = messages[name];
  const size = typeof payload === 'string' ? payload.length : payload.byteLength;
  if (size === 0) return { ok: false, problem: 'is empty', issues: [] };
  if (size > row.maxBytes) return { ok: false, problem: 'is too large', issues: [] };
  let json: unknown;
  try {
    json = JSON.parse(typeof payload === 'string' ? payload : utf8.decode(payload));
  } catch {
    return { ok: false, problem: 'is not JSON', issues: [] };
  }
  const parsed = row.schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data as MessageOf<K> }
    : { ok: false, problem: 'failed its schema', issues: parsed.error.issues };
}

/** Kinds a party reads, and kinds it writes. */
export const kindsReadBy = <P extends Party>(party: P) =>
  MESSAGE_KINDS.filter((k): k is ReadBy<P> => (messages[k].to as readonly Party[]).includes(party));
export const kindsWrittenBy = <P extends Party>(party: P) =>
  MESSAGE_KINDS.filter((k): k is WrittenBy<P> => messages[k].from === party);
