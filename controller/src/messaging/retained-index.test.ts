import { describe, expect, it } from 'vitest';
import { indexedMemoryPersistence } from './retained-index';

interface Persistence {
  setup(broker: unknown): Promise<void>;
  storeRetained(packet: { topic: string; payload: Buffer }): Promise<void>;
  createRetainedStreamCombi(patterns: string[]): AsyncIterable<{ topic: string; payload: Buffer }>;
}

async function topicsFor(p: Persistence, patterns: string[]) {
  const found: string[] = [];
  for await (const packet of p.createRetainedStreamCombi(patterns)) found.push(packet.topic);
  return found.sort();
}

describe('the indexed retained store', () => {
  it('answers exact topics by lookup and wildcards by matching, and forgets a cleared message', async () => {
    const p = indexedMemoryPersistence() as Persistence;
    await p.setup({});
    for (const id of ['a', 'b', 'c']) {
      await p.storeRetained({ topic: `baruga/v1/screens/${id}/status`, payload: Buffer.from('{}') });
      await p.storeRetained({ topic: `baruga/v1/screens/${id}/manifest`, payload: Buffer.from('{}') });
    }
    expect(await topicsFor(p, ['baruga/v1/screens/b/manifest'])).toEqual(['baruga/v1/screens/b/manifest']);
    expect(await topicsFor(p, ['baruga/v1/screens/+/status'])).toEqual([
      'baruga/v1/screens/a/status',
      'baruga/v1/screens/b/status',
      'baruga/v1/screens/c/status',
    ]);
    await p.storeRetained({ topic: 'baruga/v1/screens/b/manifest', payload: Buffer.alloc(0) });
    expect(await topicsFor(p, ['baruga/v1/screens/b/manifest', 'baruga/v1/screens/nope/manifest'])).toEqual([]);
  });

  it('costs the same for one exact subscribe at 10 and at 20,000 retained messages', async () => {
    const time = async (count: number) => {
      const p = indexedMemoryPersistence() as Persistence;
      await p.setup({});
      for (let i = 0; i < count; i++) {
        await p.storeRetained({ topic: `baruga/v1/screens/s${i}/manifest`, payload: Buffer.from('x') });
      }
      const start = performance.now();
      for (let i = 0; i < 2000; i++) await topicsFor(p, [`baruga/v1/screens/s${i % count}/manifest`]);
      return performance.now() - start;
    };
    const small = await time(10);
    const large = await time(20_000);
    // A walk over 20,000 messages per subscribe would make this thousands of times slower; allow noise.
    expect(large).toBeLessThan(small * 5 + 50);
  });

  it('keeps no more topics or bytes than its limits, for anyone, and frees the space of a cleared message', async () => {
    const refused: string[] = [];
    const p = indexedMemoryPersistence({
      maxTopics: 3,
      maxBytes: 100,
      onRefused: (e) => refused.push(`${e.topic}:${e.reason}`),
    }) as Persistence;
    await p.setup({});
    const store = (topic: string, bytes: number) => p.storeRetained({ topic, payload: Buffer.alloc(bytes, 1) });
    await store('t/a', 40);
    await store('t/b', 40);
    await store('t/c', 30);
    expect(refused).toEqual(['t/c:bytes']);
    await store('t/c', 20);
    await store('t/d', 1);
    expect(refused).toEqual(['t/c:bytes', 't/d:topics']);
    expect(await topicsFor(p, ['t/+'])).toEqual(['t/a', 't/b', 't/c']);
    // A replacement counts only its own size; a cleared topic gives its place back.
    await store('t/a', 10);
    await store('t/b', 0);
    await store('t/d', 60);
    expect(await topicsFor(p, ['t/+'])).toEqual(['t/a', 't/c', 't/d']);
    expect(refused).toHaveLength(2);
  });
});
