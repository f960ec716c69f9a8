import { ErrorCode, ScreenGroups } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseWith } from '../http/http-errors';
import type { ScheduleRouteOptions } from './playlist-routes';

const IdParams = z.object({ id: z.string().max(64) });

/** A screen's groups: events target groups as well as screens and walls. */
export async function groupRoutes(app: FastifyInstance, { repos, republish }: ScheduleRouteOptions) {
  app.get('/api/screens/:id/groups', { config: { access: 'signed-in' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    if (!repos.screens.get(id)) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${id}"`);
    return { groups: repos.schedules.groupsOf(id) };
  });

  app.put('/api/screens/:id/groups', { config: { access: 'editor', action: 'screen.groups' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    if (!repos.screens.get(id)) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${id}"`);
    const body = parseWith(ScreenGroups, request.body);
    repos.schedules.setGroups(id, [...new Set(body.groups)]);
    await republish([id]);
    return { groups: repos.schedules.groupsOf(id) };
  });
}
