import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ZoneAction, type ZoneState, initialZoneState, zoneReducer } from './zone-machine';

const shownNow = (s: ZoneState) => s.slots.filter((x) => x.phase !== 'preparing' && x.ready);

describe('zone playback', () => {
  it('shows the first item once ready, prepares the next, switches only when that one is ready', () => {
    const reduce = zoneReducer(3);
    let s = initialZoneState(3);
    expect(shownNow(s)).toEqual([]);
    s = reduce(s, { type: 'ready', key: 0 });
    expect(s.slots).toEqual([
      { key: 0, index: 0, phase: 'live', ready: true },
      { key: 1, index: 1, phase: 'preparing', ready: false },
    ]);
    // Time is up but the next item is still loading: the current one stays on screen.
    s = reduce(s, { type: 'due', key: 0 });
    expect(s.slots.map((x) => x.phase)).toEqual(['live', 'preparing']);
    s = reduce(s, { type: 'ready', key: 1 });
    expect(s.slots.map((x) => [x.index, x.phase])).toEqual([
      [0, 'leaving'],
      [1, 'entering'],
      [2, 'preparing'],
    ]);
    s = reduce(s, { type: 'transitioned', key: 1 });
    expect(s.slots.map((x) => [x.index, x.phase])).toEqual([
      [1, 'live'],
      [2, 'preparing'],
    ]);
  });

  it('skips an item that fails while being prepared, and holds when every item has failed', () => {
    const reduce = zoneReducer(3);
    let s = reduce(initialZoneState(3), { type: 'ready', key: 0 });
    s = reduce(s, { type: 'failed', key: 1 });
    expect(s.slots.map((x) => [x.index, x.phase])).toEqual([
      [0, 'live'],
      [2, 'preparing'],
    ]);
    s = reduce(s, { type: 'failed', key: 2 });
    s = reduce(s, { type: 'failed', key: 3 });
    expect(s.slots.map((x) => [x.index, x.phase])).toEqual([[0, 'live']]);
  });

  it('starts where it is told (the item the operator just published)', () => {
    const s = zoneReducer(4)(initialZoneState(4, 3), { type: 'ready', key: 0 });
    expect(s.slots.map((x) => x.index)).toEqual([3, 0]);
  });

  it('never leaves a frame without a ready item once one has been shown (any order of events)', () => {
    const count = 4;
    const action = fc.record({
      type: fc.constantFrom<ZoneAction['type']>('ready', 'failed', 'due', 'transitioned'),
      pick: fc.nat(5),
    });
    fc.assert(
      fc.property(fc.array(action, { maxLength: 200 }), (actions) => {
        const reduce = zoneReducer(count);
        let s = reduce(initialZoneState(count), { type: 'ready', key: 0 });
        for (const a of actions) {
          const slot = s.slots[a.pick % Math.max(1, s.slots.length)];
          if (!slot) continue;
          // A slot already shown cannot "become ready" again, and only live items fall due.
          s = reduce(s, { type: a.type, key: slot.key });
          const visible = s.slots.filter((x) => x.phase !== 'preparing');
          expect(visible.length).toBeGreaterThan(0);
          expect(visible.every((x) => x.ready)).toBe(true);
          expect(s.slots.filter((x) => x.phase === 'preparing').length).toBeLessThanOrEqual(1);
          expect(s.slots.length).toBeLessThanOrEqual(3);
        }
      }),
      { numRuns: 300 },
    );
  });
});
