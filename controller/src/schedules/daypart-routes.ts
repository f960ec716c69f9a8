import { Daypart, DaypartInput, ErrorCode } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseWith } from '../http/http-errors';
import { parseCoded } from '../http/parse-coded';
import type { ScheduleRouteOptions } from './playlist-routes';

const IdParams = z.object({ id: z.string().max(64) });

/** Dayparts: named time windows events can use ("jam kerja", "malam"). */
export async function daypartRoutes(app: FastifyInstance, { repos, republish, screensOfEvents }: ScheduleRouteOptions) {
  function daypartOr404(id: string): Daypart {
    const daypart = repos.schedules.getDaypart(id);
    if (!daypart) throw new ApiError(404, ErrorCode.daypartNotFound, `no daypart "${id}"`);
    return daypart;
  }

  app.get('/api/dayparts', { config: { access: 'signed-in' } }, async () => repos.schedules.listDayparts());

  app.post('/api/dayparts', { config: { access: 'editor', action: 'daypart.create' } }, async (request, reply) => {
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

  app.put('/api/dayparts/:id', { config: { access: 'editor', action: 'daypart.update' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    daypartOr404(id);
    const body = parseCoded(DaypartInput, request.body);
    repos.schedules.saveDaypart({ id, ...body });
    await republish(screensOfEvents(repos.schedules.eventsUsingDaypart(id)));
    return daypartOr404(id);
  });

  app.delete(
    '/api/dayparts/:id',
    { config: { access: 'editor', action: 'daypart.delete' } },
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
}
