import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { topicMatches } from '@baruga/protocol';

/**
 * The embedded broker's in-memory persistence with retained messages indexed by topic.
 *
 * aedes-persistence (11.x) keeps retained messages in a Map but answers every SUBSCRIBE by walking all of them
 * through a matcher: 0.9 ms a subscribe at 2,000 retained messages, 4.4 ms at 12,000, on the event loop that also
 * serves HTTP, so a reconnect herd of 3,000 players stalls the controller for seconds. Players subscribe to exact
 * topics only (the broker rules refuse wildcards), so an exact topic is one Map lookup here, whatever the number
 * of retained messages; a pattern with a wildcard (the controller's own `screens/+/status`, once at start) still
 * walks them, matching level by level. Everything else is the library's own code.
 */

interface Retained {
  topic: string;
  payload: Buffer | string;
}

type AsyncMemoryPersistence = new (opts: object) => {
  storeRetained(packet: Retained): Promise<void>;
  createRetainedStream(pattern: string): Readable;
  createRetainedStreamCombi(patterns: string[]): Readable;
};

const require = createRequire(import.meta.url);
const MemoryPersistence = require('aedes-persistence/asyncPersistence.js') as AsyncMemoryPersistence;
const { CallBackPersistence } = require('aedes-persistence/callBackPersistence.js') as {
  CallBackPersistence: new (factory: (opts: object) => unknown, opts?: object) => unknown;
};

/**
 * Bounds on what the broker retains, for everyone, the controller included. The rules already keep players to
 * their screens' status (4 KiB each); these catch anything else before it becomes the controller's memory.
 */
export interface RetainedLimits {
  maxTopics: number;
  maxBytes: number;
  /** A retained message not kept (it was still delivered to whoever was subscribed). */
  onRefused?: (event: { topic: string; bytes: number; reason: 'topics' | 'bytes' }) => void;
}

/** Twenty thousand screens' manifests and statuses, with room; 1 GiB of payloads. */
export const DEFAULT_RETAINED_LIMITS: RetainedLimits = { maxTopics: 50_000, maxBytes: 1024 * 1024 * 1024 };

class IndexedRetainedPersistence extends MemoryPersistence {
  readonly #byTopic = new Map<string, Retained>();
  #bytes = 0;
  readonly #limits: RetainedLimits;

  constructor(opts: object, limits: RetainedLimits) {
    super(opts);
    this.#limits = limits;
  }

  override async storeRetained(packet: Retained): Promise<void> {
    const old = this.#byTopic.get(packet.topic);
    if (old) {
      this.#byTopic.delete(packet.topic);
      this.#bytes -= old.payload.length;
    }
    if (packet.payload.length === 0) return;
    const bytes = packet.payload.length;
    const reason =
      this.#byTopic.size >= this.#limits.maxTopics
        ? 'topics'
        : this.#bytes + bytes > this.#limits.maxBytes
          ? 'bytes'
          : null;
    // Over a limit the topic keeps no retained message at all: an older one would be the wrong one.
    if (reason) return this.#limits.onRefused?.({ topic: packet.topic, bytes, reason });
    // A copy, as the library keeps one: the caller may reuse its packet object.
    this.#byTopic.set(packet.topic, { ...packet });
    this.#bytes += bytes;
  }

  *#matching(pattern: string): Generator<Retained> {
    if (!/[+#]/.test(pattern)) {
      const found = this.#byTopic.get(pattern);
      if (found) yield found;
      return;
    }
    for (const [topic, packet] of this.#byTopic) if (topicMatches(pattern, topic)) yield packet;
  }

  override createRetainedStream(pattern: string): Readable {
    return Readable.from(this.#matching(pattern));
  }

  override createRetainedStreamCombi(patterns: string[]): Readable {
    return Readable.from(patterns.flatMap((pattern) => [...this.#matching(pattern)]));
  }

  get retainedCount(): number {
    return this.#byTopic.size;
  }
}

/** A persistence for `Aedes.createBroker({ persistence })`, in the callback form aedes expects. */
export function indexedMemoryPersistence(limits: RetainedLimits = DEFAULT_RETAINED_LIMITS): unknown {
  return new CallBackPersistence((opts) => new IndexedRetainedPersistence(opts, limits));
}
