import { type CreateLoopItem, CreatePlaylist, ErrorCode, type PlaylistView, UpdatePlaylist } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import type { PlaylistRow } from './schedules-repository';
import { ApiError, parseWith } from '../http/http-errors';
import { checkItem } from '../items/check-item';

const IdParams = z.object({ id: z.string().max(64) });

export interface ScheduleRouteOptions {
  repos: Repositories;
  /** Republishes the screens whose manifests carry what changed; answers their ids. */
  republish(screenIds: Iterable<string>): Promise<string[]>;
  /** The screens that the events using a playlist, layout or daypart target. */
  screensOfEvents(eventIds: readonly string[]): string[];
}

/** Playlists: what events put on screens. */
export async function playlistRoutes(
  app: FastifyInstance,
  { repos, republish, screensOfEvents }: ScheduleRouteOptions,
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

  app.get('/api/playlists', { config: { access: 'signed-in' } }, async () => repos.schedules.listPlaylists().map(view));

  app.post('/api/playlists', { config: { access: 'editor', action: 'playlist.create' } }, async (request, reply) => {
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

  app.put('/api/playlists/:id', { config: { access: 'editor', action: 'playlist.update' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    playlistOr404(id);
    const body = parseWith(UpdatePlaylist, request.body);
    const saved = repos.schedules.savePlaylist(id, body.name, checkItems(body.items));
    await republish(screensOfEvents(repos.schedules.eventsUsingPlaylist(id)));
    return view(saved);
  });

  app.delete(
    '/api/playlists/:id',
    { config: { access: 'editor', action: 'playlist.delete' } },
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
}
