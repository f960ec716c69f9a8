import { Duplex } from 'node:stream';

/**
 * Reads MQTT framing as bytes pass: each packet's fixed header (a type byte, then the "remaining length" as up to
 * four 7-bit groups) and the length of its body, so the size of a packet is known from its first bytes.
 */
export class MqttFrameMeter {
  /** Bytes of the current packet's body still to pass; -1 while reading a fixed header. */
  #bodyLeft = -1;
  #headerBytes = 0;
  #length = 0;
  #multiplier = 1;

  /**
   * Takes the next bytes of the stream. Returns the size of the first packet in them that is over `limit`
   * (Infinity for a length that is not valid MQTT), or null when every packet so far is within it.
   */
  feed(chunk: Uint8Array, limit: number): number | null {
    let at = 0;
    while (at < chunk.length) {
      if (this.#bodyLeft > 0) {
        const take = Math.min(this.#bodyLeft, chunk.length - at);
        this.#bodyLeft -= take;
        at += take;
        if (this.#bodyLeft === 0) this.#bodyLeft = -1;
        continue;
      }
      const byte = chunk[at++] as number;
      this.#headerBytes++;
      if (this.#headerBytes === 1) {
        this.#length = 0;
        this.#multiplier = 1;
        continue;
      }
      this.#length += (byte & 0x7f) * this.#multiplier;
      this.#multiplier *= 128;
      const more = (byte & 0x80) !== 0;
      if (more && this.#headerBytes < 5) continue;
      if (more) return Infinity;
      const total = this.#headerBytes + this.#length;
      if (total > limit) return total;
      this.#headerBytes = 0;
      this.#bodyLeft = this.#length === 0 ? -1 : this.#length;
    }
    return null;
  }
}

/**
 * A client's connection as the broker sees it, no packet over `maxPacketBytes`. aedes reads a whole packet into
 * memory before any rule runs, so a 20 MB PUBLISH cost 20 MB per connection whatever the rules then said; here
 * the connection ends as soon as a header announces too much, before the body arrives. The limit changes as the
 * client proves who it is (a CONNECT is small; a controller's manifest is not).
 */
export class GuardedConnection extends Duplex {
  readonly #meter = new MqttFrameMeter();

  constructor(
    private readonly socket: Duplex,
    public maxPacketBytes: number,
    onRefused: (announcedBytes: number) => void,
  ) {
    super();
    socket.on('data', (chunk: Buffer) => {
      const over = this.#meter.feed(chunk, this.maxPacketBytes);
      if (over !== null) {
        onRefused(over);
        this.destroy();
        return;
      }
      if (!this.push(chunk)) socket.pause();
    });
    socket.on('end', () => this.push(null));
    socket.on('close', () => this.destroy());
    socket.on('error', (error) => this.destroy(error));
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.socket.write(chunk, done);
  }

  /**
   * A packet is written in pieces (header, topic, payload) between cork and uncork: passed on as one write, so it
   * leaves in one system call, not one per piece (a thousand-screen fan-out spent most of its time in those calls).
   */
  override _writev(chunks: { chunk: Buffer; encoding: BufferEncoding }[], done: (error?: Error | null) => void): void {
    this.socket.write(chunks.length === 1 ? chunks[0]!.chunk : Buffer.concat(chunks.map((c) => c.chunk)), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.socket.end(done);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.socket.destroy();
    done(error);
  }
}
