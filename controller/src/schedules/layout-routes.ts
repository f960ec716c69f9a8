import {
  type CreateZone,
  CreateLayout,
  ErrorCode,
  type LayoutView,
  ScreenOverlays,
  type ScreenOverlaysView,
  UpdateLayout,
  zonesOutside,
} from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { LayoutRow, NewZone } from './layouts-repository';
import type { ScreenRow } from '../screens/screens-repository';
import { ApiError, parseWith } from '../http/http-errors';
import { checkItem } from '../items/check-item';
import type { ScheduleRouteOptions } from './playlist-routes';

const IdParams = z.object({ id: z.string().max(64) });

/**
 * Zoned layouts (scheduled by id like playlists: an event's `playlistId` names either) and each screen's overlay
 * zones (painted above whatever its schedule plays). Zone items are checked exactly as loop and playlist items are.
 */
export async function layoutRoutes(app: FastifyInstance, { repos, republish, screensOfEvents }: ScheduleRouteOptions) {
  const view = (l: LayoutRow): LayoutView => l;

  /** Every item of every zone, each named by its place in the body (`zones[1].items[0]`). */
  const checkZones = (zones: readonly CreateZone[]): NewZone[] =>
    zones.map((zone, z) => ({
      ...zone,
      items: zone.items.map((item, i) => checkItem(repos, item, `zones[${z}].items[${i}]`)),
    }));

  function layoutOr404(id: string): LayoutRow {
    const layout = repos.layouts.getLayout(id);
    if (!layout) throw new ApiError(404, ErrorCode.layoutNotFound, `no layout "${id}"`);
    return layout;
  }

  function screenOr404(id: string): ScreenRow {
    const screen = repos.screens.get(id);
    if (!screen) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${id}"`);
    return screen;
  }

  app.get('/api/layouts', { config: { access: 'signed-in' } }, async () => repos.layouts.listLayouts().map(view));

  app.post('/api/layouts', { config: { access: 'editor', action: 'layout.create' } }, async (request, reply) => {
    const body = parseWith(CreateLayout, request.body);
    if (repos.layouts.getLayout(body.id)) {
      throw new ApiError(409, ErrorCode.layoutExists, `a layout with id "${body.id}" already exists`);
    }
    if (repos.schedules.getPlaylist(body.id)) {
      throw new ApiError(
        409,
        ErrorCode.playlistExists,
        `a playlist has the id "${body.id}"; playlists and layouts share ids, as an event names either`,
      );
    }
    const { id, zones, ...canvas } = body;
    const saved = repos.layouts.saveLayout(id, { ...canvas, zones: checkZones(zones) });
    return reply.status(201).send(view(saved));
  });

  app.get('/api/layouts/:id', { config: { access: 'signed-in' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    return view(layoutOr404(id));
  });

  app.put('/api/layouts/:id', { config: { access: 'editor', action: 'layout.update' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    layoutOr404(id);
    const { zones, ...canvas } = parseWith(UpdateLayout, request.body);
    const saved = repos.layouts.saveLayout(id, { ...canvas, zones: checkZones(zones) });
    // The events that play it are read after the write: none can have been added in between (one thread).
    await republish(screensOfEvents(repos.schedules.eventsUsingPlaylist(id)));
    return view(saved);
  });

  app.delete('/api/layouts/:id', { config: { access: 'editor', action: 'layout.delete' } }, async (request, reply) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    layoutOr404(id);
    // events.playlist_id names a playlist or a layout: the same lookup finds the events that play this one.
    const users = repos.schedules.eventsUsingPlaylist(id);
    if (users.length > 0) {
      throw new ApiError(409, ErrorCode.layoutInUse, `layout "${id}" is played by events ${users.join(', ')}`, {
        eventIds: users,
      });
    }
    repos.layouts.deleteLayout(id);
    return reply.status(204).send();
  });

  app.get(
    '/api/screens/:id/overlays',
    { config: { access: 'signed-in' } },
    async (request): Promise<ScreenOverlaysView> => {
      const { id } = parseWith(IdParams, request.params, 'path');
      screenOr404(id);
      return { screenId: id, zones: repos.layouts.overlays(id) };
    },
  );

  app.put(
    '/api/screens/:id/overlays',
    { config: { access: 'editor', action: 'screen.overlays' } },
    async (request): Promise<ScreenOverlaysView> => {
      const { id } = parseWith(IdParams, request.params, 'path');
      const screen = screenOr404(id);
      const body = parseWith(ScreenOverlays, request.body);
      // Overlays are drawn in screen pixels, unscaled: a zone past the screen's edge would be cut off.
      const outside = zonesOutside(screen, body.zones);
      if (outside.length > 0) {
        const which = outside.length === 1 ? `zone ${outside.join('')} reaches` : `zones ${outside.join(', ')} reach`;
        throw new ApiError(400, ErrorCode.validation, `${which} past the ${screen.width}×${screen.height} screen`, {
          zones: outside,
        });
      }
      const zones = repos.layouts.setOverlays(id, checkZones(body.zones));
      await republish([id]);
      return { screenId: id, zones };
    },
  );
}
