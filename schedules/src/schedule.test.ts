import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSchedule } from './schedule';
import { event, screen } from './test-support';

describe('schedule edits', () => {
  it('after any edits, a screen sees the same events in the same order as a schedule built afresh', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const arbEdit = fc.record({
      id: fc.constantFrom(...ids),
      remove: fc.boolean(),
      priority: fc.integer({ min: 0, max: 3 }),
      target: fc.constantFrom('s1', 's2'),
    });
    fc.assert(
      fc.property(fc.array(arbEdit, { maxLength: 30 }), (edits) => {
        const make = (id: string, priority: number, target: string) =>
          event({
            id,
            priority,
            start: '2025-01-01T00:00',
            targets: { screens: [target], groups: [], walls: [], all: false },
          });
        const live = createSchedule({ events: [make('a', 1, 's1')], dayparts: [], playlistDurations: { pl: 60_000 } });
        const current = new Map([['a', make('a', 1, 's1')]]);
        live.relevant(screen()); // rank once, so the edits below keep the order incrementally
        for (const e of edits) {
          if (e.remove) {
            live.removeEvent(e.id);
            current.delete(e.id);
          } else {
            const next = make(e.id, e.priority, e.target);
            live.upsertEvent(next);
            current.set(e.id, next);
          }
        }
        const fresh = createSchedule({
          events: [...current.values()],
          dayparts: [],
          playlistDurations: { pl: 60_000 },
        });
        for (const s of ['s1', 's2']) {
          const ctx = screen({ id: s });
          expect(live.relevant(ctx).map((x) => x.id)).toEqual(fresh.relevant(ctx).map((x) => x.id));
        }
      }),
      { numRuns: 150 },
    );
  });
});
