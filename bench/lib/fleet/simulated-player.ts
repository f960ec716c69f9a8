import { type MessageKindName, type PlayerStatus, parseTopic, topicFor } from '@baruga/protocol';
import mqtt, { type MqttClient } from 'mqtt';
import { connectTimeoutMs, nextConnectionSeq, reconnectDelayMs } from '../../../player/src/common/reconnect-backoff';
import { type PlayerState, heartbeatOf, responders } from './responders';

/** One screen's player as the fleet runs it: which screen, as whom, over which transport. */
export interface PlayerSpec {
  screenId: string;
  /** The player's id (a Slug): an enrolled player's, or an anonymous browser's `web-…`. */
  playerId: string;
  /** An enrolled player's credentials; without them it connects anonymously. */
  password?: string | undefined;
  transport: 'tcp' | 'ws';
}

/** Why an attempt failed: no CONNACK in time, a CONNACK that refused, a socket error, or closed before ready. */
export type FailureKind = 'timeout' | 'refused' | 'error' | 'closed';

/** Everything a player counts, read by the worker for its report. */
export interface PlayerCounters {
  attempts: number;
  failures: Record<FailureKind, number>;
  /** Connections that were up and went away without being asked to (a drop, a broker that closed them). */
  lost: number;
  sent: number;
  received: number;
}

/** The machine's wall clock with sub-millisecond resolution, comparable across processes. */
export const machineNow = (): number => performance.timeOrigin + performance.now();

export interface PlayerHooks {
  /** A message of a kind the player reads arrived: its key (a manifest version, a command id). */
  arrived(kind: string, key: string, at: number): void;
}

/**
 * One simulated player, behaving as the real one does on the wire (docs/delivery.md): each connection attempt has
 * its own last will (offline, with the attempt's `connectionSeq`); once accepted it publishes its retained online
 * status, subscribes to its topics, heartbeats every interval and answers what it reads (responders.ts). When the
 * connection fails or drops it tries again with the player's jittered exponential backoff, and each attempt waits
 * longer for a busy broker (player/src/common/reconnect-backoff.ts). A fresh MQTT client per attempt, as an
 * attempt's will is fixed when it connects.
 */
export class SimulatedPlayer {
  readonly counters: PlayerCounters = {
    attempts: 0,
    failures: { timeout: 0, refused: 0, error: 0, closed: 0 },
    lost: 0,
    sent: 0,
    received: 0,
  };
  /** When the current connection became ready (subscribed to its topics); null while not connected. */
  readyAt: number | null = null;
  #client: MqttClient | null = null;
  #connected = false;
  #failuresInRow = 0;
  #lastSeq = 0;
  #stopped = true;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #firstBeat: ReturnType<typeof setTimeout> | null = null;
  #heartbeat: ReturnType<typeof setInterval> | null = null;
  readonly #state: PlayerState = { manifestVersion: null, heartbeatSeq: 0, startedAt: Date.now() };

  constructor(
    readonly spec: PlayerSpec,
    private readonly options: {
      urls: { tcp: string; ws: string | null };
      heartbeatIntervalS: number;
      /**
       * How long an attempt waits for its CONNACK, when not the player's policy: thousands of simulated players
       * share a worker's event loop, so a CONNACK the broker sent in time may be read late (see fleet.ts).
       */
      connectTimeoutMs?: number | undefined;
      /** Kinds the player subscribes to, on its screen (or, for player-scoped kinds, its own id). */
      reads: readonly MessageKindName[];
      hooks: PlayerHooks;
    },
  ) {}

  get connected(): boolean {
    return this.#connected;
  }

  /** Starts connecting now, and keeps connected until `stop()`. */
  start(): void {
    this.#stopped = false;
    this.#attempt();
    // Heartbeats at a random phase, so a fleet started together does not beat together.
    const intervalMs = this.options.heartbeatIntervalS * 1000;
    this.#firstBeat = setTimeout(() => {
      this.#beat();
      this.#heartbeat = setInterval(() => this.#beat(), intervalMs);
    }, Math.random() * intervalMs);
  }

  /** Cuts the connection without DISCONNECT, as a power cut or a network change does: the broker sends the will. */
  drop(): void {
    this.readyAt = null;
    const stream = this.#client?.stream as { destroy?: () => void } | undefined;
    stream?.destroy?.();
  }

  /** Ends the connection and stops trying. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retry) clearTimeout(this.#retry);
    if (this.#firstBeat) clearTimeout(this.#firstBeat);
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    const client = this.#client;
    this.#client = null;
    this.#connected = false;
    if (client) await client.endAsync(true).catch(() => undefined);
  }

  #status(state: PlayerStatus['state'], connectionSeq: number): string {
    const status: PlayerStatus = {
      state,
      playerId: this.spec.playerId,
      at: new Date().toISOString(),
      connectionSeq,
      ...(this.#state.manifestVersion === null ? {} : { manifestVersion: this.#state.manifestVersion }),
    };
    return JSON.stringify(status);
  }

  #topics(): string[] {
    return this.options.reads.map((kind) =>
      topicFor(kind, kind === 'playerCommands' ? this.spec.playerId : this.spec.screenId),
    );
  }

  #attempt(): void {
    if (this.#stopped) return;
    const attempt = this.#failuresInRow;
    const seq = nextConnectionSeq(this.#lastSeq, Date.now());
    this.#lastSeq = seq;
    this.counters.attempts += 1;
    const url = this.spec.transport === 'ws' && this.options.urls.ws ? this.options.urls.ws : this.options.urls.tcp;
    const statusTopic = topicFor('status', this.spec.screenId);
    const client = mqtt.connect(url, {
      protocolVersion: 4, // aedes speaks MQTT 3.1.1 only
      clientId: `${this.spec.playerId}-${this.spec.screenId}`.slice(0, 120),
      clean: true,
      keepalive: 15,
      reconnectPeriod: 0, // reconnects are ours, with backoff and jitter
      connectTimeout: this.options.connectTimeoutMs ?? connectTimeoutMs(attempt),
      will: { topic: statusTopic, payload: Buffer.from(this.#status('offline', seq)), qos: 1, retain: true },
      ...(this.spec.password ? { username: this.spec.playerId, password: this.spec.password } : {}),
    });
    this.#client = client;
    let accepted = false;
    let failure: FailureKind | null = null;
    client.on('connect', () => {
      accepted = true;
      this.#connected = true;
      this.#failuresInRow = 0;
      // Nagle off, as the broker side has it: single small packets must leave now.
      (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
      this.#publish(statusTopic, this.#status('online', seq), 1, true);
      client.subscribe(this.#topics(), { qos: 1 }, (error) => {
        if (!error && this.#client === client) this.readyAt ??= machineNow();
      });
    });
    client.on('message', (topic, payload) => this.#receive(topic, payload));
    client.on('error', (error) => {
      const code = (error as { code?: unknown }).code;
      // mqtt.js reports its own connect timeout as an error before it closes the socket.
      if (error.message === 'connack timeout') failure = 'timeout';
      else failure = typeof code === 'number' ? 'refused' : 'error';
    });
    client.on('close', () => {
      if (this.#client !== client) return;
      this.#connected = false;
      this.readyAt = null;
      client.removeAllListeners('close');
      client.end(true);
      if (this.#stopped) return;
      if (accepted) this.counters.lost += 1;
      else {
        this.counters.failures[failure ?? 'closed'] += 1;
        this.#failuresInRow += 1;
      }
      this.#retry = setTimeout(() => this.#attempt(), reconnectDelayMs(this.#failuresInRow));
    });
  }

  /**
   * Publishes `count` heartbeats back to back at QoS 1 and resolves with how many the broker acknowledged
   * (a throughput probe: every one is also forwarded to the controller).
   */
  async burst(count: number): Promise<number> {
    const client = this.#client;
    if (!client || !this.#connected) return 0;
    const topic = topicFor('heartbeat', this.spec.screenId);
    const acks = Array.from(
      { length: count },
      () =>
        new Promise<number>((resolve) => {
          this.counters.sent += 1;
          client.publish(topic, heartbeatOf(this.spec, this.#state), { qos: 1 }, (error) => resolve(error ? 0 : 1));
        }),
    );
    return (await Promise.all(acks)).reduce((a, b) => a + b, 0);
  }

  #receive(topic: string, payload: Buffer): void {
    const at = machineNow();
    this.counters.received += 1;
    if (payload.length === 0) return;
    const parsed = parseTopic(topic);
    if (!parsed) return;
    const responder = responders[parsed.kind];
    if (!responder) return;
    const text = payload.toString();
    const key = responder.key(text);
    if (key === null) return;
    this.options.hooks.arrived(parsed.kind, key, at);
    for (const answer of responder.answer?.(text, this.spec, this.#state) ?? []) {
      this.#publish(answer.topic, answer.payload, answer.qos, false);
    }
  }

  #beat(): void {
    if (!this.#connected) return;
    this.#publish(topicFor('heartbeat', this.spec.screenId), heartbeatOf(this.spec, this.#state), 0, false);
  }

  #publish(topic: string, payload: string, qos: 0 | 1, retain: boolean): void {
    if (!this.#client || !this.#connected) return;
    this.counters.sent += 1;
    this.#client.publish(topic, payload, { qos, retain });
  }
}
