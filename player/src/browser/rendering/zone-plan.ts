import { type Cycle, type Showing, positionAt, showingAfter } from '@baruga/schedules';
import type { Planner } from './zone-machine';

/**
 * The showings a zone plans, on the grid the pure position gives (schedules/src/playback.ts): items this player
 * cannot play (`playable[i]` false: an unknown type, a missing asset) are passed over as if they had failed, so
 * the items around them stay where every other player has them.
 */
export function zonePlanner(durations: readonly number[], cycle: Cycle, playable: readonly boolean[]): Planner {
  return (after, now) => {
    let next = showingAfter(durations, cycle, after, now);
    for (let tries = 0; next && !playable[next.index] && tries < durations.length; tries++) {
      next = showingAfter(durations, cycle, next, now);
    }
    return next && playable[next.index] ? next : null;
  };
}

/** What a zone mounted at `now` shows first: the item playing now, or the next one this player can play. */
export function firstShowing(
  durations: readonly number[],
  cycle: Cycle,
  playable: readonly boolean[],
  now: number,
): Showing | null {
  const position = positionAt(durations, cycle, now);
  if (!position) return null;
  const current = { index: position.index, at: position.startedAt };
  return playable[position.index] ? current : zonePlanner(durations, cycle, playable)(current, now);
}
