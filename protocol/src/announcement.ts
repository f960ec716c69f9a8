import { z } from 'zod';
import { DEFAULT_TIMEZONE, IsoInstant, Slug, Timezone } from './ids';
import { EventTargets, LocalDateTime, parseLocalDateTime } from './schedule';

/**
 * Announcements (docs/api.md, "Announcements"): an operator's most frequent task in one request. The controller
 * turns one into a playlist of one item and a one-off, high-priority event for the chosen screens, groups or walls,
 * in one transaction, and republishes them.
 */

/** Announcements' playlists and events carry ids with this prefix: the console lists them apart from playlists. */
export const ANNOUNCEMENT_ID_PREFIX = 'pengumuman-';
/** Above ordinary programming (0–50 in practice), below emergency alerts. */
export const ANNOUNCEMENT_PRIORITY = 90;

export const AnnouncementKind = z.enum(['text', 'running-text']);
export type AnnouncementKind = z.infer<typeof AnnouncementKind>;

const Line = z.string().trim().max(200);

/** `POST /api/announcements`. */
export const CreateAnnouncement = z
  .object({
    kind: AnnouncementKind,
    /** A text card's heading; a running text has none. */
    title: Line.optional(),
    text: z.string().trim().min(1).max(2000),
    /** A text card's English version, shown beside the Indonesian one. */
    en: z.object({ title: Line.optional(), text: z.string().trim().min(1).max(1000) }).optional(),
    tone: z.enum(['info', 'warning']).default('info'),
    targets: EventTargets,
    /** The zone `start` and `until` are read in: the same instant on every screen (WITA unless said otherwise). */
    timezone: Timezone.default(DEFAULT_TIMEZONE),
    /** Wall-clock start; null: now. */
    start: LocalDateTime.nullable().default(null),
    /** Wall-clock end; null: until it is ended (with a daypart: the end of the start's day). */
    until: LocalDateTime.nullable().default(null),
    /** Only inside this daypart's windows. */
    daypartId: Slug.nullable().default(null),
    /** How long one pass of the item lasts before it starts again (the type's default if absent). */
    durationMs: z.int().min(2000).max(600_000).optional(),
  })
  .superRefine((a, ctx) => {
    const start = a.start === null ? null : parseLocalDateTime(a.start);
    const until = a.until === null ? null : parseLocalDateTime(a.until);
    if (start !== null && until !== null && until <= start) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: `until (${a.until}) must be after start (${a.start})` });
    }
    if (a.kind === 'running-text' && (a.title !== undefined || a.en !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'a running text is one line: no title, no English part',
      });
    }
  });
export type CreateAnnouncement = z.infer<typeof CreateAnnouncement>;

export const AnnouncementState = z.enum(['scheduled', 'on', 'ended']);
export type AnnouncementState = z.infer<typeof AnnouncementState>;

export const AnnouncementView = z.object({
  id: Slug,
  kind: AnnouncementKind,
  title: z.string().nullable(),
  text: z.string(),
  targets: EventTargets,
  timezone: z.string(),
  start: LocalDateTime,
  /** Wall-clock end in `timezone`; null while it runs until ended. */
  end: LocalDateTime.nullable(),
  daypartId: Slug.nullable(),
  /** From the instant of the answer: not yet started, on now, or over. */
  state: AnnouncementState,
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type AnnouncementView = z.infer<typeof AnnouncementView>;

/** The answer to creating or ending an announcement: it, and the screens whose manifests went out again. */
export const AnnouncementWriteResult = z.object({ announcement: AnnouncementView, republished: z.array(Slug) });
export type AnnouncementWriteResult = z.infer<typeof AnnouncementWriteResult>;
