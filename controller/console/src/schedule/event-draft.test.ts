import { describe, expect, it } from 'vitest';
import { draftOf, emptyEvent, eventInput, eventProblems, lengthMinutes } from './event-draft';

describe('an event as the form holds it', () => {
  const base = {
    ...emptyEvent('2026-12-07', '08:00'),
    name: 'Jam kantor',
    playlistId: 'pagi',
    endTime: '17:00',
    targets: { screens: ['videotron-1'], groups: [], walls: [], all: false },
  };

  it('becomes a one-off from 08.00 to 17.00 on that day', () => {
    expect(eventProblems(base)).toEqual([]);
    expect(eventInput(base)).toMatchObject({
      start: '2026-12-07T08:00',
      end: '2026-12-07T17:00',
      rrule: null,
      durationMinutes: null,
    });
  });

  it('becomes a weekday rule lasting nine hours, and reads back the same', () => {
    const weekdays = { ...base, repeat: { kind: 'weekdays' as const }, until: '2027-01-31' };
    const input = eventInput(weekdays);
    expect(input).toMatchObject({
      start: '2026-12-07T08:00',
      end: null,
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20270131T235959',
      durationMinutes: 540,
    });
    expect(draftOf({ ...input, id: 'x', exdates: [], priority: 10 } as never)).toEqual(weekdays);
  });

  it('reads a window that ends at or before its start as crossing midnight', () => {
    expect(lengthMinutes('22:00', '02:00')).toBe(240);
    expect(eventInput({ ...base, startTime: '22:00', endTime: '02:00' }).end).toBe('2026-12-08T02:00');
    expect(eventProblems({ ...base, name: ' ', targets: { screens: [], groups: [], walls: [], all: false } })).toEqual([
      'name',
      'targets',
    ]);
  });
});
