import crypto from 'node:crypto';
import {
  DEFAULT_PLAYLIST_ID,
  ErrorCode,
  EventInput,
  type EventSummary,
  type EventView,
  type EventWriteResult,
  NowQuery,
  type ResolutionView,
  type ScheduleEvent,
  type ScheduleWarning,
  TimelineQuery,
  type TimelineView,
  type WallNowView,
} from '@baruga/protocol';
import {
  type Resolution,
  type ScreenSchedule,
  type Segment,
  checkEvent,
  createSchedule,
  explain,
  forScreen,
  resolve,
  timeline,
} from '@baruga/schedules';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import type { EventRow } from './schedules-repository';
import type { ScreenRow } from '../screens/screens-repository';
import { ApiError, parseWith } from '../http/http-errors';
import type { Publisher } from '../publishing/publisher';
import { engineInput, scheduleSource } from './schedule-source';
import { layoutRoutes } from './layout-routes';
import { parseCoded } from '../http/parse-coded';
import { daypartRoutes } from './daypart-routes';
import { groupRoutes } from './group-routes';
import { playlistRoutes } from './playlist-routes';

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
  async function republish(screenIds: Iterable<string>): Promise<string[]> {
    // The edit itself stands; a screen that cannot publish (a missing asset in its loop, the broker gone) says
    // why in the log, and is left out of `republished`.
    const done: string[] = [];
    for (const [id, result] of await publisher.publishMany(screenIds)) {
      if (result.ok) done.push(id);
      else app.log.warn({ screen: id, error: result.error }, 'republish after a schedule change failed');
    }
    return done.sort();
  }

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

  /** What the body names must exist; the rule must parse. Returns the engine's warnings for the event. */
  function check(event: ScheduleEvent, now: number): Pick<EventView, 'warnings' | 'firstActive'> {
    const layout = repos.layouts.getLayout(event.playlistId);
    if (event.playlistId !== DEFAULT_PLAYLIST_ID && !layout && !repos.schedules.getPlaylist(event.playlistId)) {
      throw new ApiError(
        400,
        ErrorCode.playlistNotFound,
        `no playlist or layout has the id "${event.playlistId}" (or use "${DEFAULT_PLAYLIST_ID}", the screen's own loop)`,
      );
    }
    if (event.daypartId !== null && !repos.schedules.getDaypart(event.daypartId)) {
      throw new ApiError(400, ErrorCode.daypartNotFound, `daypart "${event.daypartId}" does not exist`);
    }
    for (const s of event.targets.screens) {
      if (!repos.screens.get(s))
        throw new ApiError(400, ErrorCode.screenNotFound, `target screen "${s}" does not exist`);
    }
    for (const w of event.targets.walls) {
      if (!repos.schedules.getWall(w))
        throw new ApiError(400, ErrorCode.wallNotFound, `target wall "${w}" does not exist`);
    }
    const dayparts =
      event.daypartId === null ? [] : [repos.schedules.getDaypart(event.daypartId)].flatMap((d) => d ?? []);
    // The default loop differs per screen; any length will do for the checks, which are about the event itself.
    const playlistDurations = {
      [DEFAULT_PLAYLIST_ID]: 60_000,
      ...repos.schedules.playlistDurations(),
      ...(layout ? { [layout.id]: layout.durationMs } : {}),
    };
    const checked = checkEvent(event, { dayparts, playlistDurations }, now);
    if (!checked.ok) throw new ApiError(400, checked.error.code, checked.error.message);
    const screens = repos.schedules.screensTargeted(event.targets).flatMap((id) => repos.screens.get(id) ?? []);
    const mismatch = layout ? layoutSizeWarning(layout, screens, [event.id]) : null;
    return mismatch ? { ...checked.value, warnings: [...checked.value.warnings, mismatch] } : checked.value;
  }

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

  /** A screen's schedule as its manifest will carry it, compiled for the engine. */
  function screenSchedule(screen: ScreenRow, source = scheduleSource(repos, screen)): ScreenSchedule {
    const { input, context } = engineInput(repos, screen, source);
    return forScreen(createSchedule(input), context);
  }

  const iso = (ms: number) => new Date(ms).toISOString();
  const segmentView = (s: Segment) => ({
    start: iso(s.start),
    end: iso(s.end),
    playlistId: s.playlistId,
    source: s.source,
    hides: [...s.hides],
    explanation: explain(s),
  });
  const resolutionView = (screenId: string, r: Resolution): ResolutionView => ({
    ...segmentView(r),
    // For "now", the run of this source is what a person wants to see ("since 09:00, until 11:30").
    start: iso(r.since),
    end: iso(r.until),
    screenId,
    at: iso(r.at),
  });

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
    const t = timeline(screenSchedule(screen, source), from, to);
    const mismatches = source.layouts.flatMap((layout) => {
      const users = source.schedule.events.filter((e) => e.playlistId === layout.id).map((e) => e.id);
      return layoutSizeWarning(layout, [screen], users) ?? [];
    });
    return {
      screenId: id,
      timezone: t.timezone,
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

/**
 * A layout is drawn pixel for pixel, unscaled: on a screen of another size it is cut off or leaves a border.
 * Not an error (a layout may be made for the wall's other screens), but the operator should know.
 */
function layoutSizeWarning(
  layout: { id: string; width: number; height: number },
  screens: readonly { id: string; width: number; height: number }[],
  eventIds: string[],
): ScheduleWarning | null {
  const other = screens.filter((s) => s.width !== layout.width || s.height !== layout.height);
  if (other.length === 0) return null;
  const listed = other
    .slice(0, 5)
    .map((s) => `${s.id} (${s.width}×${s.height})`)
    .join(', ');
  const more = other.length > 5 ? ` and ${other.length - 5} more` : '';
  return {
    code: 'layout-size-mismatch',
    message: `layout "${layout.id}" is ${layout.width}×${layout.height}, drawn unscaled on ${listed}${more}`,
    eventIds,
  };
}
