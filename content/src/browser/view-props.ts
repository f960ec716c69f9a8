import type { ScreenInfo } from '@baruga/protocol';

/** What every content view receives from the player. */
export interface ContentViewProps<P> {
  props: P;
  screen: ScreenInfo;
  /** Resolves a stored blob's digest to the URL the player fetches (and caches) it from. */
  assetUrl: (sha256: string) => string;
  /** Called once when the view could not render (a missing asset, a decode failure). */
  onError: (reason: string) => void;
  /** The controller-synchronised clock in ms since the epoch (DESIGN.md, "One clock"); Date.now when absent. */
  now?: () => number;
}
