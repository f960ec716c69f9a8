import { useLayoutEffect, useRef } from 'react';
import type { ContentViewProps } from '../../browser/view-props';
import type { TextProps } from './index';

/** Type size for the primary text, as a fraction of the zone's smaller side; shrunk until it fits. */
const START_SCALE = 0.09;
const MIN_SCALE = 0.02;

/** Indonesian first and large; the English rendering smaller below it, all fitted to the zone. */
export function TextView({ props, onReady }: ContentViewProps<TextProps>) {
  const box = useRef<HTMLDivElement>(null);
  // Auto-fit before the first paint: the largest size at which the whole announcement fits the zone.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const side = Math.min(el.clientWidth, el.clientHeight);
    let lo = MIN_SCALE * side;
    let hi = START_SCALE * side;
    const fits = (px: number) => {
      el.style.setProperty('--bg-text-size', `${px}px`);
      return el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1;
    };
    if (!fits(hi)) {
      for (let i = 0; i < 12; i++) {
        const mid = (lo + hi) / 2;
        if (fits(mid)) lo = mid;
        else hi = mid;
      }
      fits(lo);
    }
    onReady?.();
  }, [props, onReady]);
  return (
    <div ref={box} className={`bg-text bg-text--${props.tone}`} data-content-type="text">
      <div className="bg-text__primary" lang="id">
        {props.title ? <h1 className="bg-text__title">{props.title}</h1> : null}
        <p className="bg-text__body">{props.body}</p>
      </div>
      {props.en ? (
        <div className="bg-text__secondary" lang="en">
          {props.en.title ? <h2 className="bg-text__title">{props.en.title}</h2> : null}
          <p className="bg-text__body">{props.en.body}</p>
        </div>
      ) : null}
    </div>
  );
}
