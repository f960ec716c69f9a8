import crypto from 'node:crypto';
import {
  ErrorCode,
  EventInput,
  type EventSummary,
  type EventView,
  type EventWriteResult,
  NowQuery,
  type ResolutionView,
  type ScheduleEvent,
  TimelineQuery,
  type TimelineView,
  type WallNowView,
} from '@baruga/protocol';
import { resolve } from '@baruga/schedules';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import type { EventRow } from './schedules-repository';
import type { ScreenRow } from '../screens/screens-repository';
import { ApiError, parseWith } from '../http/http-errors';
import type { Publisher } from '../publishing/publisher';
import { scheduleSource } from './schedule-source';
import { checkScheduleEvent, layoutSizeWarning } from './event-check';
import { resolutionView, screenSchedule as screenScheduleOf, segmentView } from './previews';
import { createRepublisher } from '../publishing/republish';
import { drawingSurfaces } from '../walls/wall-canvas';
import { layoutRoutes } from './layout-routes';
import { parseCoded } from '../http/parse-coded';
import { daypartRoutes } from './daypart-routes';
import { groupRoutes } from './group-routes';
import { playlistRoutes } from './playlist-routes';
import { MAX_TIMELINE_SEGMENTS, timelinePreview } from './timeline-preview';

const IdParams = z.object({ id: z.string().max(64) });
const DAY_MS = 86_400_000;
/** The longest timeline one request may ask for. */
const MAX_RANGE_MS = 31 * DAY_MS;

/**
 * Scheduling: events CRUD (each write republishes the screens it touches), the previews (a screen's timeline,
 * what plays now and why, a whole wall at one instant), playlists, dayparts and groups (playlist-routes.ts), and
 * layouts and overlays (layout-routes.ts).
 * Previews run the same engine on the same input as the players do (schedule-source.ts).
 */
export async function scheduleRoutes(
  app: FastifyInstance,
  { repos, publisher }: { repos: Repositories; publisher: Publisher },
) {
  const republish = createRepublisher(publisher, app.log);

  const screensOfEvents = (eventIds: readonly string[]) =>
    eventIds.flatMap((id) => {
      const row = repos.schedules.getEvent(id);
      return row ? repos.schedules.screensTargeted(row.event.targets) : [];
    });

  await app.register(playlistRoutes, { repos, republish, screensOfEvents });
  await app.register(daypartRoutes, { repos, republish, screensOfEvents });
  await app.register(groupRoutes, { repos, republish, screensOfEvents });
  await app.register(layoutRoutes, { repos, republish, screensOfEvents });

  function screenOr404(id: string): ScreenRow {
    const screen = repos.screens.get(id);
    if (!screen) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${id}"`);
    return screen;
  }

  function eventOr404(id: string): EventRow {
    const row = repos.schedules.getEvent(id);
    if (!row) throw new ApiError(404, ErrorCode.eventNotFound, `no event "${id}"`);
    return row;
  }

  const check = (event: ScheduleEvent, now: number) => checkScheduleEvent(repos, event, now);

  const summary = (row: EventRow): EventSummary => row;

  function view(row: EventRow, now = Date.now()): EventView {
    return { ...row, ...check(row.event, now) };
  }

  app.get('/api/events', { config: { access: 'signed-in' } }, async (): Promise<EventSummary[]> =>
    repos.schedules.listEvents().map(summary),
  );

  app.post('/api/events', { config: { access: 'editor', action: 'event.create' } }, async (request, reply) => {
    const input = parseCoded(EventInput, request.body);
    const event: ScheduleEvent = { ...input, id: crypto.randomUUID() };
    const now = Date.now();
    const checked = check(event, now);
    const row = repos.schedules.saveEvent(event, new Date(now));
    const republished = await republish(repos.schedules.screensTargeted(event.targets));
    const result: EventWriteResult = { event: { ...row, ...checked }, republished };
    return reply.status(201).send(result);
  });

  app.get('/api/events/:id', { config: { access: 'signed-in' } }, async (request): Promise<EventView> => {
    const { id } = parseWith(IdParams, request.params, 'path');
    return view(eventOr404(id));
  });

  app.put(
    '/api/events/:id',
    { config: { access: 'editor', action: 'event.update' } },
    async (request): Promise<EventWriteResult> => {
      const { id } = parseWith(IdParams, request.params, 'path');
      const before = eventOr404(id);
      const input = parseCoded(EventInput, request.body);
      const event: ScheduleEvent = { ...input, id };
      const now = Date.now();
      const checked = check(event, now);
      const row = repos.schedules.saveEvent(event, new Date(now));
      // Screens it left and screens it reached both get a new manifest.
      const republished = await republish([
        ...repos.schedules.screensTargeted(before.event.targets),
        ...repos.schedules.screensTargeted(event.targets),
      ]);
      return { event: { ...row, ...checked }, republished };
    },
  );

  app.delete('/api/events/:id', { config: { access: 'editor', action: 'event.delete' } }, async (request, reply) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    const before = eventOr404(id);
    const screens = repos.schedules.screensTargeted(before.event.targets);
    repos.schedules.deleteEvent(id);
    await republish(screens);
    return reply.status(204).send();
  });

  const iso = (ms: number) => new Date(ms).toISOString();
  const screenSchedule = (screen: ScreenRow, source = scheduleSource(repos, screen)) =>
    screenScheduleOf(repos, screen, source);

  function instantOf(text: string | undefined, fallback: number): number {
    return text === undefined ? fallback : Date.parse(text);
  }

  app.get('/api/screens/:id/timeline', { config: { access: 'signed-in' } }, async (request): Promise<TimelineView> => {
    const { id } = parseWith(IdParams, request.params, 'path');
    const query = parseWith(TimelineQuery, request.query, 'query');
    const screen = screenOr404(id);
    const from = instantOf(query.from, Date.now());
    const to = instantOf(query.to, from + DAY_MS);
    if (!(to > from))
      throw new ApiError(400, ErrorCode.invalidRange, `"to" (${iso(to)}) must be after "from" (${iso(from)})`);
    if (to - from > MAX_RANGE_MS) {
      throw new ApiError(400, ErrorCode.invalidRange, `a timeline covers at most ${MAX_RANGE_MS / DAY_MS} days`);
    }
    const source = scheduleSource(repos, screen);
    const schedule = screenSchedule(screen, source);
    const t = await timelinePreview(schedule, from, to);
    if (!t.ok) {
      throw new ApiError(
        422,
        ErrorCode.timelineTooLarge,
        `the timeline from ${iso(from)} to ${iso(to)} has more than ${MAX_TIMELINE_SEGMENTS} segments; ask for a shorter range (up to ${iso(t.reachedAt)} fits)`,
        { maxSegments: MAX_TIMELINE_SEGMENTS, fitsUntil: iso(t.reachedAt) },
      );
    }
    const mismatches = source.layouts.flatMap((layout) => {
      const users = source.schedule.events.filter((e) => e.playlistId === layout.id);
      const surfaces = users.flatMap((e) => drawingSurfaces(repos, e, [screen]));
      const unique = [...new Map(surfaces.map((x) => [x.id, x])).values()];
      return (
        layoutSizeWarning(
          layout,
          unique,
          users.map((e) => e.id),
        ) ?? []
      );
    });
    return {
      screenId: id,
      timezone: schedule.screen.timezone,
      from: iso(from),
      to: iso(to),
      segments: t.segments.map(segmentView),
      warnings: [...t.warnings, ...mismatches],
    };
  });

  app.get('/api/screens/:id/now', { config: { access: 'signed-in' } }, async (request): Promise<ResolutionView> => {
    const { id } = parseWith(IdParams, request.params, 'path');
    const query = parseWith(NowQuery, request.query, 'query');
    const screen = screenOr404(id);
    return resolutionView(id, resolve(screenSchedule(screen), instantOf(query.at, Date.now())));
  });

  app.get('/api/walls/:id/now', { config: { access: 'signed-in' } }, async (request): Promise<WallNowView> => {
    const { id } = parseWith(IdParams, request.params, 'path');
    const query = parseWith(NowQuery, request.query, 'query');
    const wall = repos.schedules.getWall(id);
    if (!wall) throw new ApiError(404, ErrorCode.wallNotFound, `no wall "${id}"`);
    const at = instantOf(query.at, Date.now());
    const tiles = repos.schedules.wallTiles(id).flatMap((tile) => {
      const screen = repos.screens.get(tile.screenId);
      if (!screen) return [];
      return [
        { ...resolutionView(screen.id, resolve(screenSchedule(screen), at)), column: tile.column, row: tile.row },
      ];
    });
    const first = tiles[0];
    const inStep = tiles.every(
      (t) => t.playlistId === first?.playlistId && JSON.stringify(t.source) === JSON.stringify(first.source),
    );
    return { wallId: id, at: iso(at), tiles, inStep };
  });
}
