import type { SegmentSource, TimelineSegmentView } from '@baruga/protocol';

export type InterruptSource = Extract<SegmentSource, { kind: 'interrupt' }>;

/**
 * A row of the day's list: one segment as the API gave it, or a run of one interrupt's slots and what plays
 * between them (72 two-minute slots a day are normal and would bury the rest). A run keeps every segment, so
 * the list can open it up; nothing is merged.
 */
export type ScheduleRow =
  | { kind: 'segment'; segment: TimelineSegmentView }
  | {
      kind: 'interrupt-run';
      start: string;
      end: string;
      interrupt: InterruptSource;
      /** The interrupt's playlist or layout. */
      interruptPlaylistId: string;
      /** What plays between the slots. */
      between: TimelineSegmentView;
      slots: number;
      segments: TimelineSegmentView[];
    };

/** Same playlist from the same source: slots of one interrupt share a key whatever their slot number. */
function sourceKey(segment: TimelineSegmentView): string {
  const source = segment.source;
  return `${segment.playlistId}\u0000${source.kind}\u0000${source.kind === 'default' ? '' : source.eventId}`;
}

/** Runs of at least this many slots become one row. */
const MIN_RUN_SLOTS = 2;

/** The rows of a timeline: each segment, except that one interrupt alternating with one background is a run. */
export function scheduleRows(segments: readonly TimelineSegmentView[]): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  let i = 0;
  while (i < segments.length) {
    const first = segments[i] as TimelineSegmentView;
    const second = segments[i + 1];
    const slot = first.source.kind === 'interrupt' ? first : second?.source.kind === 'interrupt' ? second : undefined;
    const other = slot === first ? second : first;
    if (slot?.source.kind !== 'interrupt' || other === undefined || other.source.kind === 'interrupt') {
      rows.push({ kind: 'segment', segment: first });
      i++;
      continue;
    }
    const keys = new Set([sourceKey(slot), sourceKey(other)]);
    let j = i;
    let slots = 0;
    while (j < segments.length && keys.has(sourceKey(segments[j] as TimelineSegmentView))) {
      if (segments[j]?.source.kind === 'interrupt') slots++;
      j++;
    }
    if (slots < MIN_RUN_SLOTS) {
      rows.push({ kind: 'segment', segment: first });
      i++;
      continue;
    }
    const run = segments.slice(i, j);
    rows.push({
      kind: 'interrupt-run',
      start: first.start,
      end: (run[run.length - 1] as TimelineSegmentView).end,
      interrupt: slot.source,
      interruptPlaylistId: slot.playlistId,
      between: other,
      slots,
      segments: run,
    });
    i = j;
  }
  return rows;
}
