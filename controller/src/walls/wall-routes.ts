import { CreateWall, ErrorCode, UpdateWall, type WallView } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import { ApiError, parseWith } from '../http/http-errors';
import type { Publisher } from '../publishing/publisher';
import { wallView } from './wall-canvas';
import type { WallRecord } from './walls-repository';

const IdParams = z.object({ id: z.string().max(64) });

/**
 * Walls as first-class targets: the grid in physical units, which screen drives which tile, and the computed
 * canvas and viewports. Every write republishes the wall's tiles (and screens that left it) at one instant, so the
 * tiles' manifests agree on when content starts.
 */
export async function wallRoutes(
  app: FastifyInstance,
  { repos, publisher }: { repos: Repositories; publisher: Publisher },
) {
  function wallOr404(id: string): WallRecord {
    const wall = repos.walls.get(id);
    if (!wall) throw new ApiError(404, ErrorCode.wallNotFound, `no wall "${id}"`);
    return wall;
  }

  /** Every screen named must exist, be free (or already this wall's) and have its panel's pixel grid. */
  function checkTiles(id: string, body: UpdateWall): void {
    for (const tile of body.tiles) {
      if (tile.screenId === null) continue;
      const screen = repos.screens.get(tile.screenId);
      if (!screen) throw new ApiError(400, ErrorCode.screenNotFound, `screen "${tile.screenId}" does not exist`);
      const other = repos.walls.wallOf(screen.id);
      if (other !== null && other !== id) {
        throw new ApiError(
          409,
          ErrorCode.screenOnOtherWall,
          `screen "${screen.id}" is a tile of wall "${other}"; take it off that wall first`,
          { screenId: screen.id, wallId: other },
        );
      }
      const panel = tile.panel ?? body.panel;
      if (screen.width !== panel.widthPx || screen.height !== panel.heightPx) {
        throw new ApiError(
          400,
          ErrorCode.wallTileMismatch,
          `screen "${screen.id}" is ${screen.width}×${screen.height} but the panel at column ${tile.column}, row ` +
            `${tile.row} is ${panel.widthPx}×${panel.heightPx}: a tile's screen drives its panel's native pixels`,
          { screenId: screen.id, column: tile.column, row: tile.row },
        );
      }
    }
  }

  async function republish(screenIds: Iterable<string>): Promise<void> {
    for (const [screen, result] of await publisher.publishMany(screenIds)) {
      if (!result.ok) app.log.warn({ screen, error: result.error }, 'republish after a wall change failed');
    }
  }

  app.get('/api/walls', { config: { access: 'signed-in' } }, async (): Promise<WallView[]> =>
    repos.walls.list().map((w) => wallView(repos, w)),
  );

  app.post('/api/walls', { config: { access: 'admin', action: 'wall.create' } }, async (request, reply) => {
    const { id, ...body } = parseWith(CreateWall, request.body);
    if (repos.walls.get(id)) throw new ApiError(409, ErrorCode.wallExists, `a wall with id "${id}" already exists`);
    checkTiles(id, body);
    repos.walls.create(id, body);
    await republish(repos.walls.screensOf(id));
    return reply.status(201).send(wallView(repos, wallOr404(id)));
  });

  app.get('/api/walls/:id', { config: { access: 'signed-in' } }, async (request): Promise<WallView> => {
    const { id } = parseWith(IdParams, request.params, 'path');
    return wallView(repos, wallOr404(id));
  });

  app.put('/api/walls/:id', { config: { access: 'admin', action: 'wall.update' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    wallOr404(id);
    const body = parseWith(UpdateWall, request.body);
    checkTiles(id, body);
    const before = repos.walls.screensOf(id);
    repos.walls.replace(id, body);
    // Tiles that left the wall go back to being screens of their own; the rest get the new geometry.
    await republish([...before, ...repos.walls.screensOf(id)]);
    return wallView(repos, wallOr404(id));
  });

  app.delete('/api/walls/:id', { config: { access: 'admin', action: 'wall.delete' } }, async (request, reply) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    wallOr404(id);
    const eventIds = repos.walls.eventsTargeting(id);
    if (eventIds.length > 0) {
      throw new ApiError(409, ErrorCode.wallInUse, `events target wall "${id}"; change or delete them first`, {
        eventIds,
      });
    }
    const before = repos.walls.screensOf(id);
    repos.walls.delete(id);
    await republish(before);
    return reply.status(204).send();
  });
}
