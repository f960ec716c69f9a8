import type { HiddenEvent, ScheduleWarning, SegmentSource } from '@baruga/protocol';
import type { CompiledEvent } from './event';

/** An event as one timeline computation sees it: its active instants, and what the sweep learns about it. */
export interface Track {
  ce: CompiledEvent;
  /** Active instants (for an interrupt: while its event is on, not just its slots). */
  iv: number[];
  activeInRange: boolean;
  /** Its HiddenEvent for each reason, made once and shared by every segment that lists it. */
  hidden: Record<HiddenEvent['reason'], HiddenEvent | null>;
  source: SegmentSource | null;
  /** Whether it played anywhere in [from, to), and what first hid it (for "hidden throughout"). */
  played: boolean;
  hiddenBy: Track | null;
  /** Tracks it was seen tied with (warned once per pair), and the last winner it was checked against. */
  tiedWith: Set<Track> | null;
  tieChecked: Track | null;
}

/** Its HiddenEvent for a reason: one object per track and reason, shared by every segment that lists it. */
export function hiddenAs(t: Track, reason: HiddenEvent['reason']): HiddenEvent {
  // Named fields, not hidden[reason]: this runs for every hidden event of every segment.
  const h = t.hidden;
  const made = reason === 'priority' ? h.priority : reason === 'tie' ? h.tie : h.interrupted;
  if (made) return made;
  return (h[reason] = {
    eventId: t.ce.id,
    name: t.ce.name,
    priority: t.ce.priority,
    kind: t.ce.interrupt ? 'interrupt' : 'event',
    reason,
  });
}

/** A timeline's warnings, each once. */
export class Warnings {
  private readonly same = new Set<ScheduleWarning>();
  private readonly seen = new Map<string, ScheduleWarning>();
  /** An event's own problems are the same objects for every screen: those dedupe by identity, cheaply. */
  addStatic(w: ScheduleWarning): void {
    this.same.add(w);
  }
  add(w: ScheduleWarning): void {
    const key = `${w.code}|${w.eventIds.join(',')}`;
    if (!this.seen.has(key)) this.seen.set(key, w);
  }
  list(): ScheduleWarning[] {
    const out = [...this.same];
    for (const w of this.seen.values()) out.push(w);
    return out;
  }
}
