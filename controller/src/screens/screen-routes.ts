import {
  CreateLoopItem,
  CreateScreen,
  ErrorCode,
  ScreenLocationBody,
  type LoopItemView,
  type PublishResult,
  type Screen,
  ScreenListQuery,
  TOTAL_COUNT_HEADER,
} from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import type { ScreenRow } from './screens-repository';
import { ApiError, parseWith } from '../http/http-errors';
import type { Publisher } from '../publishing/publisher';
import { checkItem } from '../items/check-item';
import { loopItemView } from '../items/items-repository';

const ScreenParams = z.object({ id: z.string().max(64) });
const ItemParams = z.object({ id: z.string().max(64), itemId: z.string().max(64) });

export async function screenRoutes(
  app: FastifyInstance,
  { repos, publisher }: { repos: Repositories; publisher: Publisher },
) {
  function view(s: ScreenRow): Screen {
    const listed = repos.screenListing.get(s.id);
    if (!listed) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${s.id}"`);
    return listed;
  }

  /** The screen's loop, in play order. */
  const loop = (screenId: string): LoopItemView[] =>
    repos.items.list({ kind: 'loop', screenId }).map((item) => loopItemView(screenId, item));

  function screenOr404(id: string): ScreenRow {
    const screen = repos.screens.get(id);
    if (!screen) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${id}"`);
    return screen;
  }

  // A bare array as before; the number of matching screens travels in X-Total-Count (docs/api.md, "Lists").
  app.get('/api/screens', { config: { access: 'signed-in' } }, async (request, reply): Promise<Screen[]> => {
    const query = parseWith(ScreenListQuery, request.query, 'query');
    const { rows, total } = repos.screenListing.page(query);
    reply.header(TOTAL_COUNT_HEADER, String(total));
    return rows;
  });

  app.post('/api/screens', { config: { access: 'admin', action: 'screen.create' } }, async (request, reply) => {
    const body = parseWith(CreateScreen, request.body);
    if (repos.screens.get(body.id)) {
      throw new ApiError(409, ErrorCode.screenExists, `a screen with id "${body.id}" already exists`);
    }
    return reply.status(201).send(view(repos.screens.create(body)));
  });

  app.get('/api/screens/:id', { config: { access: 'signed-in' } }, async (request) => {
    const { id } = parseWith(ScreenParams, request.params, 'path');
    return { ...view(screenOr404(id)), items: loop(id) };
  });

  /** Where the screen stands; republished so its prayer times follow, and used by alerts from now on. */
  app.put(
    '/api/screens/:id/location',
    { config: { access: 'admin', action: 'screen.locate' } },
    async (request): Promise<Screen> => {
      const { id } = parseWith(ScreenParams, request.params, 'path');
      screenOr404(id);
      const { location } = parseWith(ScreenLocationBody, request.body);
      repos.screens.setLocation(id, location);
      if (repos.manifests.latestVersion(id) > 0) {
        const published = await publisher.publish(id);
        if (!published.ok) request.log.warn({ screen: id, error: published.error }, 'republish after location failed');
      }
      return view(screenOr404(id));
    },
  );

  app.get('/api/screens/:id/items', { config: { access: 'signed-in' } }, async (request): Promise<LoopItemView[]> => {
    const { id } = parseWith(ScreenParams, request.params, 'path');
    screenOr404(id);
    return loop(id);
  });

  app.post(
    '/api/screens/:id/items',
    { config: { access: 'editor', action: 'screen.item-add' } },
    async (request, reply) => {
      const { id } = parseWith(ScreenParams, request.params, 'path');
      screenOr404(id);
      const body = parseWith(CreateLoopItem, request.body);
      const item = repos.items.append({ kind: 'loop', screenId: id }, checkItem(repos, body));
      return reply.status(201).send(loopItemView(id, item));
    },
  );

  app.delete(
    '/api/screens/:id/items/:itemId',
    { config: { access: 'editor', action: 'screen.item-remove' } },
    async (request, reply) => {
      const { id, itemId } = parseWith(ItemParams, request.params, 'path');
      screenOr404(id);
      if (!repos.items.remove({ kind: 'loop', screenId: id }, itemId)) {
        throw new ApiError(404, ErrorCode.itemNotFound, `screen "${id}" has no item "${itemId}"`);
      }
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/screens/:id/publish',
    { config: { access: 'editor', action: 'screen.publish' } },
    async (request): Promise<PublishResult> => {
      const { id } = parseWith(ScreenParams, request.params, 'path');
      screenOr404(id);
      const result = await publisher.publish(id);
      if (!result.ok) {
        const status = result.error.code === ErrorCode.brokerUnavailable ? 503 : 409;
        throw new ApiError(status, result.error.code, result.error.message, result.error.details);
      }
      return { screenId: id, version: result.value.version, publishedAt: result.value.issuedAt };
    },
  );

  app.get('/api/screens/:id/manifest', { config: { access: 'signed-in' } }, async (request) => {
    const { id } = parseWith(ScreenParams, request.params, 'path');
    screenOr404(id);
    const manifest = repos.manifests.latest(id);
    if (!manifest) throw new ApiError(404, ErrorCode.notFound, `screen "${id}" has not been published yet`);
    return manifest;
  });
}
