import { useEffect, useRef, useState } from 'react';
import type { ContentViewProps } from '../../browser/view-props';
import type { WebPageProps } from './index';

/**
 * Without allow-same-origin a page runs in an opaque origin (no cookies, no storage), which breaks most
 * dashboards; with it, a page from the player's own origin could reach into the player. So a foreign page
 * keeps its origin and a same-origin page does not. Never: popups, modals, top navigation, downloads.
 */
export function sandboxFor(url: string, playerOrigin: string | null): string {
  let sameOrigin = false;
  try {
    sameOrigin = playerOrigin !== null && new URL(url).origin === playerOrigin;
  } catch {
    sameOrigin = true; // unparseable: grant the least
  }
  return sameOrigin ? 'allow-scripts' : 'allow-scripts allow-same-origin';
}

function playerOrigin(): string | null {
  return typeof location === 'undefined' ? null : location.origin;
}

export function WebPageView({ props, onReady }: ContentViewProps<WebPageProps>) {
  // Two frames: a refresh loads behind the one on screen and swaps in once loaded, never a blank page.
  const [shown, setShown] = useState(0);
  const [loading, setLoading] = useState<number | null>(null);
  const generations = useRef(0);
  const latestOnReady = useRef(onReady);
  const reported = useRef(false);
  useEffect(() => {
    latestOnReady.current = onReady;
  });
  const firstLoad = () => {
    // Cross-origin pages cannot report their own errors; a loaded frame is as ready as it gets. Once only:
    // a page that navigates itself fires load again.
    if (reported.current) return;
    reported.current = true;
    latestOnReady.current?.();
  };
  useEffect(() => {
    if (props.refreshS <= 0) return;
    // A page that never finishes loading is replaced by the next attempt; the old one stays on screen.
    const timer = setInterval(() => setLoading((generations.current += 1)), props.refreshS * 1000);
    return () => clearInterval(timer);
  }, [props.refreshS]);

  const frame = (generation: number, visible: boolean) => (
    <iframe
      key={generation}
      src={props.url}
      title={props.url}
      sandbox={sandboxFor(props.url, playerOrigin())}
      referrerPolicy="no-referrer"
      allow=""
      onLoad={
        visible
          ? firstLoad
          : () => {
              setShown(generation);
              setLoading(null);
            }
      }
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        border: 0,
        width: `${100 / props.zoom}%`,
        height: `${100 / props.zoom}%`,
        transform: `scale(${props.zoom})`,
        transformOrigin: '0 0',
        visibility: visible ? 'visible' : 'hidden',
        background: '#ffffff',
      }}
    />
  );

  return (
    <div
      className="bg-web-page"
      data-content-type="web-page"
      style={{ position: 'absolute', inset: 0, overflow: 'hidden', background: '#ffffff' }}
    >
      {frame(shown, true)}
      {loading !== null && loading !== shown ? frame(loading, false) : null}
    </div>
  );
}
