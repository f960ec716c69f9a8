import crypto from 'node:crypto';
import { checkLiveStream, configureSharpForServer } from '@baruga/content/node';
import {
  type ContentUsage,
  CreateStream,
  ErrorCode,
  type GcReport,
  type LibraryItem,
  type LibraryPage,
  LibraryQuery,
  Tag,
  type TagCount,
  UpdateLibraryItem,
  UploadQuery,
  type UploadResult,
} from '@baruga/protocol';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ControllerConfig } from '../config';
import type { Db } from '../db/database';
import type { Repositories } from '../db/repositories';
import type { LibraryRow } from './library-repository';
import { ApiError, parseWith } from '../http/http-errors';
import type { AssetDelivery } from './renditions';
import { acceptUpload } from './ingest-upload';
import { createLimit } from './limit';
import { UploadTracker } from './upload-progress';
import { buildUsageIndex } from './usage';
import type { BlobStore } from './blob-store';
import { GC_GRACE_MS, collectGarbage } from './gc';

export interface LibraryOptions {
  db: Db;
  repos: Repositories;
  store: BlobStore;
  delivery: AssetDelivery;
  config: Pick<ControllerConfig, 'maxUploadBytes' | 'hlsMinBytes'>;
  /** Checks a live stream URL; tests may point it at a local origin. */
  checkStream?: typeof checkLiveStream;
}

/** The status each refusal of the pipeline maps to. */
const STATUS: Readonly<Record<string, number>> = {
  [ErrorCode.badFileName]: 400,
  [ErrorCode.emptyFile]: 400,
  [ErrorCode.uploadMissingFile]: 400,
  [ErrorCode.validation]: 400,
  [ErrorCode.payloadTooLarge]: 413,
  [ErrorCode.unsupportedFileType]: 415,
  [ErrorCode.fileTypeMismatch]: 415,
  [ErrorCode.unsupportedCodec]: 415,
  [ErrorCode.corruptFile]: 422,
  [ErrorCode.pixelLimit]: 422,
  [ErrorCode.streamUnreachable]: 422,
  [ErrorCode.notAPlaylist]: 422,
  [ErrorCode.uploadInProgress]: 409,
};

const IdParams = z.object({ id: z.uuid() });
const UploadParams = z.object({ uploadId: z.string().max(64) });

/** How often unreferenced blobs are looked for; the first pass runs a minute after start. */
const GC_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The content library (docs/api.md, "Content library"): uploads with progress, live streams, listing with
 * filters and paging, tags, usage, rename, delete, and the garbage collector of the store.
 */
export async function libraryRoutes(app: FastifyInstance, options: LibraryOptions) {
  const { db, repos, store, config } = options;
  const checkStream = options.checkStream ?? checkLiveStream;
  const tracker = new UploadTracker();
  // Uploads keep streaming in; their processing waits its turn. Pictures go through a two-stage pipeline,
  // one decoding while the one before it is cut (both cores busy, one memory-hungry decode at a time);
  // videos one at a time (ffmpeg is bound by the disk).
  const stages = { decode: createLimit(1), cut: createLimit(1) };
  const limits = { image: createLimit(2), video: createLimit(1) };
  configureSharpForServer(1);

  await app.register(fastifyMultipart, {
    // The file streams to disk: only the parser's small buffers live in memory, whatever the file size.
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 },
    throwFileSizeLimit: false,
    // Keep the name as sent: busboy would cut "../../x.jpg" down to "x.jpg", hiding a hostile client.
    preservePath: true,
  });

  function view(
    row: LibraryRow,
    extra: { usage?: ContentUsage; renditions?: boolean; tags?: string[] } = {},
  ): LibraryItem {
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      tags: extra.tags ?? repos.library.tags(row.id),
      mime: row.mime,
      size: row.size,
      width: row.width,
      height: row.height,
      durationMs: row.durationMs,
      asset: row.sourceSha256,
      url: row.url,
      thumbnail: row.thumbnailSha256,
      poster: row.posterSha256,
      delivery:
        row.kind === 'video' ? (row.deliverySha256 && row.deliverySha256 !== row.sourceSha256 ? 'hls' : 'file') : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      ...(extra.usage ? { usage: extra.usage } : {}),
      ...(extra.renditions && row.sourceSha256
        ? {
            renditions: repos.library.renditionsOf(row.sourceSha256).flatMap((r) => {
              const blob = repos.blobs.get(r.sha256);
              return blob
                ? [{ sha256: r.sha256, width: r.width, height: r.height, fit: r.fit, mime: blob.mime, size: blob.size }]
                : [];
            }),
          }
        : {}),
    };
  }

  function itemOr404(id: string): LibraryRow {
    const row = repos.library.get(id);
    if (!row) throw new ApiError(404, ErrorCode.contentNotFound, `no library item ${id}`);
    return row;
  }

  function refuse(error: { code: string; message: string; details?: unknown }): never {
    throw new ApiError(STATUS[error.code] ?? 400, error.code, error.message, error.details);
  }

  function parseTags(raw: string | undefined): string[] {
    if (!raw) return [];
    const tags = raw
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    return [...new Set(parseWith(z.array(Tag).max(20), tags, 'tags'))];
  }

  app.post(
    '/api/content',
    { config: { access: 'editor', action: 'content.upload' } },
    async (request, reply): Promise<UploadResult> => {
      const query = parseWith(UploadQuery, request.query, 'query');
      const tags = parseTags(query.tags);
      if (!request.isMultipart()) {
        throw new ApiError(
          415,
          ErrorCode.unsupportedMediaType,
          'send the file as multipart/form-data with one field named "file"',
        );
      }
      const length = Number(request.headers['content-length']);
      // A body that announces more than the limit is refused before a byte of it is read.
      if (Number.isFinite(length) && length > config.maxUploadBytes + 64 * 1024) {
        reply.header('connection', 'close');
        refuse({
          code: ErrorCode.payloadTooLarge,
          message: `the file is larger than ${Math.round(config.maxUploadBytes / (1024 * 1024))} MB (BARUGA_MAX_UPLOAD_MB)`,
        });
      }
      const started = tracker.start(query.uploadId ?? crypto.randomUUID(), Number.isFinite(length) ? length : null);
      if (!started.ok) refuse(started.error);
      const progress = started.value;
      reply.header('x-upload-id', progress.uploadId);

      try {
        const part = await request.file();
        if (!part || part.fieldname !== 'file') {
          part?.file.resume();
          refuse({ code: ErrorCode.uploadMissingFile, message: 'the form has no field named "file"' });
        }
        let outcome;
        try {
          outcome = await acceptUpload(
            { db, repos, store, hlsMinBytes: config.hlsMinBytes, limits, stages },
            {
              file: part.file,
              fileName: part.filename,
              mime: part.mimetype,
              truncated: () => part.file.truncated,
              maxBytes: config.maxUploadBytes,
              name: query.name,
              tags,
            },
            progress,
          );
        } catch (error) {
          if (error instanceof ApiError) throw error;
          // The body broke off or was malformed (busboy: "Unexpected end of form", a reset connection).
          if (
            request.raw.aborted ||
            (error instanceof Error && /end of form|terminated|aborted|premature/i.test(error.message))
          ) {
            refuse({
              code: ErrorCode.validation,
              message: 'the upload broke off before the end of the file; send it again',
            });
          }
          throw error;
        }
        if (!outcome.ok) refuse(outcome.error);
        progress.done(outcome.value.item.id);
        reply.status(outcome.value.deduplicated ? 200 : 201);
        return { item: view(outcome.value.item), deduplicated: outcome.value.deduplicated };
      } catch (error) {
        progress.failed(
          error instanceof ApiError
            ? error
            : { code: ErrorCode.internal, message: 'the upload failed; see the controller log' },
        );
        throw error;
      }
    },
  );

  app.get('/api/content/uploads/:uploadId', { config: { access: 'signed-in' } }, async (request) => {
    const { uploadId } = parseWith(UploadParams, request.params, 'path');
    const progress = tracker.get(uploadId);
    if (!progress)
      throw new ApiError(404, ErrorCode.uploadNotFound, `no upload ${uploadId} is running or recently done`);
    return progress;
  });

  app.post(
    '/api/content/streams',
    { config: { access: 'editor', action: 'content.stream-add' } },
    async (request, reply) => {
      const body = parseWith(CreateStream, request.body);
      const existing = repos.library.byUrl(body.url);
      if (existing) return reply.status(200).send({ item: view(existing), deduplicated: true });
      const checked = await checkStream(body.url);
      if (!checked.ok) refuse(checked.error);
      const row = db.transaction(
        () =>
          repos.library.byUrl(body.url) ??
          repos.library.insert(
            {
              id: crypto.randomUUID(),
              kind: 'stream',
              name: body.name,
              fileName: null,
              uploadSha256: null,
              sourceSha256: null,
              url: body.url,
              mime: 'application/vnd.apple.mpegurl',
              size: 0,
              width: null,
              height: null,
              durationMs: null,
              thumbnailSha256: null,
              posterSha256: null,
              deliverySha256: null,
              meta: { playlist: checked.value.playlist, live: checked.value.live, variants: checked.value.variants },
            },
            [...new Set(body.tags)],
          ),
      )();
      return reply.status(201).send({ item: view(row), deduplicated: false });
    },
  );

  app.get('/api/content', { config: { access: 'signed-in' } }, async (request): Promise<LibraryPage> => {
    const query = parseWith(LibraryQuery, request.query, 'query');
    const { rows, total } = repos.library.list(query);
    const usage = buildUsageIndex(repos);
    const tags = repos.library.tagsOfMany(rows.map((row) => row.id));
    const next = query.offset + rows.length;
    return {
      items: rows.map((row) => view(row, { usage: usage(row), tags: tags.get(row.id) ?? [] })),
      total,
      limit: query.limit,
      offset: query.offset,
      nextOffset: next < total ? next : null,
    };
  });

  app.get('/api/content/tags', { config: { access: 'signed-in' } }, async (): Promise<TagCount[]> =>
    repos.library.tagCounts(),
  );

  app.get('/api/content/:id', { config: { access: 'signed-in' } }, async (request): Promise<LibraryItem> => {
    const { id } = parseWith(IdParams, request.params, 'path');
    const row = itemOr404(id);
    return view(row, { usage: buildUsageIndex(repos)(row), renditions: true });
  });

  app.patch(
    '/api/content/:id',
    { config: { access: 'editor', action: 'content.update' } },
    async (request): Promise<LibraryItem> => {
      const { id } = parseWith(IdParams, request.params, 'path');
      itemOr404(id);
      const body = parseWith(UpdateLibraryItem, request.body);
      db.transaction(() => {
        if (body.name !== undefined) repos.library.rename(id, body.name);
        if (body.tags !== undefined) repos.library.setTags(id, [...new Set(body.tags)]);
      })();
      return view(itemOr404(id));
    },
  );

  app.delete('/api/content/:id', { config: { access: 'editor', action: 'content.delete' } }, async (request, reply) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    const row = itemOr404(id);
    const usage = buildUsageIndex(repos)(row);
    if (usage.inUse) {
      throw new ApiError(
        409,
        ErrorCode.contentInUse,
        `"${row.name}" is ${usage.summary}; remove it from ${usage.items > 0 ? 'those items' : 'those screens'} and publish first`,
        usage,
      );
    }
    // The blobs stay until the garbage collector finds them unreferenced (after its grace period).
    repos.library.remove(id);
    return reply.status(204).send();
  });

  app.post('/api/content/gc', { config: { access: 'admin', action: 'content.gc' } }, async (): Promise<GcReport> =>
    collectGarbage(db, repos, store),
  );

  let gcRunning = false;
  const runGc = () => {
    if (gcRunning) return;
    gcRunning = true;
    collectGarbage(db, repos, store, { graceMs: GC_GRACE_MS })
      .then((report) => {
        if (report.removedBlobs > 0) app.log.info({ gc: report }, 'removed unreferenced blobs');
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'garbage collection failed'))
      .finally(() => {
        gcRunning = false;
      });
  };
  const firstGc = setTimeout(runGc, 60_000);
  const everyHour = setInterval(runGc, GC_INTERVAL_MS);
  firstGc.unref();
  everyHour.unref();
  app.addHook('onClose', async () => {
    clearTimeout(firstGc);
    clearInterval(everyHour);
    tracker.dispose();
  });
}
