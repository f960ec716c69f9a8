import { positionAt } from '@baruga/schedules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ZoneAction, type ZoneState, initialZoneState, zoneReducer } from './zone-machine';
import { firstShowing, zonePlanner } from './zone-plan';

const shownNow = (s: ZoneState) => s.slots.filter((x) => x.phase !== 'preparing' && x.ready);
const T = Date.parse('2026-03-01T08:00:00Z');
const every = (count: number) => Array.from({ length: count }, () => true);

/** Three items of 10 s from T: 0 at T, 1 at T+10 s, 2 at T+20 s, 0 again at T+30 s. */
const threeItems = () => {
  const durations = [10_000, 10_000, 10_000];
  const cycle = { start: T, index: 0 };
  return { reduce: zoneReducer(3, zonePlanner(durations, cycle, every(3))), durations, cycle };
};

describe('zone playback', () => {
  it('shows the first item once ready, prepares the next, switches only when that one is ready', () => {
    const { reduce } = threeItems();
    let s = initialZoneState({ index: 0, at: T });
    expect(shownNow(s)).toEqual([]);
    s = reduce(s, { type: 'ready', key: 0, now: T + 100 });
    expect(s.slots).toEqual([
      { key: 0, index: 0, at: T, phase: 'live', ready: true },
      { key: 1, index: 1, at: T + 10_000, phase: 'preparing', ready: false },
    ]);
    // Time is up but the next item is still loading: the current one stays on screen.
    s = reduce(s, { type: 'due', key: 0, now: T + 10_000 });
    expect(s.slots.map((x) => x.phase)).toEqual(['live', 'preparing']);
    s = reduce(s, { type: 'ready', key: 1, now: T + 10_200 });
    expect(s.slots.map((x) => [x.index, x.phase, x.at - T])).toEqual([
      [0, 'leaving', 0],
      [1, 'entering', 10_000],
      [2, 'preparing', 20_000],
    ]);
    s = reduce(s, { type: 'transitioned', key: 1, now: T + 10_700 });
    expect(s.slots.map((x) => [x.index, x.phase])).toEqual([
      [1, 'live'],
      [2, 'preparing'],
    ]);
  });

  it('does not switch to a ready item before it is due', () => {
    const { reduce } = threeItems();
    let s = reduce(initialZoneState({ index: 0, at: T }), { type: 'ready', key: 0, now: T });
    s = reduce(s, { type: 'ready', key: 1, now: T + 2_000 });
    expect(s.slots.map((x) => x.phase)).toEqual(['live', 'preparing']);
  });

  it('passes over an item that fails while being prepared, holding the live one through its showing', () => {
    const { reduce } = threeItems();
    let s = reduce(initialZoneState({ index: 0, at: T }), { type: 'ready', key: 0, now: T });
    s = reduce(s, { type: 'due', key: 0, now: T + 10_000 });
    s = reduce(s, { type: 'failed', key: 1, now: T + 10_050 });
    // Item 1's ten seconds pass with item 0 on screen; item 2 is due when every other tile shows it.
    expect(s.due).toBe(false);
    expect(s.slots.map((x) => [x.index, x.phase, x.at - T])).toEqual([
      [0, 'live', 0],
      [2, 'preparing', 20_000],
    ]);
    s = reduce(s, { type: 'failed', key: 2, now: T + 10_100 });
    s = reduce(s, { type: 'failed', key: 3, now: T + 10_200 });
    expect(s.slots.map((x) => [x.index, x.phase])).toEqual([[0, 'live']]);
  });

  it('catches up at the next boundary when an item reaches the screen after its showing was over', () => {
    const { reduce } = threeItems();
    let s = reduce(initialZoneState({ index: 0, at: T }), { type: 'ready', key: 0, now: T });
    s = reduce(s, { type: 'due', key: 0, now: T + 10_000 });
    // Item 1 took 12 s to load: it shows, briefly, and item 0 of the next pass is due at T + 30 s, as elsewhere.
    s = reduce(s, { type: 'ready', key: 1, now: T + 22_000 });
    expect(s.slots.map((x) => [x.index, x.phase, x.at - T])).toEqual([
      [0, 'leaving', 0],
      [1, 'entering', 10_000],
      [0, 'preparing', 30_000],
    ]);
  });

  it('starts where the pure position is, and passes over items this player cannot play', () => {
    const { durations, cycle } = threeItems();
    expect(firstShowing(durations, cycle, every(3), T + 25_000)).toEqual({ index: 2, at: T + 20_000 });
    expect(firstShowing(durations, cycle, [true, false, true], T + 15_000)).toEqual({ index: 2, at: T + 20_000 });
    expect(firstShowing(durations, cycle, [false, false, false], T)).toBeNull();
  });

  it('never leaves a frame without a ready item, and keeps every showing on the shared grid (any order of events)', () => {
    const action = fc.record({
      type: fc.constantFrom<ZoneAction['type']>('ready', 'failed', 'due', 'transitioned'),
      pick: fc.nat(5),
      waitMs: fc.nat(25_000),
    });
    let total = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1_000, max: 20_000 }), { minLength: 2, maxLength: 6 }),
        fc.array(action, { minLength: 20, maxLength: 200 }),
        fc.nat(120_000),
        (durations, actions, bootMs) => {
          const count = durations.length;
          const cycle = { start: T, index: 0 };
          const reduce = zoneReducer(count, zonePlanner(durations, cycle, every(count)));
          let now = T + bootMs;
          const first = firstShowing(durations, cycle, every(count), now);
          let s = reduce(initialZoneState(first), { type: 'ready', key: 0, now });
          let switches = 0;
          for (const a of actions) {
            now += a.waitMs;
            const slot = s.slots[a.pick % Math.max(1, s.slots.length)];
            if (!slot) continue;
            const before = s.slots.filter((x) => x.phase === 'preparing').map((x) => x.key);
            s = reduce(s, { type: a.type, key: slot.key, now });
            const visible = s.slots.filter((x) => x.phase !== 'preparing');
            expect(visible.length).toBeGreaterThan(0);
            expect(visible.every((x) => x.ready)).toBe(true);
            expect(s.slots.filter((x) => x.phase === 'preparing').length).toBeLessThanOrEqual(1);
            expect(s.slots.length).toBeLessThanOrEqual(3);
            if (s.slots.some((x) => x.phase === 'entering' && before.includes(x.key))) switches += 1;
            for (const x of s.slots) {
              // Every showing begins at a boundary of the pure position, with the item it gives there.
              expect(positionAt(durations, cycle, x.at)).toMatchObject({ index: x.index, offsetMs: 0 });
            }
            const fresh = s.slots.find((x) => x.phase === 'preparing' && !before.includes(x.key));
            // A zone never plans a showing in the past: one that fell behind catches up at the next boundary.
            if (fresh) expect(fresh.at).toBeGreaterThanOrEqual(now);
          }
          total += switches;
        },
      ),
      { numRuns: 300 },
    );
    // The random runs did switch items, many times: the invariants above were tested on real transitions.
    expect(total).toBeGreaterThan(300);
  });
});
