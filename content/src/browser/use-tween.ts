import { useEffect, useRef, useState } from 'react';

/** How long a figure takes to move to its new value when the data changes. */
export const TWEEN_MS = 900;

/**
 * Numbers that move to new values over TWEEN_MS when the data changes (a visitor sees what changed), driven by the
 * player's clock so every tile of a wall agrees, and still while the view is prepared out of sight. The animation
 * frame is released on unmount.
 */
export function useTweened(targets: readonly (number | null)[], now: () => number, active: boolean): (number | null)[] {
  const [shown, setShown] = useState<(number | null)[]>(() => [...targets]);
  const shownRef = useRef<readonly (number | null)[]>(targets);
  const key = targets.join('|');
  useEffect(() => {
    if (!active) {
      shownRef.current = targets;
      return;
    }
    const from = shownRef.current;
    const start = now();
    let frame = requestAnimationFrame(function step() {
      const k = Math.min(1, (now() - start) / TWEEN_MS);
      const ease = 1 - (1 - k) ** 3;
      const next = targets.map((goal, i) => {
        const f = from[i];
        return goal === null || f === null || f === undefined ? goal : f + (goal - f) * ease;
      });
      shownRef.current = next;
      setShown(next);
      if (k < 1) frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
    // `key` stands for the values of `targets`: a new array with the same numbers is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, active, now]);
  return active ? shown : [...targets];
}
