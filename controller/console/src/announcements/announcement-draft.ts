import type { CreateAnnouncement, CreateLoopItem } from '@baruga/protocol';
import { NO_TARGETS } from '../targets/target-picker';

/** What the form holds while the operator writes: every field as typed, nothing sent yet. */
export interface AnnouncementDraft {
  kind: 'text' | 'running-text';
  title: string;
  text: string;
  english: string;
  warning: boolean;
  targets: CreateAnnouncement['targets'];
  startMode: 'now' | 'at';
  startDate: string | null;
  startTime: string | null;
  endMode: 'manual' | 'at' | 'daypart';
  endDate: string | null;
  endTime: string | null;
  daypartId: string;
}

export function emptyDraft(today: string): AnnouncementDraft {
  return {
    kind: 'text',
    title: '',
    text: '',
    english: '',
    warning: false,
    targets: NO_TARGETS,
    startMode: 'now',
    startDate: today,
    startTime: null,
    endMode: 'manual',
    endDate: today,
    endTime: null,
    daypartId: '',
  };
}

export type DraftProblem = 'text' | 'targets' | 'start' | 'end' | 'order' | 'passed' | 'daypart';

/** `2026-12-06T15:00` from a date and a time, or null while either is missing. */
const at = (date: string | null, time: string | null) => (date && time ? `${date}T${time}` : null);

/** What is wrong with a draft, checked as the controller would (and before it is asked); `now` is local WITA. */
export function draftProblems(d: AnnouncementDraft, nowLocal: string): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!d.text.trim()) problems.push('text');
  const t = d.targets;
  if (!t.all && t.screens.length + t.groups.length + t.walls.length === 0) problems.push('targets');
  const start = d.startMode === 'at' ? at(d.startDate, d.startTime) : nowLocal;
  if (start === null) problems.push('start');
  if (d.endMode === 'at') {
    const end = at(d.endDate, d.endTime);
    if (end === null) problems.push('end');
    else if (start !== null && end <= start) problems.push('order');
    else if (end <= nowLocal) problems.push('passed');
  }
  if (d.endMode === 'daypart' && !d.daypartId) problems.push('daypart');
  return problems;
}

/** The request the draft becomes (call only when `draftProblems` is empty). */
export function announcementRequest(d: AnnouncementDraft): CreateAnnouncement {
  const running = d.kind === 'running-text';
  return {
    kind: d.kind,
    ...(!running && d.title.trim() ? { title: d.title.trim() } : {}),
    text: d.text.trim(),
    ...(!running && d.english.trim() ? { en: { text: d.english.trim() } } : {}),
    tone: d.warning ? 'warning' : 'info',
    targets: d.targets,
    timezone: 'Asia/Makassar',
    start: d.startMode === 'at' ? at(d.startDate, d.startTime) : null,
    until: d.endMode === 'at' ? at(d.endDate, d.endTime) : null,
    daypartId: d.endMode === 'daypart' ? d.daypartId : null,
  };
}

/** The item the controller will make of it (controller/src/announcements/announcements.ts), for the preview. */
export function previewItem(d: AnnouncementDraft): CreateLoopItem {
  if (d.kind === 'running-text') {
    return { type: 'running-text', props: { text: d.text.replace(/\s+/g, ' ').trim() || ' ' }, sample: false };
  }
  return {
    type: 'text',
    props: {
      ...(d.title.trim() ? { title: d.title.trim() } : {}),
      body: d.text.trim() || ' ',
      ...(d.english.trim() ? { en: { body: d.english.trim() } } : {}),
      tone: d.warning ? 'warning' : 'info',
    },
    sample: false,
  };
}
