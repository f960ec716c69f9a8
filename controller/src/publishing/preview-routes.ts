import { type Manifest, PreviewRequest } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import type { Repositories } from '../db/repositories';
import { ApiError, parseWith } from '../http/http-errors';
import { previewBuilder } from './preview';
import type { Publisher } from './publisher';

/**
 * `POST /api/preview/manifest` (docs/api.md, "Previews before going live"): the manifest a playlist or layout would
 * make, for the player page's preview mode (`/player/?preview=1`), which plays it without connecting to the broker
 * or recording proof of play. Nothing is stored, signed or sent.
 */
export async function previewRoutes(
  app: FastifyInstance,
  { repos, publisher }: { repos: Repositories; publisher: Publisher },
) {
  app.post(
    '/api/preview/manifest',
    { config: { access: 'editor', action: 'preview.compile' } },
    async (request): Promise<Manifest> => {
      const body = parseWith(PreviewRequest, request.body);
      const built = await publisher.preview(previewBuilder(repos, body, new Date()));
      if (!built.ok) throw new ApiError(409, built.error.code, built.error.message, built.error.details);
      return built.value;
    },
  );
}
