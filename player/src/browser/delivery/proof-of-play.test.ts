import { describe, expect, it } from 'vitest';
import type { PlayerDb } from './idb';
import { ACK_TIMEOUT_MS, type StoredPlay, createPlayRecorder, createPlayUploader } from './proof-of-play';

/** IndexedDB does not exist in Node: a map with the same contract (the browser stories use the real one). */
function memoryDb(): PlayerDb & { rows(): StoredPlay[] } {
  const stores = new Map<string, Map<string, unknown>>();
  const of = (name: string) => stores.get(name) ?? stores.set(name, new Map()).get(name)!;
  const filter = (name: string, index?: { value: unknown }) =>
    [...of(name).values()].filter((v) => !index || (v as { screenId?: unknown }).screenId === index.value);
  return {
    get: async <T>(store: string, key: IDBValidKey) => of(store).get(String(key)) as T | undefined,
    put: async (store, value, key) => {
      of(store).set(String(key ?? (value as { id: string }).id), structuredClone(value));
    },
    delete: async (store, keys) => {
      for (const k of keys) of(store).delete(String(k));
    },
    all: async <T>(store: string, index?: { name: string; value: IDBValidKey }, limit?: number) =>
      filter(store, index).slice(0, limit) as T[],
    count: async (store, index) => filter(store, index).length,
    entries: async (store, prefix) =>
      [...of(store)].filter(([k]) => k.startsWith(prefix)).map(([key, value]) => ({ key, value })),
    clear: async (store) => of(store).clear(),
    close: () => undefined,
    rows: () => [...of('pop').values()] as StoredPlay[],
  };
}

const T0 = Date.parse('2026-03-01T00:00:00Z');
const item = (itemId: string, at: number, zoneId = 'main') => ({
  itemId,
  itemType: 'text',
  zoneId,
  manifestVersion: 3,
  at,
});

describe('proof of play on the player', () => {
  it('closes a zone’s record when the next item shows, and keeps zones apart', async () => {
    const db = memoryDb();
    const recorder = createPlayRecorder({ db, screenId: 'lobi-1', session: 's1', now: () => T0 });
    await recorder.shown(item('a', T0));
    await recorder.shown(item('ticker', T0, 'overlay'));
    await recorder.shown(item('b', T0 + 10_000));
    const rows = db.rows().sort((x, y) => x.startedAt.localeCompare(y.startedAt) || x.zoneId.localeCompare(y.zoneId));
    expect(rows.map((r) => [r.itemId, r.zoneId, r.open, Date.parse(r.endedAt) - Date.parse(r.startedAt)])).toEqual([
      ['a', 'main', false, 10_000],
      ['ticker', 'overlay', true, 0],
      ['b', 'main', true, 0],
    ]);
  });

  it('counts one appearance reported twice in the same frame burst once', async () => {
    const db = memoryDb();
    const recorder = createPlayRecorder({ db, screenId: 'lobi-1', session: 's1', now: () => T0 });
    void recorder.shown(item('a', T0));
    await recorder.shown(item('a', T0 + 27));
    expect(db.rows()).toHaveLength(1);
  });

  it('survives a crash: the last checkpoint is the end of the record a new page recovers', async () => {
    const db = memoryDb();
    const crashed = createPlayRecorder({ db, screenId: 'lobi-1', session: 'old', now: () => T0 + 5_000 });
    await crashed.shown(item('a', T0));
    await crashed.checkpoint();
    // The page died here. The next one starts, recovers, and plays on.
    const next = createPlayRecorder({ db, screenId: 'lobi-1', session: 'new', now: () => T0 + 60_000 });
    await next.recover();
    expect(db.rows()).toMatchObject([{ itemId: 'a', open: false, endedAt: new Date(T0 + 5_000).toISOString() }]);
  });

  it('stops recording during a blackout and starts new records on restore', async () => {
    const db = memoryDb();
    const recorder = createPlayRecorder({ db, screenId: 'lobi-1', session: 's1', now: () => T0 });
    await recorder.shown(item('a', T0));
    await recorder.pause(T0 + 4_000);
    await recorder.shown(item('b', T0 + 10_000));
    await recorder.resume(T0 + 20_000);
    const rows = db.rows().sort((x, y) => x.startedAt.localeCompare(y.startedAt));
    expect(rows.map((r) => [r.itemId, r.startedAt, r.endedAt, r.open])).toEqual([
      ['a', new Date(T0).toISOString(), new Date(T0 + 4_000).toISOString(), false],
      ['b', new Date(T0 + 20_000).toISOString(), new Date(T0 + 20_000).toISOString(), true],
    ]);
  });

  it('sends closed records, resends them when no acknowledgement comes, and deletes only what is acknowledged', async () => {
    const db = memoryDb();
    let now = T0;
    const recorder = createPlayRecorder({ db, screenId: 'lobi-1', session: 's1', now: () => now });
    for (let i = 0; i < 5; i++) await recorder.shown(item(`i${i}`, T0 + i * 10_000));
    const sent: string[][] = [];
    let online = false;
    const uploader = createPlayUploader({
      db,
      screenId: 'lobi-1',
      playerId: 'web-1',
      now: () => now,
      publish: (payload) => {
        if (!online) return false;
        sent.push((JSON.parse(payload) as { records: { id: string }[] }).records.map((r) => r.id));
        return true;
      },
    });
    await uploader.send();
    expect(sent).toHaveLength(0);
    online = true;
    await uploader.send();
    await uploader.send();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(4); // the fifth is still on screen
    now += ACK_TIMEOUT_MS;
    await uploader.send();
    expect(sent[1]).toEqual(sent[0]); // the acknowledgement was lost: the same ids again
    await uploader.acknowledged(sent[0]!.slice(0, 2));
    expect(await uploader.backlog()).toBe(3);
    await uploader.acknowledged(sent[0]!.slice(2));
    expect(db.rows().map((r) => r.itemId)).toEqual(['i4']);
  });
});
