import { ErrorCode, ScreenBrightness } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import { ApiError, parseWith } from '../http/http-errors';
import { parseCoded } from '../http/parse-coded';
import type { Publisher } from '../publishing/publisher';

const ScreenParams = z.object({ id: z.string().max(64) });

/**
 * A screen's brightness schedule (night dimming for LED videotrons): carried in its manifest and applied by the
 * renderer, so it holds offline and on the screen's own clock.
 */
export async function brightnessRoutes(
  app: FastifyInstance,
  { repos, publisher }: { repos: Repositories; publisher: Publisher },
) {
  function screenOr404(id: string) {
    const screen = repos.screens.get(id);
    if (!screen) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${id}"`);
    return screen;
  }

  app.get('/api/screens/:id/brightness', { config: { access: 'signed-in' } }, async (request) => {
    const { id } = parseWith(ScreenParams, request.params, 'path');
    screenOr404(id);
    return repos.screens.brightness(id);
  });

  app.put(
    '/api/screens/:id/brightness',
    { config: { access: 'admin', action: 'screen.brightness' } },
    async (request): Promise<ScreenBrightness> => {
      const { id } = parseWith(ScreenParams, request.params, 'path');
      screenOr404(id);
      // Windows are daypart windows: a bad one is refused with the daypart code (BARUGA_ERR_INVALID_WINDOW).
      const body = parseCoded(ScreenBrightness, request.body);
      repos.screens.setBrightness(id, body);
      for (const [screen, result] of await publisher.publishMany([id])) {
        if (!result.ok) app.log.warn({ screen, error: result.error }, 'publish after a brightness change failed');
      }
      return repos.screens.brightness(id);
    },
  );
}
