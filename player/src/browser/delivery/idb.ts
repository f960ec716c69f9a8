/**
 * A small promise wrapper over IndexedDB: the one durable store of a player (enrollment, pinned key,
 * the running manifest, proof of play, cached-asset index). Every write is its own transaction and is
 * resolved only once committed, so "stored" means it survives a crash.
 */

export const DB_NAME = 'baruga-player';
const DB_VERSION = 1;

/** Object stores and their keys. */
export const STORES = {
  /** Small documents by key: enrollment, pinned key, per-screen state. */
  kv: 'kv',
  /** Proof-of-play records by id, indexed by screen. */
  pop: 'pop',
  /** Cached assets by sha256: size and mime, for usage figures and eviction. */
  assets: 'assets',
} as const;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

export interface PlayerDb {
  get<T>(store: string, key: IDBValidKey): Promise<T | undefined>;
  put(store: string, value: unknown, key?: IDBValidKey): Promise<void>;
  delete(store: string, keys: readonly IDBValidKey[]): Promise<void>;
  all<T>(store: string, index?: { name: string; value: IDBValidKey }, limit?: number): Promise<T[]>;
  count(store: string, index?: { name: string; value: IDBValidKey }): Promise<number>;
  /** Keys and values of a key-value store whose string keys start with `prefix`. */
  entries(store: string, prefix: string): Promise<{ key: string; value: unknown }[]>;
  clear(store: string): Promise<void>;
  close(): void;
}

export async function openPlayerDb(name = DB_NAME): Promise<PlayerDb> {
  const open = indexedDB.open(name, DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(STORES.kv)) db.createObjectStore(STORES.kv);
    if (!db.objectStoreNames.contains(STORES.pop)) {
      db.createObjectStore(STORES.pop, { keyPath: 'id' }).createIndex('screen', 'screenId');
    }
    if (!db.objectStoreNames.contains(STORES.assets)) db.createObjectStore(STORES.assets, { keyPath: 'sha256' });
  };
  const db = await request(open);
  // Another window upgrading the schema asks us to let go; a reload picks the new version up.
  db.onversionchange = () => db.close();

  const source = (tx: IDBTransaction, store: string, index?: { name: string }) =>
    index ? tx.objectStore(store).index(index.name) : tx.objectStore(store);

  return {
    async get<T>(store: string, key: IDBValidKey) {
      const tx = db.transaction(store, 'readonly');
      return (await request(tx.objectStore(store).get(key))) as T | undefined;
    },
    async put(store, value, key) {
      const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
      tx.objectStore(store).put(value, key);
      await done(tx);
    },
    async delete(store, keys) {
      if (keys.length === 0) return;
      const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
      const s = tx.objectStore(store);
      for (const key of keys) s.delete(key);
      await done(tx);
    },
    async all<T>(store: string, index?: { name: string; value: IDBValidKey }, limit?: number) {
      const tx = db.transaction(store, 'readonly');
      const s = source(tx, store, index);
      return (await request(s.getAll(index ? IDBKeyRange.only(index.value) : undefined, limit))) as T[];
    },
    async count(store, index) {
      const tx = db.transaction(store, 'readonly');
      return request(source(tx, store, index).count(index ? IDBKeyRange.only(index.value) : undefined));
    },
    async entries(store, prefix) {
      const tx = db.transaction(store, 'readonly');
      const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
      const [keys, values] = await Promise.all([
        request(tx.objectStore(store).getAllKeys(range)),
        request(tx.objectStore(store).getAll(range)),
      ]);
      return keys.map((key, i) => ({ key: String(key), value: values[i] as unknown }));
    },
    async clear(store) {
      const tx = db.transaction(store, 'readwrite');
      tx.objectStore(store).clear();
      await done(tx);
    },
    close: () => db.close(),
  };
}
