import {
  type Decoded,
  type MessageOf,
  type PlayerConfig,
  type PlayerStatus,
  type ReadBy,
  type WrittenBy,
  decodeMessage,
  kindsReadBy,
  messages,
  parseTopic,
  topicFor,
} from '@baruga/protocol';
import { ConfigFetchError, type PlayerConnection, connectPlayer, fetchPlayerConfig } from '../connection';
import type { ViewState } from './delivery-view';
import type { OwnerScope } from './owner-scope';
import { enrolledSelf } from './player-self';
import type { Enrollment, PlayerStore } from './player-store';

type Reads = ReadBy<'player'>;
type Writes = WrittenBy<'player'>;

/** One handler per kind the message table says players read; each message arrives decoded once. */
export type LinkHandlers = { [K in Reads]: (decoded: Decoded<MessageOf<K>>, payload: string) => void };

export interface ControllerLink {
  readonly connected: boolean;
  /** Sends a message of a kind the player writes, for this screen, with the kind's QoS; false while offline. */
  send<K extends Writes>(kind: K, message: MessageOf<K>): boolean;
  /** Sends bytes already encoded (a proof-of-play batch), unchanged. */
  sendEncoded(kind: Writes, payload: string): boolean;
  /** Resolves true once the broker has it (QoS 1), false when offline or after `timeoutMs`. */
  sendConfirmed<K extends Writes>(kind: K, message: MessageOf<K>, timeoutMs: number): Promise<boolean>;
  reportStatus(status: Omit<PlayerStatus, 'state' | 'playerId' | 'at'>): void;
}

const CONFIG_RETRY_MAX_MS = 10_000;
const SELF_REFRESH_MS = 5 * 60_000;

/**
 * The player's link to the controller: its config (retried while the controller is away, the player playing on
 * from its cache), then MQTT with this player's own credentials when enrolled. It subscribes to the kinds the
 * protocol's message table says players read (protocol/src/messages.ts), for this screen and, when enrolled, for
 * this player, and routes each message by its topic, decoded once. A revoked player goes back to pairing.
 */
export function createControllerLink(deps: {
  screenId: string;
  enrolled: Enrollment | null;
  scope: OwnerScope;
  store: PlayerStore;
  view: ViewState;
  /** The config arrived (the key it names, the heartbeat interval); MQTT connects after it. */
  onConfig(config: PlayerConfig): Promise<void>;
  /** Connected (again): send what was waiting. */
  onOnline(): void;
  handlers: LinkHandlers;
}): ControllerLink {
  const { screenId, enrolled, scope, view } = deps;
  let connection: PlayerConnection | null = null;
  const ids = { screen: screenId, player: enrolled?.playerId ?? null };
  const subscriptions = kindsReadBy('player').flatMap((kind) => {
    const id = ids[messages[kind].scope];
    return id ? [topicFor(kind, id)] : [];
  });

  function route(topic: string, payload: string) {
    const parsed = parseTopic(topic);
    if (!parsed || parsed.id !== ids[messages[parsed.kind].scope]) return;
    const kind = parsed.kind as Reads;
    if (!kindsReadBy('player').includes(kind)) return;
    (deps.handlers[kind] as (decoded: Decoded<unknown>, payload: string) => void)(
      decodeMessage(kind, payload),
      payload,
    );
  }

  function drop() {
    connection?.dispose();
    connection = null;
  }

  const self = enrolledSelf({ screenId, enrolled, store: deps.store, view, scope, drop });

  async function connect(attempt: number): Promise<void> {
    if (scope.disposed) return;
    let config: PlayerConfig;
    try {
      config = await fetchPlayerConfig(screenId);
    } catch (error) {
      if (scope.disposed) return;
      if (error instanceof ConfigFetchError && error.status === 404) view.set({ problem: 'unknownScreen' });
      // Controller unreachable: play on from the cache and try again, backing off to 10 s, with jitter so
      // a province of players does not knock all at once when it comes back.
      const delay = Math.min(CONFIG_RETRY_MAX_MS, 1000 * 2 ** attempt) * (0.8 + 0.4 * Math.random());
      scope.later(delay, () => void connect(attempt + 1));
      return;
    }
    if (scope.disposed) return;
    if (view.get().problem === 'unknownScreen') view.set({ problem: null });
    if (!enrolled && config.claimed) return view.set({ problem: 'claimed' });
    await deps.onConfig(config);
    if (scope.disposed) return;
    void navigator.serviceWorker?.controller?.postMessage('refresh-shell');
    connection = connectPlayer(
      config,
      {
        onState(state) {
          view.set({ connection: state });
          if (state === 'online') deps.onOnline();
        },
        onMessage: route,
        onRefused: (code) => void self.refused(code),
      },
      {
        credentials: enrolled ? { username: enrolled.playerId, password: enrolled.secret } : undefined,
        subscriptions,
      },
    );
    scope.every(SELF_REFRESH_MS, () => void self.refresh());
  }

  scope.add(drop);
  void connect(0);

  const topicOf = (kind: Writes) => topicFor(kind, screenId);
  return {
    get connected() {
      return connection?.connected ?? false;
    },
    send: (kind, message) => connection?.publish(topicOf(kind), JSON.stringify(message), messages[kind].qos) ?? false,
    sendEncoded: (kind, payload) => connection?.publish(topicOf(kind), payload, messages[kind].qos) ?? false,
    sendConfirmed: (kind, message, timeoutMs) =>
      connection?.publishConfirmed(topicOf(kind), JSON.stringify(message), timeoutMs) ?? Promise.resolve(false),
    reportStatus: (status) => connection?.reportStatus(status),
  };
}
