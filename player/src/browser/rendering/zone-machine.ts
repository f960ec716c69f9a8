/**
 * The state of one zone's playback, as a pure reducer (tested without a browser).
 *
 * Each mounted item is a slot. The live slot is on screen; the next one is `preparing` out of sight
 * from the moment the live one appears, so it has its whole duration to load and decode. A switch
 * happens only when the next slot is ready: it `enters` above the live one, which stays painted
 * underneath (`leaving`) until the transition is over. No frame ever lacks a ready, opaque item.
 */
export type SlotPhase = 'preparing' | 'entering' | 'live' | 'leaving';

export interface Slot {
  /** Unique per mount: the same item shown again is a new slot. */
  key: number;
  index: number;
  phase: SlotPhase;
  ready: boolean;
}

export interface ZoneState {
  slots: Slot[];
  nextKey: number;
  /** The live item's time is up; switch as soon as the next one is ready. */
  due: boolean;
  /** Items that failed in a row: when every item has failed, the zone holds what it shows. */
  failuresInARow: number;
}

export type ZoneAction =
  | { type: 'ready'; key: number }
  | { type: 'failed'; key: number }
  | { type: 'due'; key: number }
  | { type: 'transitioned'; key: number };

export function initialZoneState(count: number, start = 0): ZoneState {
  return {
    slots:
      count > 0 ? [{ key: 0, index: Math.min(Math.max(0, start), count - 1), phase: 'preparing', ready: false }] : [],
    nextKey: 1,
    due: false,
    failuresInARow: 0,
  };
}

const live = (s: ZoneState) => s.slots.find((x) => x.phase === 'live' || x.phase === 'entering');

/** Adds the slot after `index` as `preparing`, unless the zone has a single item. */
function prepareAfter(state: ZoneState, index: number, count: number): ZoneState {
  if (count < 2 || state.slots.some((x) => x.phase === 'preparing')) return state;
  return {
    ...state,
    slots: [...state.slots, { key: state.nextKey, index: (index + 1) % count, phase: 'preparing', ready: false }],
    nextKey: state.nextKey + 1,
  };
}

/** Promotes a ready preparing slot when the zone is due (or when nothing is on screen yet). */
function maybeSwitch(state: ZoneState, count: number): ZoneState {
  const next = state.slots.find((x) => x.phase === 'preparing');
  if (!next?.ready) return state;
  const current = live(state);
  if (current && !state.due) return state;
  if (current?.phase === 'entering') return state; // one transition at a time
  const slots = state.slots
    .filter((x) => x.phase !== 'leaving')
    .map((x): Slot => {
      if (x.key === next.key) return { ...x, phase: current ? 'entering' : 'live' };
      if (x.key === current?.key) return { ...x, phase: 'leaving' };
      return x;
    });
  return prepareAfter({ ...state, slots, due: false, failuresInARow: 0 }, next.index, count);
}

export function zoneReducer(count: number) {
  return (state: ZoneState, action: ZoneAction): ZoneState => {
    switch (action.type) {
      case 'ready': {
        const slots = state.slots.map((x) => (x.key === action.key ? { ...x, ready: true } : x));
        return maybeSwitch({ ...state, slots }, count);
      }
      case 'failed': {
        const failed = state.slots.find((x) => x.key === action.key);
        if (!failed) return state;
        if (failed.phase !== 'preparing') {
          // An item on screen broke: keep showing it until the next one is ready, then move on.
          return maybeSwitch({ ...state, due: true }, count);
        }
        const failuresInARow = state.failuresInARow + 1;
        const without = { ...state, slots: state.slots.filter((x) => x.key !== action.key), failuresInARow };
        // Every item failed: hold the screen as it is rather than spin; the next manifest starts afresh.
        if (failuresInARow >= count) return without;
        return {
          ...without,
          slots: [
            ...without.slots,
            { key: state.nextKey, index: (failed.index + 1) % count, phase: 'preparing', ready: false },
          ],
          nextKey: state.nextKey + 1,
        };
      }
      case 'due': {
        const current = live(state);
        if (current?.key !== action.key) return state;
        return maybeSwitch({ ...state, due: true }, count);
      }
      case 'transitioned': {
        const slots = state.slots
          .filter((x) => x.phase !== 'leaving')
          .map((x): Slot => (x.key === action.key && x.phase === 'entering' ? { ...x, phase: 'live' } : x));
        return maybeSwitch({ ...state, slots }, count);
      }
    }
  };
}
