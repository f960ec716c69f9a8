/**
 * The shared clock's time at an animation frame. A requestAnimationFrame callback receives the frame's own time on
 * the performance timeline; reading `now()` inside the callback instead would add however long this tile took to
 * get there, which differs per tile. From the frame's time, every tile of a wall computes the same position for the
 * same frame: a letter of a running text leaves one tile and enters the next at the same instant.
 */
export function frameNow(now: () => number, frameTime: number): number {
  return now() - (performance.now() - frameTime);
}
