import type { Timers } from '../clock/timers';

/** How long before its instant a switch starts watching frames: a few frames, so a timer that fires late still
 * leaves time to catch the right one. */
const WATCH_MS = 50;

/**
 * Calls `fn` inside the first animation frame whose time, on the controller's clock, is at or after `instant`, so
 * whatever `fn` changes is painted in that very frame. A timer alone would fire a few milliseconds late, differently
 * on every tile (and React would commit later still); the frame's own time is the same on every tile that draws that
 * frame, so tiles whose clocks agree present the change in the same frame. Without frames (simulated time), at the
 * instant. Returns the function that cancels it.
 */
export function atFrame(timers: Timers, instant: number, fn: () => void): () => void {
  const frame = timers.frame;
  if (!frame) return timers.at(instant, fn);
  let cancelFrame: () => void = () => undefined;
  const watch = () => {
    cancelFrame = frame((time) => {
      if (time >= instant) fn();
      else watch();
    });
  };
  const cancelAt = timers.at(instant - WATCH_MS, watch);
  return () => {
    cancelAt();
    cancelFrame();
  };
}
