import crypto from 'node:crypto';
import {
  ANNOUNCEMENT_ID_PREFIX,
  type AnnouncementView,
  type AnnouncementWriteResult,
  CreateAnnouncement,
  ErrorCode,
  parseLocalDateTime,
} from '@baruga/protocol';
import { formatFloating, toFloating } from '@baruga/schedules';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database';
import type { Repositories } from '../db/repositories';
import { ApiError, parseWith } from '../http/http-errors';
import { parseCoded } from '../http/parse-coded';
import { checkItem } from '../items/check-item';
import type { Republish } from '../publishing/republish';
import { checkScheduleEvent } from '../schedules/event-check';
import type { EventRow } from '../schedules/schedules-repository';
import {
  announcementEvent,
  announcementItem,
  announcementName,
  announcementView,
  isAnnouncementId,
} from './announcements';

const IdParams = z.object({ id: z.string().max(64) });

/**
 * Announcements (docs/api.md, "Announcements"): one request makes the item, its playlist and a one-off event of
 * high priority for the chosen screens, groups or walls, in one transaction, then republishes those screens. A
 * refused request leaves nothing behind; ending one early cuts its event at the current instant.
 */
export async function announcementRoutes(
  app: FastifyInstance,
  { db, repos, republish }: { db: Db; repos: Repositories; republish: Republish },
) {
  const view = (row: EventRow, now = Date.now()): AnnouncementView =>
    announcementView(row, repos.schedules.getPlaylist(row.event.playlistId), now);

  function announcementOr404(id: string): EventRow {
    const row = isAnnouncementId(id) ? repos.schedules.getEvent(id) : null;
    if (!row) throw new ApiError(404, ErrorCode.announcementNotFound, `no announcement "${id}"`);
    return row;
  }

  app.get('/api/announcements', { config: { access: 'signed-in' } }, async (): Promise<AnnouncementView[]> => {
    const now = Date.now();
    return repos.schedules
      .listEvents()
      .filter((row) => isAnnouncementId(row.event.id))
      .map((row) => view(row, now))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  });

  app.post(
    '/api/announcements',
    { config: { access: 'editor', action: 'announcement.create' } },
    async (request, reply) => {
      const input = parseCoded(CreateAnnouncement, request.body);
      const id = `${ANNOUNCEMENT_ID_PREFIX}${crypto.randomBytes(6).toString('hex')}`;
      const now = Date.now();
      const event = announcementEvent(id, input, now);
      const item = checkItem(repos, announcementItem(input), 'item');
      if (event.end !== null && (parseLocalDateTime(event.end) ?? 0) <= toFloating(event.timezone ?? '', now)) {
        throw new ApiError(400, ErrorCode.invalidWindow, `until (${event.end}) has already passed`);
      }
      // Written together or not at all: a playlist without its event (or the reverse) is never visible.
      const row = db.transaction(() => {
        repos.schedules.savePlaylist(id, announcementName(input), [item]);
        checkScheduleEvent(repos, event, now);
        return repos.schedules.saveEvent(event, new Date(now));
      })();
      const republished = await republish(repos.schedules.screensTargeted(event.targets));
      const result: AnnouncementWriteResult = { announcement: view(row, now), republished };
      return reply.status(201).send(result);
    },
  );

  app.get('/api/announcements/:id', { config: { access: 'signed-in' } }, async (request) => {
    const { id } = parseWith(IdParams, request.params, 'path');
    return view(announcementOr404(id));
  });

  app.post(
    '/api/announcements/:id/end',
    { config: { access: 'editor', action: 'announcement.end' } },
    async (request): Promise<AnnouncementWriteResult> => {
      const { id } = parseWith(IdParams, request.params, 'path');
      const row = announcementOr404(id);
      const now = Date.now();
      const before = view(row, now);
      if (before.state === 'ended') return { announcement: before, republished: [] };
      const zone = row.event.timezone ?? 'Asia/Makassar';
      // On now: its event ends at this whole second, so it is over at once everywhere. A window ends at least a
      // second after it begins, so one ended in its first second would stay on until the next one: it is switched
      // off as well. Not started yet: it is switched off, so it never reaches a screen at all.
      const nowLocal = Math.floor(toFloating(zone, now) / 1000) * 1000;
      const start = parseLocalDateTime(row.event.start) ?? nowLocal;
      const end = Math.max(nowLocal, start + 1000);
      const ending =
        before.state === 'scheduled'
          ? { enabled: false }
          : { end: formatFloating(end), ...(end > nowLocal ? { enabled: false } : {}) };
      const ended = repos.schedules.saveEvent({ ...row.event, ...ending }, new Date(now));
      const republished = await republish(repos.schedules.screensTargeted(row.event.targets));
      return { announcement: view(ended, now), republished };
    },
  );
}
