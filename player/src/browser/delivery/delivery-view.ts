import type { ConnectionState } from '../connection';

/** Why the player cannot play (or connect) as it should; the overlay says it in Indonesian and English. */
export type DeliveryProblem = 'insecure' | 'unknownScreen' | 'claimed' | 'revoked' | null;

/** What the screen shows besides content: blackout, identify, problems. */
export interface DeliveryView {
  connection: ConnectionState;
  problem: DeliveryProblem;
  blackout: boolean;
  identify: { until: number } | null;
  /** The manifest on screen is past its expiry (the player was cut off): for operators, never on screen. */
  stale: boolean;
  pendingVersion: number | null;
}

export const INITIAL_VIEW: DeliveryView = {
  connection: 'connecting',
  problem: null,
  blackout: false,
  identify: null,
  stale: false,
  pendingVersion: null,
};

export interface ViewState {
  get(): DeliveryView;
  set(patch: Partial<DeliveryView>): void;
}

/** The view, told to `onView` on every real change (a reconnect attempt every second while offline is not one). */
export function createViewState(initial: DeliveryView, onView: (view: DeliveryView) => void): ViewState {
  let view = initial;
  onView(view);
  return {
    get: () => view,
    set(patch) {
      const next = { ...view, ...patch };
      if ((Object.keys(next) as (keyof DeliveryView)[]).every((k) => next[k] === view[k])) return;
      view = next;
      onView(view);
    },
  };
}
