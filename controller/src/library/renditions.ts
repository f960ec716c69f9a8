import type { AssetDeliverer, ContentTypeDefinition, RenditionRequest } from '@baruga/content';
import { type ImageFormat, probeImage, renderRendition } from '@baruga/content/node';
import { type AssetRef, type BarugaError, ErrorCode, type Result, err, ok } from '@baruga/protocol';
import type { Db } from '../db/database';
import type { Repositories } from '../db/repositories';
import type { RenditionKey } from './library-repository';
import type { BlobStore } from './blob-store';

/** The pixel surface an item fills: a screen today, a layout's zone once layouts exist. */
export interface Surface {
  width: number;
  height: number;
}

export interface DeliveredItem {
  props: unknown;
  assets: AssetRef[];
}

/**
 * Turns an item's stored assets into what a player on one surface fetches: images as renditions at the
 * surface's exact pixel size, library videos as their delivery form (the file or its HLS package, with every
 * segment), everything else as stored. Private originals never reach a manifest.
 */
export interface AssetDelivery {
  /**
   * Runs `compile` and answers what it built, cutting the renditions it asked for first when some are missing
   * (sharp is asynchronous, a compile is not): then, and only then, it compiles a second time.
   */
  prepare<T>(compile: () => Result<T>): Promise<Result<T>>;
  deliverItem(surface: Surface, type: ContentTypeDefinition<unknown>, props: unknown): Result<DeliveredItem>;
  /** The rendition of `key`, cut now unless it exists. Returns its digest. */
  ensureRendition(key: RenditionKey): Promise<Result<string>>;
}

const FORMAT_BY_MIME: Readonly<Record<string, ImageFormat>> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/tiff': 'tiff',
};

export function renditionKey(sourceSha256: string, surface: Surface, request: RenditionRequest): RenditionKey {
  return {
    sourceSha256,
    width: surface.width,
    height: surface.height,
    fit: request.fit,
    focal: request.focal ? `${request.focal.x.toFixed(4)},${request.focal.y.toFixed(4)}` : '',
    background: (request.background ?? '#000000').toLowerCase(),
  };
}

const keyString = (k: RenditionKey) => `${k.sourceSha256}:${k.width}x${k.height}:${k.fit}:${k.focal}:${k.background}`;

export function createAssetDelivery(db: Db, repos: Repositories, store: BlobStore): AssetDelivery {
  /** Set only while `prepare` runs its dry compile: missing renditions are noted instead of failing. */
  let collecting: Map<string, RenditionKey> | null = null;
  const inFlight = new Map<string, Promise<Result<string>>>();

  async function cut(key: RenditionKey): Promise<Result<string>> {
    const existing = repos.library.rendition(key);
    if (existing && store.has(existing)) return ok(existing);
    const source = repos.blobs.get(key.sourceSha256);
    const format = source ? FORMAT_BY_MIME[source.mime] : undefined;
    if (!source || !format || !store.has(key.sourceSha256)) {
      return err({ code: ErrorCode.assetNotFound, message: `image ${key.sourceSha256} is not in the content store` });
    }
    const path = store.pathOf(key.sourceSha256);
    const probe = await probeImage(path, format);
    if (!probe.ok) return probe;
    const [x, y] = key.focal ? key.focal.split(',').map(Number) : [];
    const image = await renderRendition(path, probe.value, {
      width: key.width,
      height: key.height,
      fit: key.fit,
      focal: x !== undefined && y !== undefined ? { x, y } : undefined,
      background: key.background,
    });
    if (!image.ok) {
      return err({
        code: ErrorCode.renditionFailed,
        message: `could not make the ${key.width}×${key.height} rendition of ${key.sourceSha256}: ${image.error.message}`,
      });
    }
    const stored = await store.putBuffer(image.value.data);
    db.transaction(() => {
      repos.blobs.add({ sha256: stored.sha256, size: stored.size, mime: image.value.mime });
      repos.library.addRendition({ ...key, sha256: stored.sha256 });
    })();
    return ok(stored.sha256);
  }

  function ensureRendition(key: RenditionKey): Promise<Result<string>> {
    const id = keyString(key);
    let job = inFlight.get(id);
    if (!job) {
      job = cut(key).finally(() => inFlight.delete(id));
      inFlight.set(id, job);
    }
    return job;
  }

  function deliverItem(surface: Surface, type: ContentTypeDefinition<unknown>, props: unknown): Result<DeliveredItem> {
    const assets = new Map<string, AssetRef>();
    const errors: BarugaError[] = [];

    /** Adds a blob (and a package's parts) to the manifest; notes why not when it cannot go out. */
    const send = (sha256: string): { sha256: string; mime: string } => {
      const blob = repos.blobs.get(sha256);
      if (!blob || !store.has(sha256)) {
        errors.push({ code: ErrorCode.assetNotFound, message: `asset ${sha256} is not in the content store` });
        return { sha256, mime: 'application/octet-stream' };
      }
      if (blob.private) {
        errors.push({
          code: ErrorCode.assetNotFound,
          message: `asset ${sha256} is an original kept for renditions and is never sent to players`,
        });
        return { sha256, mime: blob.mime };
      }
      assets.set(sha256, { sha256, url: `/content/${sha256}`, size: blob.size, mime: blob.mime });
      for (const part of repos.library.partsOf(sha256)) {
        const partBlob = repos.blobs.get(part);
        if (!partBlob) errors.push({ code: ErrorCode.assetNotFound, message: `part ${part} of ${sha256} is missing` });
        else assets.set(part, { sha256: part, url: `/content/${part}`, size: partBlob.size, mime: partBlob.mime });
      }
      return { sha256, mime: blob.mime };
    };

    const deliver: AssetDeliverer = (sha256, rendition) => {
      const source = repos.blobs.get(sha256);
      if (rendition && source && FORMAT_BY_MIME[source.mime]) {
        const key = renditionKey(sha256, surface, rendition);
        const found = repos.library.rendition(key);
        if (found) return send(found);
        if (collecting) collecting.set(keyString(key), key);
        else
          errors.push({
            code: ErrorCode.renditionFailed,
            message: `no ${surface.width}×${surface.height} rendition of ${sha256} yet`,
          });
        return { sha256, mime: source.mime };
      }
      // A library video goes out in the form players receive (its HLS package for large files).
      const delivery = repos.library.bySource(sha256)?.deliverySha256;
      return send(delivery ?? sha256);
    };

    let delivered = props;
    if (type.deliver) delivered = type.deliver(props, deliver);
    else for (const sha256 of type.assets(props)) send(sha256);
    const [first] = errors;
    if (first) return err(first);
    return ok({ props: delivered, assets: [...assets.values()] });
  }

  return {
    async prepare(compile) {
      const pending = new Map<string, RenditionKey>();
      collecting = pending;
      let first;
      try {
        first = compile();
      } finally {
        collecting = null;
      }
      if (pending.size === 0) return first;
      for (const key of pending.values()) {
        const made = await ensureRendition(key);
        if (!made.ok) return made;
      }
      return compile();
    },
    deliverItem,
    ensureRendition,
  };
}
