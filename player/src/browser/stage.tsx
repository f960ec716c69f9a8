import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/**
 * The screen's canvas at its exact pixel size. In a kiosk window of that size the scale is 1 and
 * every pixel lands where the LED sender or panel expects it; in any other window it is fitted. The
 * room it is fitted to is its own viewport box: the window, or a screen's part of a spanning window.
 */
export function Stage({ width, height, children }: { width: number; height: number; children: ReactNode }) {
  const room = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => {
    const el = room.current;
    if (!el) return;
    const onResize = () => setScale(fit(el.clientWidth, el.clientHeight, width, height));
    onResize();
    const observer = new ResizeObserver(onResize);
    observer.observe(el);
    return () => observer.disconnect();
  }, [width, height]);
  return (
    <div className="bg-viewport" ref={room}>
      <div
        className="bg-stage"
        data-testid="stage"
        style={{ width, height, transform: scale === 1 ? undefined : `scale(${scale})` }}
      >
        {children}
      </div>
    </div>
  );
}

function fit(roomWidth: number, roomHeight: number, width: number, height: number): number {
  if (roomWidth === 0 || roomHeight === 0) return 1;
  const s = Math.min(roomWidth / width, roomHeight / height);
  return Math.abs(s - 1) < 1e-3 ? 1 : s;
}
