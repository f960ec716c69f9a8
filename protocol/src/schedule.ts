import { z } from 'zod';
import { LoopItemView } from './api';
import { ErrorCode } from './errors';
import { CreateLoopItem } from './api';
import { DisplayName, IsoInstant, Slug, Timezone } from './ids';

/**
 * The wire shapes of scheduling (docs/schedules.md): dayparts, events, playlists, and the schedule block
 * a manifest carries so a player resolves its own schedule with the same engine as the controller.
 */

/** The playlist id that always means "this screen's own loop" (`manifest.loop`), what plays when nothing is scheduled. */
export const DEFAULT_PLAYLIST_ID = 'default';

/** A stable error code on a zod issue, so the API can answer `BARUGA_ERR_INVALID_WINDOW` rather than a generic one. */
const coded = (code: ErrorCode, message: string) => ({ message, params: { code } });

/** The first stable code carried by a custom issue (see `coded`), if any. */
export function issueErrorCode(error: z.ZodError): ErrorCode | null {
  for (const issue of error.issues) {
    if (issue.code === 'custom') {
      const code: unknown = issue.params?.['code'];
      if (typeof code === 'string' && (Object.values(ErrorCode) as string[]).includes(code)) return code as ErrorCode;
    }
  }
  return null;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Wall-clock date and time without an offset (`2025-03-01T08:00` or `…T08:00:30`): which instant it is
 * depends on the zone it is read in (the screen's, or the event's own).
 */
export const LocalDateTime = z
  .string()
  .regex(LOCAL_DATE_TIME, 'must be a local date-time like 2025-03-01T08:00 (no offset)')
  .refine((s) => parseLocalDateTime(s) !== null, 'not a calendar date-time');
export type LocalDateTime = z.infer<typeof LocalDateTime>;

/**
 * A local date-time as "floating" milliseconds: the wall-clock reading encoded as if it were UTC.
 * Null when the text is not a real calendar date-time.
 */
export function parseLocalDateTime(text: string): number | null {
  // By hand rather than by regex: the engine reads thousands of these when it compiles a schedule.
  if (text.length !== 16 && text.length !== 19) return null;
  const digits = (at: number, count: number): number => {
    let value = 0;
    for (let i = at; i < at + count; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      value = value * 10 + d;
    }
    return value;
  };
  const sep = (at: number, char: string) => text[at] === char;
  if (!sep(4, '-') || !sep(7, '-') || !sep(10, 'T') || !sep(13, ':') || (text.length === 19 && !sep(16, ':'))) {
    return null;
  }
  const year = digits(0, 4);
  const month = digits(5, 2);
  const day = digits(8, 2);
  const hour = digits(11, 2);
  const minute = digits(14, 2);
  const second = text.length === 19 ? digits(17, 2) : 0;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthLength = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= monthLength ? Date.UTC(year, month - 1, day, hour, minute, second) : null;
}

/** `HH:MM` from 00:00 to 24:00 (24:00 only as an end). */
export const TimeOfDay = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM between 00:00 and 24:00');

export const Weekday = z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
export type Weekday = z.infer<typeof Weekday>;

/**
 * A time window on some weekdays. When `end` is not after `start` the window crosses midnight: it opens on
 * the listed day and closes the next day (`FR 22:00–02:00` ends Saturday 02:00).
 */
export const DaypartWindow = z
  .object({
    days: z.array(Weekday).min(1).max(7),
    start: TimeOfDay,
    end: TimeOfDay,
  })
  .refine((w) => w.start !== '24:00', coded(ErrorCode.invalidWindow, 'a window cannot start at 24:00'))
  .refine(
    (w) => w.start !== w.end,
    coded(ErrorCode.invalidWindow, 'a window must not end when it starts; use 00:00–24:00 for the whole day'),
  );
export type DaypartWindow = z.infer<typeof DaypartWindow>;

/** A named set of windows ("Jam kantor": MO–TH 08:00–16:00, FR 08:00–11:30). */
export const Daypart = z.object({
  id: Slug,
  name: DisplayName,
  windows: z.array(DaypartWindow).min(1).max(50),
});
export type Daypart = z.infer<typeof Daypart>;

export const DaypartInput = Daypart.omit({ id: true });
export type DaypartInput = z.infer<typeof DaypartInput>;

/** Who an event is for. A screen gets an event when any target matches it. */
export const EventTargets = z
  .object({
    screens: z.array(Slug).max(2000).default([]),
    groups: z.array(Slug).max(200).default([]),
    walls: z.array(Slug).max(200).default([]),
    all: z.boolean().default(false),
  })
  .refine(
    (t) => t.all || t.screens.length + t.groups.length + t.walls.length > 0,
    'an event needs at least one screen, group or wall (or all: true)',
  );
export type EventTargets = z.infer<typeof EventTargets>;

/** An interrupt's share of voice, spread evenly over each hour it is active. */
export const ShareOfVoice = z.union([
  z.strictObject({ secondsPerHour: z.int().min(1).max(3600) }),
  z.strictObject({ percent: z.number().gt(0).max(100) }),
]);
export type ShareOfVoice = z.infer<typeof ShareOfVoice>;

const EventFields = z.object({
  name: DisplayName,
  /** What plays: a playlist id, a layout id (they share one id space), or `default` for the screen's own loop. */
  playlistId: Slug,
  targets: EventTargets,
  /** Higher hides lower for its span; ties go to the smaller id (and a warning says so). */
  priority: z.int().min(0).max(100).default(0),
  /**
   * Null: local to each screen (09:00 is 09:00 on every screen's own clock). A zone: the same instant
   * everywhere, with `start`, `end`, `rrule` and `exdates` read in that zone.
   */
  timezone: Timezone.nullable().default(null),
  /** First moment (and the RRULE's DTSTART), wall-clock. */
  start: LocalDateTime,
  /** End of the whole event, exclusive, wall-clock; null: open-ended. */
  end: LocalDateTime.nullable().default(null),
  /** RFC 5545 RRULE body (`FREQ=WEEKLY;BYDAY=FR`), without DTSTART or TZID: `start` and `timezone` set those. */
  rrule: z.string().trim().min(1).max(500).nullable().default(null),
  /** Occurrence starts to skip (EXDATE), wall-clock, matching an occurrence exactly. */
  exdates: z.array(LocalDateTime).max(500).default([]),
  /** Length of each RRULE occurrence, in minutes of wall-clock time (required with `rrule`). */
  durationMinutes: z
    .int()
    .min(1)
    .max(31 * 24 * 60)
    .nullable()
    .default(null),
  /** Only inside this daypart's windows. */
  daypartId: Slug.nullable().default(null),
  /** Set: an interrupt that takes this share of each active hour, in evenly spaced slots. */
  interrupt: ShareOfVoice.nullable().default(null),
  /** At most this many passes of the playlist per clock hour, evenly spaced. */
  maxPlaysPerHour: z.int().min(1).max(3600).nullable().default(null),
  enabled: z.boolean().default(true),
});

type EventShape = z.infer<typeof EventFields>;

function checkEvent(e: EventShape, ctx: z.RefinementCtx): void {
  const start = parseLocalDateTime(e.start);
  const end = e.end === null ? null : parseLocalDateTime(e.end);
  if (start !== null && end !== null && end <= start) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: `end (${e.end}) must be after start (${e.start})`,
      params: { code: ErrorCode.invalidWindow },
    });
  }
  if (e.rrule !== null && e.durationMinutes === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['durationMinutes'],
      message: 'a recurring event needs durationMinutes: how long each occurrence lasts',
    });
  }
  if (e.rrule === null && e.exdates.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['exdates'], message: 'exdates need an rrule to exclude from' });
  }
}

/** The body of `POST /api/events` and `PUT /api/events/:id`. */
export const EventInput = EventFields.superRefine(checkEvent);
export type EventInput = z.infer<typeof EventInput>;

/** An event as stored, published in manifests, and read by the engine. */
export const ScheduleEvent = EventFields.extend({ id: Slug }).superRefine(checkEvent);
export type ScheduleEvent = z.infer<typeof ScheduleEvent>;

/** `POST /api/playlists`: a named list of content items that events put on screens. */
export const CreatePlaylist = z.object({
  id: Slug.refine((id) => id !== DEFAULT_PLAYLIST_ID, `"${DEFAULT_PLAYLIST_ID}" is each screen's own loop`),
  name: DisplayName,
  items: z.array(CreateLoopItem).max(500).default([]),
});
export type CreatePlaylist = z.infer<typeof CreatePlaylist>;

/** `PUT /api/playlists/:id`: the whole playlist, replaced. */
export const UpdatePlaylist = CreatePlaylist.omit({ id: true });
export type UpdatePlaylist = z.infer<typeof UpdatePlaylist>;

/** A playlist item reads like a loop item, without the screen it belongs to. */
export const PlaylistItemView = LoopItemView.omit({ screenId: true });
export type PlaylistItemView = z.infer<typeof PlaylistItemView>;

export const PlaylistView = z.object({
  id: Slug,
  name: z.string(),
  items: z.array(PlaylistItemView),
  /** One pass of the playlist. */
  durationMs: z.int(),
  updatedAt: IsoInstant,
});
export type PlaylistView = z.infer<typeof PlaylistView>;

/** `PUT /api/screens/:id/groups`: the groups a screen belongs to (events may target a group). */
export const ScreenGroups = z.object({ groups: z.array(Slug).max(100) });
export type ScreenGroups = z.infer<typeof ScreenGroups>;

/** The schedule block of a manifest: everything the engine needs to resolve this screen offline. */
export const ManifestSchedule = z.object({
  /** For target matching: events may name the screen's wall or its groups. */
  wallId: Slug.nullable(),
  groups: z.array(Slug).max(100),
  events: z.array(ScheduleEvent).max(5000),
  dayparts: z.array(Daypart).max(500),
});
export type ManifestSchedule = z.infer<typeof ManifestSchedule>;

export const EMPTY_SCHEDULE: ManifestSchedule = { wallId: null, groups: [], events: [], dayparts: [] };

/** Why something plays, or does not. Codes are stable; messages may be reworded. */
export const ScheduleWarningCode = z.enum([
  'never-fires',
  'share-over-100',
  'plays-per-hour-cannot-fit',
  'share-shorter-than-playlist',
  'same-priority-overlap',
  'hidden-throughout',
  'unknown-playlist',
  'empty-playlist',
  'unknown-daypart',
  'unknown-timezone',
  'invalid-event',
  'count-not-reached',
  'layout-size-mismatch',
]);
export type ScheduleWarningCode = z.infer<typeof ScheduleWarningCode>;

export const ScheduleWarning = z.object({
  code: ScheduleWarningCode,
  message: z.string(),
  eventIds: z.array(z.string()),
});
export type ScheduleWarning = z.infer<typeof ScheduleWarning>;

/** Where a segment's playlist comes from. */
export const SegmentSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('default') }),
  z.object({ kind: z.literal('event'), eventId: z.string(), name: z.string(), priority: z.int() }),
  z.object({
    kind: z.literal('interrupt'),
    eventId: z.string(),
    name: z.string(),
    priority: z.int(),
    /** This slot's number within its hour, and how many slots the hour has. */
    slot: z.int(),
    slotsPerHour: z.int(),
  }),
]);
export type SegmentSource = z.infer<typeof SegmentSource>;

export const HiddenEvent = z.object({
  eventId: z.string(),
  name: z.string(),
  priority: z.int(),
  kind: z.enum(['event', 'interrupt']),
  /** `priority`: lower priority; `tie`: same priority, later in id order; `interrupted`: an interrupt slot plays over it. */
  reason: z.enum(['priority', 'tie', 'interrupted']),
});
export type HiddenEvent = z.infer<typeof HiddenEvent>;

/** One stretch of a timeline, times as ISO instants (the engine itself works in epoch milliseconds). */
export const TimelineSegmentView = z.object({
  start: IsoInstant,
  end: IsoInstant,
  playlistId: z.string(),
  source: SegmentSource,
  hides: z.array(HiddenEvent),
  explanation: z.string(),
});
export type TimelineSegmentView = z.infer<typeof TimelineSegmentView>;

/** `GET /api/screens/:id/timeline?from=&to=` */
export const TimelineView = z.object({
  screenId: Slug,
  timezone: z.string(),
  from: IsoInstant,
  to: IsoInstant,
  segments: z.array(TimelineSegmentView),
  warnings: z.array(ScheduleWarning),
});
export type TimelineView = z.infer<typeof TimelineView>;

/** `GET /api/screens/:id/now?at=`: what plays at one instant, and why. */
export const ResolutionView = TimelineSegmentView.extend({ screenId: Slug, at: IsoInstant });
export type ResolutionView = z.infer<typeof ResolutionView>;

/** `GET /api/walls/:id/now?at=`: every tile of a wall at one instant. */
export const WallNowView = z.object({
  wallId: Slug,
  at: IsoInstant,
  tiles: z.array(ResolutionView.extend({ column: z.int().nullable(), row: z.int().nullable() })),
  /** True when every tile plays the same playlist from the same source. */
  inStep: z.boolean(),
});
export type WallNowView = z.infer<typeof WallNowView>;

/** Query of the timeline and "now" endpoints. */
export const TimelineQuery = z.object({ from: IsoInstant.optional(), to: IsoInstant.optional() });
export const NowQuery = z.object({ at: IsoInstant.optional() });

/** An event as the API returns it: its definition, and what an operator should know about it. */
export const EventView = z.object({
  event: ScheduleEvent,
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  warnings: z.array(ScheduleWarning),
  /** Wall-clock start of its first active moment from now on, or null if it never fires. */
  firstActive: z.string().nullable(),
});
export type EventView = z.infer<typeof EventView>;

/** An event in `GET /api/events`: without the warnings, which cost a look ahead per event. */
export const EventSummary = EventView.omit({ warnings: true, firstActive: true });
export type EventSummary = z.infer<typeof EventSummary>;

/** The answer to an event write: the event, and the screens whose manifests were republished. */
export const EventWriteResult = z.object({ event: EventView, republished: z.array(Slug) });
export type EventWriteResult = z.infer<typeof EventWriteResult>;
