import { type AssetRef, ErrorCode, type Result, err, ok } from '@baruga/protocol';
import { type PlayerDb, STORES } from './idb';

/** The Cache API cache of verified assets; the Service Worker (sw.ts) answers /content/<sha256> from it. */
export const ASSET_CACHE = 'baruga-assets-v1';
const SHA_IN_URL = /\/content\/([0-9a-f]{64})$/;

export interface AssetUsage {
  usedBytes: number;
  assets: number;
  /** What the browser grants this origin (navigator.storage.estimate), when it says. */
  quotaBytes: number | null;
}

export interface AssetCache {
  /** The assets not in the cache yet. */
  missing(assets: readonly AssetRef[]): Promise<AssetRef[]>;
  /**
   * Downloads every missing asset, checks its SHA-256 and only then stores it. Resolves ok when all of
   * them are cached and verified; an error names the first asset that failed and why.
   */
  ensure(assets: readonly AssetRef[]): Promise<Result<{ fetched: number; bytes: number }>>;
  /** Deletes every cached asset not in `keep`. */
  evictExcept(keep: ReadonlySet<string>): Promise<{ removed: number; bytes: number }>;
  usage(): Promise<AssetUsage>;
  /** Deletes every cached asset. */
  clear(): Promise<{ removed: number; bytes: number }>;
}

interface AssetEntry {
  sha256: string;
  size: number;
  mime: string;
  storedAt: string;
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Verify-before-store asset cache. Cache usage is bounded: a manifest whose assets would not fit in what
 * the browser grants is refused (`BARUGA_ERR_CACHE_FULL`) before anything is downloaded, and assets no
 * manifest needs are evicted after each activation (delivery.ts).
 */
export function createAssetCache(deps: {
  db: PlayerDb;
  /** The absolute URL of an asset: the cache key, and what the views request. */
  assetUrl: (sha256: string) => string;
  fetch?: typeof fetch;
  concurrency?: number;
}): AssetCache {
  const { db, assetUrl } = deps;
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const concurrency = deps.concurrency ?? 6;
  const inFlight = new Map<string, Promise<Result<number>>>();
  const open = () => caches.open(ASSET_CACHE);

  async function download(asset: AssetRef): Promise<Result<number>> {
    const url = assetUrl(asset.sha256);
    let body: ArrayBuffer;
    try {
      // Not through the HTTP cache: the bytes are kept once, here, and a bad copy upstream is not reused.
      const response = await doFetch(url, { cache: 'no-store' });
      if (!response.ok) {
        return err({ code: ErrorCode.assetDownload, message: `asset ${asset.sha256}: HTTP ${response.status}` });
      }
      body = await response.arrayBuffer();
    } catch (error) {
      return err({ code: ErrorCode.assetDownload, message: `asset ${asset.sha256}: ${String(error)}` });
    }
    const actual = hex(await crypto.subtle.digest('SHA-256', body));
    if (actual !== asset.sha256) {
      return err({
        code: ErrorCode.assetHashMismatch,
        message: `asset ${asset.sha256} arrived with SHA-256 ${actual} (${body.byteLength} bytes): refused`,
      });
    }
    const cache = await open();
    await cache.put(
      url,
      new Response(body, {
        headers: {
          'Content-Type': asset.mime,
          'Content-Length': String(body.byteLength),
          'X-Baruga-Sha256': asset.sha256,
        },
      }),
    );
    await db.put(STORES.assets, {
      sha256: asset.sha256,
      size: body.byteLength,
      mime: asset.mime,
      storedAt: new Date().toISOString(),
    } satisfies AssetEntry);
    return ok(body.byteLength);
  }

  /** One download per asset at a time, however many screens or manifests ask for it. */
  function fetchOnce(asset: AssetRef): Promise<Result<number>> {
    let running = inFlight.get(asset.sha256);
    if (!running) {
      running = download(asset).finally(() => inFlight.delete(asset.sha256));
      inFlight.set(asset.sha256, running);
    }
    return running;
  }

  async function missing(assets: readonly AssetRef[]): Promise<AssetRef[]> {
    const cache = await open();
    const unique = [...new Map(assets.map((a) => [a.sha256, a])).values()];
    const present = await Promise.all(unique.map(async (a) => (await cache.match(assetUrl(a.sha256))) !== undefined));
    return unique.filter((_, i) => !present[i]);
  }

  async function usage(): Promise<AssetUsage> {
    const entries = await db.all<AssetEntry>(STORES.assets);
    let quotaBytes: number | null = null;
    try {
      quotaBytes = (await navigator.storage?.estimate())?.quota ?? null;
    } catch {
      quotaBytes = null;
    }
    return { usedBytes: entries.reduce((sum, e) => sum + e.size, 0), assets: entries.length, quotaBytes };
  }

  async function evictExcept(keep: ReadonlySet<string>) {
    const cache = await open();
    const gone: string[] = [];
    for (const request of await cache.keys()) {
      const sha = SHA_IN_URL.exec(new URL(request.url).pathname)?.[1];
      if (sha && keep.has(sha)) continue;
      await cache.delete(request);
      if (sha) gone.push(sha);
    }
    const entries = await db.all<AssetEntry>(STORES.assets);
    const stale = entries.filter((e) => !keep.has(e.sha256));
    await db.delete(
      STORES.assets,
      stale.map((e) => e.sha256),
    );
    return {
      removed: new Set([...gone, ...stale.map((e) => e.sha256)]).size,
      bytes: stale.reduce((s, e) => s + e.size, 0),
    };
  }

  return {
    missing,
    usage,
    evictExcept,
    clear: () => evictExcept(new Set()),
    async ensure(assets) {
      const todo = await missing(assets);
      const bytes = todo.reduce((sum, a) => sum + a.size, 0);
      const current = await usage();
      // Leave a tenth of the grant for the app shell, proof of play and the browser's own bookkeeping.
      if (current.quotaBytes !== null && current.usedBytes + bytes > current.quotaBytes * 0.9) {
        return err({
          code: ErrorCode.cacheFull,
          message: `the manifest needs ${bytes} more bytes; ${current.usedBytes} of ${current.quotaBytes} are used`,
        });
      }
      let next = 0;
      let failure: Result<never> | null = null;
      const worker = async () => {
        while (failure === null && next < todo.length) {
          const asset = todo[next++];
          if (!asset) break;
          const result = await fetchOnce(asset);
          if (!result.ok) failure ??= result;
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
      if (failure) return failure;
      return ok({ fetched: todo.length, bytes });
    },
  };
}
