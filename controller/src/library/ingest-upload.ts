import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  type IngestStages,
  type IngestedUpload,
  type RenditionSpec,
  checkFileName,
  identifyUpload,
  ingestUpload,
  rewritePlaylist,
} from '@baruga/content/node';
import { HLS_MIME } from '@baruga/content';
import { ErrorCode, type Result, err, ok } from '@baruga/protocol';
import type { Db } from '../db/database';
import type { Repositories } from '../db/repositories';
import type { LibraryRow } from './library-repository';
import type { BlobStore, ReceivedFile } from './blob-store';
import { renditionKey } from './renditions';
import type { UploadHandle } from './upload-progress';

/** Screen geometries rendered at upload; any further ones are cut the first time a screen needs them. */
const UPLOAD_GEOMETRIES = 8;

export interface UploadContext {
  db: Db;
  repos: Repositories;
  store: BlobStore;
  hlsMinBytes: number;
  /** Limits concurrent processing per kind (decoding is memory- and CPU-heavy); receiving is not limited. */
  limits: Record<'image' | 'video', <T>(job: () => Promise<T>) => Promise<T>>;
  stages: IngestStages;
}

export interface UploadInput {
  file: Readable;
  fileName: string;
  mime: string;
  /** Whether the multipart parser cut the file at the size limit. */
  truncated: () => boolean;
  maxBytes: number;
  name?: string | undefined;
  tags: readonly string[];
}

export interface UploadOutcome {
  item: LibraryRow;
  deduplicated: boolean;
}

/** The distinct sizes of the screens that exist: an image is cut for each at once, so publishing is instant. */
export function uploadTargets(repos: Repositories): RenditionSpec[] {
  const seen = new Set<string>();
  const targets: RenditionSpec[] = [];
  for (const s of repos.screens.list()) {
    const key = `${s.width}x${s.height}`;
    if (seen.has(key) || targets.length >= UPLOAD_GEOMETRIES) continue;
    seen.add(key);
    // The image type's defaults: cover, centred, black. Other fits and focal points come on demand.
    targets.push({ width: s.width, height: s.height, fit: 'cover', background: '#000000' });
  }
  return targets;
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * An upload from the first byte to the library row: receive into a temp file, check the name and the bytes,
 * run the pipeline in a scratch folder, then store every output and record it in one transaction. A refusal
 * at any step leaves the store and the database exactly as they were.
 */
export async function acceptUpload(
  ctx: UploadContext,
  input: UploadInput,
  progress: UploadHandle,
): Promise<Result<UploadOutcome>> {
  const checked = checkFileName(input.fileName);
  if (!checked.ok) {
    input.file.resume(); // drain the refused body rather than leave the connection stalled
    return checked;
  }

  const received = await ctx.store.receive(input.file, (bytes) => progress.received(bytes));
  let kept = false;
  let workDir: string | null = null;
  try {
    if (input.truncated()) {
      return err({
        code: ErrorCode.payloadTooLarge,
        message: `the file is larger than ${Math.round(input.maxBytes / (1024 * 1024))} MB (BARUGA_MAX_UPLOAD_MB)`,
      });
    }
    const identified = await identifyUpload(received.tmpPath, { extension: checked.value.extension, mime: input.mime });
    if (!identified.ok) return identified;

    const existing = ctx.repos.library.byUpload(received.sha256);
    if (existing) return ok({ item: existing, deduplicated: true });

    return await ctx.limits[identified.value.kind](async () => {
      workDir = await ctx.store.makeWorkDir();
      const targets = identified.value.kind === 'image' ? uploadTargets(ctx.repos) : [];
      const ingested = await ingestUpload(received.tmpPath, identified.value, {
        targets,
        workDir,
        hlsMinBytes: ctx.hlsMinBytes,
        stages: ctx.stages,
        onPlan: (steps) => progress.processing(steps),
        onStep: (step) => progress.step(step),
      });
      if (!ingested.ok) return ingested;
      const outcome = await record(ctx, received, ingested.value, {
        name: input.name ?? checked.value.displayName,
        fileName: checked.value.fileName,
        tags: input.tags,
      });
      kept = outcome.keptReceived;
      return ok({ item: outcome.item, deduplicated: outcome.deduplicated });
    });
  } finally {
    if (!kept) await ctx.store.discard(received);
    if (workDir) await ctx.store.removeWorkDir(workDir);
  }
}

interface Recorded {
  item: LibraryRow;
  deduplicated: boolean;
  /** The received file became the item's source blob (an image's private original). */
  keptReceived: boolean;
}

async function record(
  ctx: UploadContext,
  received: ReceivedFile,
  ingested: IngestedUpload,
  naming: { name: string; fileName: string; tags: readonly string[] },
): Promise<Recorded> {
  const { db, repos, store } = ctx;
  const id = crypto.randomUUID();
  const thumbnail = await store.putBuffer(ingested.thumbnail.data);

  if (ingested.kind === 'image') {
    const source = await store.commit(received);
    const renditions = await Promise.all(
      ingested.renditions.map(async (r) => ({ ...r, stored: await store.putBuffer(r.image.data) })),
    );
    const item = db.transaction((): Recorded => {
      // The same file may have finished meanwhile in a parallel upload: that item stands.
      const raced = repos.library.byUpload(received.sha256);
      if (raced) return { item: raced, deduplicated: true, keptReceived: true };
      repos.blobs.add({ sha256: source.sha256, size: source.size, mime: ingested.mime, private: true });
      repos.blobs.add({ sha256: thumbnail.sha256, size: thumbnail.size, mime: ingested.thumbnail.mime });
      for (const r of renditions) {
        repos.blobs.add({ sha256: r.stored.sha256, size: r.stored.size, mime: r.image.mime });
        repos.library.addRendition({ ...renditionKey(source.sha256, r.spec, r.spec), sha256: r.stored.sha256 });
      }
      const row = repos.library.insert(
        {
          id,
          kind: 'image',
          name: naming.name,
          fileName: naming.fileName,
          uploadSha256: received.sha256,
          sourceSha256: source.sha256,
          url: null,
          mime: ingested.mime,
          size: source.size,
          width: ingested.probe.width,
          height: ingested.probe.height,
          durationMs: null,
          thumbnailSha256: thumbnail.sha256,
          posterSha256: null,
          deliverySha256: null,
          meta: { format: ingested.probe.format, hasAlpha: ingested.probe.hasAlpha },
        },
        naming.tags,
      );
      return { item: row, deduplicated: false, keptReceived: true };
    })();
    return item;
  }

  // A video: the cleaned file is the source; the upload itself (with its metadata) is not kept.
  const sourceSha256 = await sha256OfFile(ingested.videoPath);
  const same = repos.library.bySource(sourceSha256);
  if (same) return { item: same, deduplicated: true, keptReceived: false };
  const video = await store.putFile(ingested.videoPath);
  const poster = await store.putBuffer(ingested.poster.data);
  let playlist: { sha256: string; size: number; segments: { sha256: string; size: number }[] } | null = null;
  if (ingested.hls) {
    const segments = new Map<string, { sha256: string; size: number }>();
    for (const file of ingested.hls.segments) segments.set(path.basename(file), await store.putFile(file));
    const text = rewritePlaylist(await fs.promises.readFile(ingested.hls.playlistPath, 'utf8'), (name) => {
      const segment = segments.get(name);
      return segment ? `/content/${segment.sha256}` : undefined;
    });
    if (text === null) throw new Error('the HLS playlist names a segment ffmpeg did not write');
    const stored = await store.putBuffer(Buffer.from(text, 'utf8'));
    playlist = { ...stored, segments: [...segments.values()] };
  }
  return db.transaction((): Recorded => {
    const raced = repos.library.byUpload(received.sha256) ?? repos.library.bySource(video.sha256);
    if (raced) return { item: raced, deduplicated: true, keptReceived: false };
    repos.blobs.add({ sha256: video.sha256, size: video.size, mime: ingested.plan.mime });
    repos.blobs.add({ sha256: poster.sha256, size: poster.size, mime: ingested.poster.mime });
    repos.blobs.add({ sha256: thumbnail.sha256, size: thumbnail.size, mime: ingested.thumbnail.mime });
    if (playlist) {
      for (const s of playlist.segments) repos.blobs.add({ sha256: s.sha256, size: s.size, mime: 'video/mp2t' });
      repos.blobs.add({ sha256: playlist.sha256, size: playlist.size, mime: HLS_MIME });
      repos.library.addParts(
        playlist.sha256,
        playlist.segments.map((s) => s.sha256),
      );
    }
    const row = repos.library.insert(
      {
        id,
        kind: 'video',
        name: naming.name,
        fileName: naming.fileName,
        uploadSha256: received.sha256,
        sourceSha256: video.sha256,
        url: null,
        mime: ingested.plan.mime,
        size: video.size,
        width: ingested.probe.width,
        height: ingested.probe.height,
        durationMs: ingested.probe.durationMs,
        thumbnailSha256: thumbnail.sha256,
        posterSha256: poster.sha256,
        deliverySha256: playlist?.sha256 ?? video.sha256,
        meta: {
          videoCodec: ingested.probe.videoCodec,
          audioCodec: ingested.probe.audioCodec,
          audio: ingested.plan.audio,
          container: ingested.plan.output,
        },
      },
      naming.tags,
    );
    return { item: row, deduplicated: false, keptReceived: false };
  })();
}
