import type { TimelineSegmentView } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { scheduleRows } from './schedule-rows';

const at = (minute: number) => new Date(Date.UTC(2025, 6, 7) + minute * 60_000).toISOString();

function loop(from: number, to: number): TimelineSegmentView {
  return {
    start: at(from),
    end: at(to),
    playlistId: 'default',
    source: { kind: 'default' },
    hides: [],
    explanation: '',
  };
}

function slot(from: number, to: number, eventId = 'iklan', slotNo = 0): TimelineSegmentView {
  return {
    start: at(from),
    end: at(to),
    playlistId: eventId,
    source: { kind: 'interrupt', eventId, name: eventId, priority: 5, slot: slotNo, slotsPerHour: 3 },
    hides: [],
    explanation: '',
  };
}

const meeting: TimelineSegmentView = {
  start: at(120),
  end: at(180),
  playlistId: 'rapat',
  source: { kind: 'event', eventId: 'rapat', name: 'Rapat harian', priority: 10 },
  hides: [],
  explanation: '',
};

describe('the rows of a day', () => {
  it('fold one interrupt’s slots and what plays between them into a run, keeping every segment', () => {
    const segments = [
      slot(0, 2),
      loop(2, 20),
      slot(20, 22, 'iklan', 1),
      loop(22, 40),
      slot(40, 42, 'iklan', 2),
      loop(42, 120),
      meeting,
      loop(180, 200),
    ];
    const rows = scheduleRows(segments);
    expect(rows.map((r) => r.kind)).toEqual(['interrupt-run', 'segment', 'segment']);
    const run = rows[0];
    if (run?.kind !== 'interrupt-run') throw new Error('expected a run');
    expect(run.slots).toBe(3);
    expect(run.segments).toEqual(segments.slice(0, 6));
    expect([run.start, run.end]).toEqual([at(0), at(120)]);
    expect(run.between.playlistId).toBe('default');
  });

  it('leave a lone slot, and two interrupts taking turns, as plain rows', () => {
    expect(scheduleRows([loop(0, 20), slot(20, 22), loop(22, 60)]).map((r) => r.kind)).toEqual([
      'segment',
      'segment',
      'segment',
    ]);
    const turns = [slot(0, 2, 'a'), loop(2, 20), slot(20, 22, 'b'), loop(22, 40), slot(40, 42, 'a')];
    expect(scheduleRows(turns).every((r) => r.kind === 'segment')).toBe(true);
  });
});
