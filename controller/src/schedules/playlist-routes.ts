import {
  type CreateLoopItem,
  CreatePlaylist,
  Daypart,
  DaypartInput,
  ErrorCode,
  type PlaylistView,
  ScreenGroups,
  UpdatePlaylist,
} from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import type { PlaylistRow } from './schedules-repository';
import { ApiError, parseWith } from '../http/http-errors';
import { checkItem } from '../items/check-item';
import { parseCoded } from '../http/parse-coded';

const IdParams = z.object({ id: z.string().max(64) });

export interface PlaylistRouteOptions {
  repos: Repositories;
  /** Republishes the screens whose manifests carry what changed; answers their ids. */
  republish(screenIds: Iterable<string>): Promise<string[]>;
  /** The screens that the events using a playlist or daypart target. */
  screensOfEvents(eventIds: readonly string[]): string[];
}

/** Playlists (what events put on screens), dayparts (named time windows) and screen groups. */
export async function playlistRoutes(
  app: FastifyInstance,
  { repos, republish, screensOfEvents }: PlaylistRouteOptions,
) {
  const view = (p: PlaylistRow): PlaylistView => p;

  /** Checked as a loop item is (check-item.ts), each named by its place in the body. */
  const checkItems = (items: readonly CreateLoopItem[]) =>
    items.map((item, i) => checkItem(repos, item, `items[${i}]`));

  function playlistOr404(id: string): PlaylistRow {
    const playlist = repos.schedules.getPlaylist(id);
    if (!playlist) throw new ApiError(404, ErrorCode.playlistNotFound, `no playlist "${id}"`);
    return playlist;
  }

  function daypartOr404(id: string): Daypart {
    const daypart = repos.schedules.getDaypart(id);
    if (!daypart) throw new ApiError(404, ErrorCode.daypartNotFound, `no daypart "${id}"`);
    return daypart;
  }

  app.get('/api/playlists', { config: { access: 'signed-in' } }, async () => repos.schedules.listPlaylists().map(view));

  app.post('/api/playlists', { config: { access: 'signed-in', action: 'playlist.create' } }, async (request, reply) => {
    const body = parseWith(CreatePlaylist, request.body);
    if (repos.schedules.getPlaylist(body.id)) {
      throw new ApiError(409, ErrorCode.playlistExists, `a playlist with id "${body.id}" already exists`);
    }
    if (repos.layouts.getLayout(body.id)) {
      throw new ApiError(
        409,
        ErrorCode.layoutExists,
        `a layout has the id "${body.id}"; playlists and layouts share ids, as an event names either`,
      );
    }
    const items = checkItems(body.items);
    return reply.status(201).send(view(repos.schedules.savePlaylist(body.id, body.name, items)));
  });

  app.get('/api/playlists/:id', { config: { access: 'signed-in' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    return view(playlistOr404(id));
  });

  app.put('/api/playlists/:id', { config: { access: 'signed-in', action: 'playlist.update' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    playlistOr404(id);
    const body = parseWith(UpdatePlaylist, request.body);
    const saved = repos.schedules.savePlaylist(id, body.name, checkItems(body.items));
    await republish(screensOfEvents(repos.schedules.eventsUsingPlaylist(id)));
    return view(saved);
  });

  app.delete(
    '/api/playlists/:id',
    { config: { access: 'signed-in', action: 'playlist.delete' } },
    async (request, reply) => {
      const { id } = parseWith(IdParams, request.params, 'path');
      playlistOr404(id);
      const users = repos.schedules.eventsUsingPlaylist(id);
      if (users.length > 0) {
        throw new ApiError(409, ErrorCode.playlistInUse, `playlist "${id}" is played by events ${users.join(', ')}`, {
          eventIds: users,
        });
      }
      repos.schedules.deletePlaylist(id);
      return reply.status(204).send();
    },
  );

  app.get('/api/dayparts', { config: { access: 'signed-in' } }, async () => repos.schedules.listDayparts());

  app.post('/api/dayparts', { config: { access: 'signed-in', action: 'daypart.create' } }, async (request, reply) => {
    const body = parseCoded(Daypart, request.body);
    if (repos.schedules.getDaypart(body.id)) {
      throw new ApiError(409, ErrorCode.daypartExists, `a daypart with id "${body.id}" already exists`);
    }
    repos.schedules.saveDaypart(body);
    return reply.status(201).send(daypartOr404(body.id));
  });

  app.get('/api/dayparts/:id', { config: { access: 'signed-in' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    return daypartOr404(id);
  });

  app.put('/api/dayparts/:id', { config: { access: 'signed-in', action: 'daypart.update' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    daypartOr404(id);
    const body = parseCoded(DaypartInput, request.body);
    repos.schedules.saveDaypart({ id, ...body });
    await republish(screensOfEvents(repos.schedules.eventsUsingDaypart(id)));
    return daypartOr404(id);
  });

  app.delete(
    '/api/dayparts/:id',
    { config: { access: 'signed-in', action: 'daypart.delete' } },
    async (request, reply) => {
      const { id } = parseWith(IdParams, request.params, 'path');
      daypartOr404(id);
      const users = repos.schedules.eventsUsingDaypart(id);
      if (users.length > 0) {
        throw new ApiError(409, ErrorCode.daypartInUse, `daypart "${id}" is used by events ${users.join(', ')}`, {
          eventIds: users,
        });
      }
      repos.schedules.deleteDaypart(id);
      return reply.status(204).send();
    },
  );

  app.get('/api/screens/:id/groups', { config: { access: 'signed-in' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    if (!repos.screens.get(id)) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${id}"`);
    return { groups: repos.schedules.groupsOf(id) };
  });

  app.put('/api/screens/:id/groups', { config: { access: 'signed-in', action: 'screen.groups' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    if (!repos.screens.get(id)) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${id}"`);
    const body = parseWith(ScreenGroups, request.body);
    repos.schedules.setGroups(id, [...new Set(body.groups)]);
    await republish([id]);
    return { groups: repos.schedules.groupsOf(id) };
  });
}
