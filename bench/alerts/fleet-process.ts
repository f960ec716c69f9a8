import net from 'node:net';
import { messages, readerQos, topicFor } from '@baruga/protocol';

/**
 * One process of simulated players for bench/alerts (started by fleet.ts): an MQTT 3.1.1 connection per screen,
 * subscribed to its screen's alert topic and acknowledging at the QoS the message table gives, as a player does,
 * each new notice at once, as a player does on its first painted frame (here there is no frame: the figure is the
 * delivery path, not the paint). Connects in batches so the broker sees a herd, not a stampede; reports over IPC.
 *
 * The players speak MQTT over plain sockets with the few packets they need (CONNECT, SUBSCRIBE, PUBLISH, PUBACK,
 * PINGREQ) rather than through mqtt.js: a thousand players share one core here, and mqtt.js's own work per message
 * (its stores, events and timers, about a tenth of a millisecond) queued the thousandth acknowledgement behind the
 * other 999 in this process, which measured the simulator, not the controller and the broker. A real player has a
 * CPU of its own. What reaches the broker is the same: the same packets, one connection per screen.
 */

interface Init {
  url: string;
  screens: string[];
}

const KEEPALIVE_S = 120;
const players: Player[] = [];
let acked = 0;
let lost = 0;

/** MQTT's "remaining length": 7 bits a byte, low groups first. */
function remainingLength(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

const utf8 = (s: string) => {
  const b = Buffer.from(s, 'utf8');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(b.length);
  return Buffer.concat([len, b]);
};

function packet(first: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([first, ...remainingLength(body.length)]), body]);
}

function connectPacket(clientId: string): Buffer {
  const header = Buffer.from([0, 4, 0x4d, 0x51, 0x54, 0x54, 4, 0x02, KEEPALIVE_S >> 8, KEEPALIVE_S & 0xff]);
  return packet(0x10, Buffer.concat([header, utf8(clientId)]));
}

/** A SUBSCRIBE to one topic at the QoS players read alerts at (the message table's `readerQos`). */
function subscribePacket(id: number, topic: string): Buffer {
  const qos = readerQos('alert');
  return packet(0x82, Buffer.concat([Buffer.from([id >> 8, id & 0xff]), utf8(topic), Buffer.from([qos])]));
}

/** An acknowledgement, at the QoS players send them (the message table's `qos`: a packet id only at QoS 1). */
function publishPacket(id: number, topic: string, payload: string): Buffer {
  if (messages.alertAck.qos === 0) return packet(0x30, Buffer.concat([utf8(topic), Buffer.from(payload)]));
  return packet(0x32, Buffer.concat([utf8(topic), Buffer.from([id >> 8, id & 0xff]), Buffer.from(payload)]));
}

class Player {
  readonly socket: net.Socket;
  #buffer: Buffer = Buffer.alloc(0);
  #nextId = 1;
  #seen = new Set<string>();
  connected = false;
  readonly #ackTopic: string;

  constructor(
    url: URL,
    readonly screenId: string,
    ready: (error?: Error) => void,
  ) {
    this.#ackTopic = topicFor('alertAck', screenId);
    this.socket = net.connect({ host: url.hostname, port: Number(url.port || 1883), noDelay: true });
    this.socket.once('connect', () => this.socket.write(connectPacket(`bench-${screenId}`)));
    this.socket.once('error', (error) => ready(error));
    this.socket.on('close', () => {
      if (this.connected) lost += 1;
      this.connected = false;
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
      for (;;) {
        const framed = this.#frame();
        if (!framed) break;
        this.#handle(framed.type, framed.flags, framed.body, ready);
      }
    });
  }

  /** The next whole packet in the buffer, if one has arrived. */
  #frame(): { type: number; flags: number; body: Buffer } | null {
    const b = this.#buffer;
    if (b.length < 2) return null;
    let length = 0;
    let multiplier = 1;
    let at = 1;
    for (;;) {
      if (at >= b.length) return null;
      const byte = b[at++] as number;
      length += (byte & 0x7f) * multiplier;
      multiplier *= 128;
      if ((byte & 0x80) === 0) break;
      if (at > 4) throw new Error('malformed remaining length from the broker');
    }
    if (b.length < at + length) return null;
    const first = b[0] as number;
    const body = b.subarray(at, at + length);
    this.#buffer = b.subarray(at + length);
    return { type: first >> 4, flags: first & 0x0f, body };
  }

  #handle(type: number, flags: number, body: Buffer, ready: (error?: Error) => void): void {
    switch (type) {
      case 2: // CONNACK
        if (body[1] !== 0) return ready(new Error(`${this.screenId}: CONNACK return code ${body[1]}`));
        this.socket.write(subscribePacket(this.#id(), topicFor('alert', this.screenId)));
        return;
      case 9: // SUBACK
        if (body[2] === 0x80) return ready(new Error(`${this.screenId}: subscription refused`));
        this.connected = true;
        return ready();
      case 3: {
        // PUBLISH
        const qos = (flags >> 1) & 3;
        const topicLength = body.readUInt16BE(0);
        let at = 2 + topicLength;
        let reply: Buffer | null = null;
        if (qos > 0) {
          reply = Buffer.from([0x40, 2, body[at] as number, body[at + 1] as number]);
          at += 2;
        }
        const payload = body.subarray(at);
        const answer = this.#answer(payload);
        // The PUBACK (at QoS 1) and the acknowledgement leave together, as one write.
        const out = [reply, answer].filter((p): p is Buffer => p !== null);
        if (out.length) this.socket.write(out.length === 1 ? (out[0] as Buffer) : Buffer.concat(out));
        return;
      }
      default: // PUBACK of an acknowledgement, PINGRESP: nothing to do
        return;
    }
  }

  /** A new notice gets an acknowledgement; an empty (cleared) or already seen one does not. */
  #answer(payload: Buffer): Buffer | null {
    if (payload.length === 0) return null;
    // Only the newest notice's id is read, as before: the figure is the controller's fan-out and the broker.
    const newest = (JSON.parse(payload.toString()) as { alerts?: { id?: string }[] }).alerts?.[0];
    if (!newest?.id || this.#seen.has(newest.id)) return null;
    this.#seen.add(newest.id);
    acked += 1;
    const ack = JSON.stringify({
      alertId: newest.id,
      screenId: this.screenId,
      playerId: null,
      shownAt: new Date().toISOString(),
    });
    return publishPacket(this.#id(), this.#ackTopic, ack);
  }

  #id(): number {
    const id = this.#nextId;
    this.#nextId = id === 0xffff ? 1 : id + 1;
    return id;
  }

  ping(): void {
    if (this.connected) this.socket.write(Buffer.from([0xc0, 0]));
  }

  close(): void {
    this.connected = false;
    this.socket.end(Buffer.from([0xe0, 0]));
  }
}

function connectOne(url: URL, screenId: string): Promise<Player> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${screenId}: not subscribed within 60 s`)), 60_000);
    const player = new Player(url, screenId, (error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(player);
    });
  });
}

async function init({ url, screens }: Init): Promise<void> {
  const broker = new URL(url);
  const BATCH = 200;
  for (let i = 0; i < screens.length; i += BATCH) {
    const batch = await Promise.all(screens.slice(i, i + BATCH).map((s) => connectOne(broker, s)));
    players.push(...batch);
  }
  // Within the keepalive, so the broker never takes a quiet player for a dead one.
  setInterval(() => players.forEach((p) => p.ping()), (KEEPALIVE_S * 1000) / 2).unref();
}

process.on('message', (raw) => {
  const message = raw as { cmd: string } & Partial<Init>;
  if (message.cmd === 'init') {
    init(message as Init).then(
      () => process.send?.({ ready: players.length }),
      (error: unknown) => process.send?.({ error: String(error) }),
    );
  } else if (message.cmd === 'report') {
    process.send?.({ report: { connected: players.filter((p) => p.connected).length, acked, lost } });
  } else if (message.cmd === 'close') {
    for (const p of players) p.close();
    process.send?.({ closed: true });
    setImmediate(() => process.exit(0));
  }
});
