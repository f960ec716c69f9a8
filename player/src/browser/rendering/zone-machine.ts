import type { Showing } from '@baruga/schedules';

/**
 * The state of one zone's playback, as a pure reducer (tested without a browser).
 *
 * Each mounted item is a slot: one showing of an item, with the instant it is due on the controller's clock.
 * The live slot is on screen; the next one is `preparing` out of sight from the moment the live one appears, so
 * it has the live one's whole duration to load and decode. A switch happens when the next slot is due and ready:
 * it `enters` above the live one, which stays painted underneath (`leaving`) until the transition is over. No
 * frame ever lacks a ready, opaque item. Which showing comes next is the planner's answer, a pure function of
 * the zone's items and cycle (zone-plan.ts), so every player of a wall switches at the same instants, and one
 * that fell behind catches up at the next boundary.
 */
export type SlotPhase = 'preparing' | 'entering' | 'live' | 'leaving';

export interface Slot {
  /** Unique per mount: the same item shown again is a new slot. */
  key: number;
  index: number;
  /** When this showing is due (ms, controller clock). */
  at: number;
  phase: SlotPhase;
  ready: boolean;
}

export interface ZoneState {
  slots: Slot[];
  nextKey: number;
  /** Switch as soon as the next slot is ready: its time has come, or the live item broke. */
  due: boolean;
  /** The live item broke: stay due even if the slot being prepared fails and is replaced. */
  broken: boolean;
  /** Items that failed in a row: when every item has failed, the zone holds what it shows. */
  failuresInARow: number;
}

/** Every action carries the instant it happened, so the reducer stays pure. */
export type ZoneAction =
  | { type: 'ready'; key: number; now: number }
  | { type: 'failed'; key: number; now: number }
  | { type: 'due'; key: number; now: number }
  | { type: 'transitioned'; key: number; now: number };

/** The showing after one, given the instant it is asked at; null when there is nothing to play. */
export type Planner = (after: Showing, now: number) => Showing | null;

export function initialZoneState(first: Showing | null): ZoneState {
  return {
    slots: first ? [{ key: 0, index: first.index, at: first.at, phase: 'preparing', ready: false }] : [],
    nextKey: 1,
    due: false,
    broken: false,
    failuresInARow: 0,
  };
}

const live = (s: ZoneState) => s.slots.find((x) => x.phase === 'live' || x.phase === 'entering');

export function zoneReducer(playable: number, plan: Planner) {
  /** Adds the showing after `after` as `preparing`, unless the zone has a single item to play. */
  function prepareAfter(state: ZoneState, after: Showing, now: number): ZoneState {
    if (playable < 2 || state.slots.some((x) => x.phase === 'preparing')) return state;
    const next = plan(after, now);
    if (!next) return state;
    return {
      ...state,
      slots: [...state.slots, { key: state.nextKey, index: next.index, at: next.at, phase: 'preparing', ready: false }],
      nextKey: state.nextKey + 1,
    };
  }

  /** Promotes a ready preparing slot when the zone is due (or when nothing is on screen yet). */
  function maybeSwitch(state: ZoneState, now: number): ZoneState {
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
    return prepareAfter({ ...state, slots, due: false, broken: false, failuresInARow: 0 }, next, now);
  }

  function failed(state: ZoneState, action: Extract<ZoneAction, { type: 'failed' }>): ZoneState {
    const failed = state.slots.find((x) => x.key === action.key);
    if (!failed) return state;
    if (failed.phase !== 'preparing') {
      // An item on screen broke: keep showing it until the next one is ready, then move on.
      return maybeSwitch({ ...state, due: true, broken: true }, action.now);
    }
    const failuresInARow = state.failuresInARow + 1;
    // Its showing is passed over: the live item stays until the one after it is due, as on every other tile.
    const without = {
      ...state,
      slots: state.slots.filter((x) => x.key !== action.key),
      due: state.broken,
      failuresInARow,
    };
    // Every item failed: hold the screen as it is rather than spin; the next manifest starts afresh.
    if (failuresInARow >= playable) return without;
    return prepareAfter(without, failed, action.now);
  }

  return (state: ZoneState, action: ZoneAction): ZoneState => {
    switch (action.type) {
      case 'ready': {
        const slots = state.slots.map((x) => (x.key === action.key ? { ...x, ready: true } : x));
        return maybeSwitch({ ...state, slots }, action.now);
      }
      case 'failed':
        return failed(state, action);
      case 'due': {
        const current = live(state);
        if (current?.key !== action.key) return state;
        return maybeSwitch({ ...state, due: true }, action.now);
      }
      case 'transitioned': {
        const slots = state.slots
          .filter((x) => x.phase !== 'leaving')
          .map((x): Slot => (x.key === action.key && x.phase === 'entering' ? { ...x, phase: 'live' } : x));
        return maybeSwitch({ ...state, slots }, action.now);
      }
    }
  };
}
