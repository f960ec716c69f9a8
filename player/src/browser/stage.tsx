import { type ReactNode, useEffect, useState } from 'react';

/**
 * The screen's canvas at its exact pixel size. In a kiosk window of that size the scale is 1 and
 * every pixel lands where the LED sender or panel expects it; in any other window it is fitted.
 */
export function Stage({ width, height, children }: { width: number; height: number; children: ReactNode }) {
  const [scale, setScale] = useState(() => fit(width, height));
  useEffect(() => {
    const onResize = () => setScale(fit(width, height));
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [width, height]);
  return (
    <div className="bg-viewport">
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

function fit(width: number, height: number): number {
  const s = Math.min(window.innerWidth / width, window.innerHeight / height);
  return Math.abs(s - 1) < 1e-3 ? 1 : s;
}
