import {
  ANNOUNCEMENT_ID_PREFIX,
  ANNOUNCEMENT_PRIORITY,
  type AnnouncementState,
  type AnnouncementView,
  type CreateAnnouncement,
  type CreateLoopItem,
  type ScheduleEvent,
  parseLocalDateTime,
} from '@baruga/protocol';
import { formatFloating, fromFloating, toFloating } from '@baruga/schedules';
import type { EventRow, PlaylistRow } from '../schedules/schedules-repository';

const DAY_MS = 86_400_000;

/** What an announcement puts on screen: a text card, or a line of running text across the whole screen. */
export function announcementItem(input: CreateAnnouncement): CreateLoopItem {
  const durationMs = input.durationMs === undefined ? {} : { durationMs: input.durationMs };
  if (input.kind === 'running-text') {
    return { type: 'running-text', ...durationMs, props: { text: input.text.replace(/\s+/g, ' ') }, sample: false };
  }
  const en = input.en ? { en: { ...(input.en.title ? { title: input.en.title } : {}), body: input.en.text } } : {};
  return {
    type: 'text',
    ...durationMs,
    props: { ...(input.title ? { title: input.title } : {}), body: input.text, ...en, tone: input.tone },
    sample: false,
  };
}

/** The name an announcement's playlist and event carry in lists and schedules: its first words. */
export function announcementName(input: Pick<CreateAnnouncement, 'title' | 'text'>): string {
  const words = (input.title || input.text).replace(/\s+/g, ' ').trim();
  return `Pengumuman: ${words.length > 80 ? `${words.slice(0, 79)}…` : words}`;
}

/**
 * The one-off event: from `start` (or now) until `until` (or, with a daypart, the end of the start's day; else
 * until ended), in one zone so it is the same instant on every screen.
 */
export function announcementEvent(id: string, input: CreateAnnouncement, now: number): ScheduleEvent {
  const nowLocal = formatFloating(Math.floor(toFloating(input.timezone, now) / 1000) * 1000);
  const start = input.start ?? nowLocal;
  const startFloating = parseLocalDateTime(start) ?? toFloating(input.timezone, now);
  const endOfDay = formatFloating(Math.floor(startFloating / DAY_MS) * DAY_MS + DAY_MS);
  const end = input.until ?? (input.daypartId === null ? null : endOfDay);
  return {
    id,
    name: announcementName(input),
    playlistId: id,
    targets: input.targets,
    priority: ANNOUNCEMENT_PRIORITY,
    timezone: input.timezone,
    start,
    end,
    rrule: null,
    exdates: [],
    durationMinutes: null,
    daypartId: input.daypartId,
    interrupt: null,
    maxPlaysPerHour: null,
    enabled: true,
  };
}

/** Where an announcement stands at `now`: its window read in its own zone. */
export function announcementState(event: ScheduleEvent, now: number): AnnouncementState {
  const zone = event.timezone ?? 'Asia/Makassar';
  const at = (local: string) => fromFloating(zone, parseLocalDateTime(local) ?? 0);
  if (!event.enabled) return 'ended';
  if (now < at(event.start)) return 'scheduled';
  if (event.end !== null && now >= at(event.end)) return 'ended';
  return 'on';
}

export const isAnnouncementId = (id: string) => id.startsWith(ANNOUNCEMENT_ID_PREFIX);

export function announcementView(row: EventRow, playlist: PlaylistRow | null, now: number): AnnouncementView {
  const { event } = row;
  const item = playlist?.items[0];
  const props = item?.props ?? {};
  const text = typeof props.body === 'string' ? props.body : typeof props.text === 'string' ? props.text : event.name;
  return {
    id: event.id,
    kind: item?.type === 'running-text' ? 'running-text' : 'text',
    title: typeof props.title === 'string' ? props.title : null,
    text,
    targets: event.targets,
    timezone: event.timezone ?? 'Asia/Makassar',
    start: event.start,
    end: event.end,
    daypartId: event.daypartId,
    state: announcementState(event, now),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
