import type { ScreenInfo } from '@baruga/protocol';

/** What every content view receives from the player. */
export interface ContentViewProps<P> {
  props: P;
  screen: ScreenInfo;
  /** Resolves a stored blob's digest to the URL the player fetches (and caches) it from. */
  assetUrl: (sha256: string) => string;
  /**
   * False while the player prepares the view out of sight (preloading the next item): media stays paused
   * at its first frame and animations hold still. True once it is on screen.
   */
  active?: boolean;
  /**
   * Called once when the view can be shown without a blank frame: images decoded, a video's first frame
   * available, a page loaded. Every view calls it (views that are ready at once, such as text, call it on
   * mount); the player shows an item only after it, and skips one that never gets there.
   */
  onReady?: () => void;
  /** Called once when the view could not render (a missing asset, a decode failure). */
  onError: (reason: string) => void;
  /** The controller-synchronised clock in ms since the epoch (DESIGN.md, "One clock"); Date.now when absent. */
  now?: () => number;
  /**
   * When this showing of the item began, on the same clock: media plays from it (content/src/browser/media-sync.ts),
   * so every tile of a wall shows the same frame at the same instant.
   */
  startedAt?: number;
  /**
   * On a wall tile, the part of the item's box this tile shows, in the item's own pixels; absent when all of it is
   * shown. Views that draw their own pixels (the 3D chart) render only this part, with the whole item's camera.
   */
  visible?: VisibleRect;
}

/** A rectangle of an item's box, in its own pixels. */
export interface VisibleRect {
  x: number;
  y: number;
  width: number;
  height: number;
}
