import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { frameNow } from '../../browser/frame-time';
import type { ContentViewProps } from '../../browser/view-props';
import type { RunningTextProps } from './index';

/** How far the text has travelled at `nowMs`, within one repetition of `unitPx`: a pure function of time. */
export function runningOffset(nowMs: number, speedPxPerS: number, unitPx: number): number {
  if (unitPx <= 0) return 0;
  return ((nowMs / 1000) * speedPxPerS) % unitPx;
}

export function RunningTextView({ props, now, onReady, active = true }: ContentViewProps<RunningTextProps>) {
  const track = useRef<HTMLDivElement>(null);
  const clock = now ?? Date.now;
  // Enough copies to cover the zone and one more while the first slides out, measured once laid out.
  const [copies, setCopies] = useState(2);
  useLayoutEffect(() => {
    const el = track.current;
    const unit = (el?.firstElementChild as HTMLElement | null)?.offsetWidth ?? 0;
    const width = el?.parentElement?.clientWidth ?? 0;
    const needed = unit > 0 ? Math.min(64, Math.ceil(width / unit) + 2) : 2;
    if (needed !== copies) setCopies(needed);
    else onReady?.();
  }, [copies, props.text, props.separator, props.fontScale, onReady]);

  useEffect(() => {
    const el = track.current;
    // Out of sight (being prepared) it holds still; on screen its position is a function of time alone.
    if (!el || !active) return;
    let frame = 0;
    const tick = (frameTime: number) => {
      const unit = (el.firstElementChild as HTMLElement | null)?.offsetWidth ?? 0;
      const offset = runningOffset(frameNow(clock, frameTime), props.speed, unit);
      // rtl: starts one unit to the right and slides left; ltr mirrors it.
      const x = props.direction === 'rtl' ? -offset : offset - unit;
      el.style.transform = `translate3d(${x}px, 0, 0)`;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [clock, props.speed, props.direction, active]);

  return (
    <div
      className="bg-running-text"
      data-content-type="running-text"
      style={{
        position: 'absolute',
        inset: 0,
        overflow: 'hidden',
        display: 'flex',
        alignItems: 'center',
        background: props.background,
        color: props.color,
      }}
    >
      <div
        ref={track}
        className="bg-running-text__track"
        style={{
          display: 'flex',
          whiteSpace: 'pre',
          // A share of the zone's height (the zone is a size container), whatever the screen.
          fontSize: `${props.fontScale * 100}cqh`,
          lineHeight: 1.2,
          willChange: 'transform',
        }}
      >
        {Array.from({ length: copies }, (_, i) => (
          <span key={i} aria-hidden={i > 0}>
            {props.text}
            {props.separator}
          </span>
        ))}
      </div>
    </div>
  );
}
