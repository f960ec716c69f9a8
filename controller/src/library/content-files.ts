import { ErrorCode, Sha256Hex } from '@baruga/protocol';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import { ApiError, parseWith } from '../http/http-errors';
import type { BlobStore } from './blob-store';

const Params = z.object({ sha256: Sha256Hex });

/**
 * Immutable, content-addressed files: the URL names the bytes, so any cache in front of the
 * controller may keep them forever. ETag and Range come from @fastify/static.
 */
export async function contentFileRoutes(
  app: FastifyInstance,
  { repos, store }: { repos: Repositories; store: BlobStore },
) {
  await app.register(fastifyStatic, { root: store.root, serve: false });
  app.get('/content/:sha256', async (request, reply) => {
    const { sha256 } = parseWith(Params, request.params, 'path');
    const blob = repos.blobs.get(sha256);
    // An image's original (camera metadata, GPS) is kept for renditions and never served.
    if (!blob || blob.private || !store.has(sha256)) {
      throw new ApiError(404, ErrorCode.assetNotFound, `no content ${sha256}`);
    }
    reply.header('Content-Type', blob.mime);
    reply.header('X-Content-Type-Options', 'nosniff');
    return reply.sendFile(`${sha256.slice(0, 2)}/${sha256}`, store.root, {
      immutable: true,
      maxAge: '365d',
      etag: true,
      lastModified: false,
      contentType: false,
    });
  });
}
