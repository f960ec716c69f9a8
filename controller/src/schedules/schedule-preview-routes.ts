import { ErrorCode, type ScheduleEvent, type SchedulePreview, SchedulePreviewRequest } from '@baruga/protocol';
import { matchesScreen, timeline } from '@baruga/schedules';
import type { FastifyInstance } from 'fastify';
import type { Repositories } from '../db/repositories';
import { ApiError } from '../http/http-errors';
import { parseCoded } from '../http/parse-coded';
import { checkScheduleEvent } from './event-check';
import { screenSchedule, segmentView } from './previews';
import { scheduleSource } from './schedule-source';

const DAY_MS = 86_400_000;
/** The id a new event has in a dry run: it is never stored. */
const DRAFT_ID = 'draft';

/**
 * `POST /api/schedule/preview` (docs/api.md, "Previews before going live"): a screen's timeline as it would be with
 * one event created or changed, and the engine's warnings about that event, before anything is written. The engine
 * runs on the screen's own schedule input with the draft put in, exactly as a publish would compile it.
 */
export async function schedulePreviewRoutes(app: FastifyInstance, { repos }: { repos: Repositories }) {
  app.post(
    '/api/schedule/preview',
    { config: { access: 'editor', action: 'schedule.preview' } },
    async (request): Promise<SchedulePreview> => {
      const body = parseCoded(SchedulePreviewRequest, request.body);
      const screen = repos.screens.get(body.screenId);
      if (!screen) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${body.screenId}"`);
      const from = Date.parse(body.from);
      const to = Date.parse(body.to);
      if (!(to > from) || to - from > 31 * DAY_MS) {
        throw new ApiError(400, ErrorCode.invalidRange, 'a preview covers more than nothing and at most 31 days');
      }
      const now = Date.now();
      const draft: ScheduleEvent = { ...body.event, id: body.replaces ?? DRAFT_ID };
      const checked = checkScheduleEvent(repos, draft, now);
      const source = scheduleSource(repos, screen);
      const reachesScreen = draft.enabled && matchesScreen(draft, source.context);
      const events = source.schedule.events.filter((e) => e.id !== body.replaces);
      if (reachesScreen) events.push(draft);
      const daypart = draft.daypartId === null ? null : repos.schedules.getDaypart(draft.daypartId);
      const playlist = repos.schedules.getPlaylist(draft.playlistId);
      const layout = repos.layouts.getLayout(draft.playlistId);
      const withDraft = {
        ...source,
        schedule: {
          ...source.schedule,
          events,
          dayparts: [...source.schedule.dayparts.filter((d) => d.id !== daypart?.id), ...(daypart ? [daypart] : [])],
        },
        playlists: [...source.playlists.filter((p) => p.id !== playlist?.id), ...(playlist ? [playlist] : [])],
        layouts: [...source.layouts.filter((l) => l.id !== layout?.id), ...(layout ? [layout] : [])],
      };
      const t = timeline(screenSchedule(repos, screen, withDraft), from, to);
      return {
        timeline: {
          screenId: screen.id,
          timezone: t.timezone,
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          segments: t.segments.map(segmentView),
          warnings: [...t.warnings],
        },
        eventWarnings: checked.warnings,
        firstActive: checked.firstActive,
        reachesScreen,
      };
    },
  );
}
