/**
 * What a wall test or benchmark injects into each tile's page before the player loads (Playwright init script):
 *
 * - **A wrong local clock.** `Date` and `performance.timeOrigin` (so every `timeOrigin + now()` the player reads)
 *   are moved by `skewMs`: the page believes the machine's clock is that far off. The player's clock module reads
 *   its local time from exactly these, and must find the controller's time anyway.
 * - **Optionally no clock exchange** (`blockClockExchange`): `GET /api/player/time` fails, so the player runs on its
 *   wrong local clock. This is the benchmark's anchor, "sync disabled".
 * - **A witness** outside the skew, on the machine's true clock (the real `timeOrigin` plus animation-frame and
 *   video-frame timestamps, which all processes share): for every zone, the item it presents and the true instant
 *   of the first frame that shows it; for every playing video, each presented frame's true display time and media
 *   time. It reads the DOM the player renders (`[data-zone-id]`, slots with `data-live`), never the player's state.
 *
 * When does a change show? A change made inside an animation frame's callbacks is painted in that frame; one made
 * in any other task is painted in the next. The witness's own frame callback runs first in every frame (it was
 * registered first and re-registers first), and a ResizeObserver callback, which runs after all frame callbacks,
 * marks the end of that window.
 */
export interface WitnessOptions {
  skewMs: number;
  blockClockExchange: boolean;
}

export interface WallWitness {
  transitions: { zone: string; item: string | null; t: number }[];
  /** Animation frames this page drew, and 60 Hz frame slots it missed (a gap between two frames, less one). */
  frames: { drawn: number; missed: number };
  video: { zone: string; t: number; media: number }[];
  /** The true time origin, for converting anything else the page reports. */
  realOrigin: number;
}

declare global {
  interface Window {
    __wallWitness?: WallWitness;
  }
}

/** The init script's source (it runs in the page, so it is plain JavaScript built from a function). */
export function wallWitnessScript(options: WitnessOptions): string {
  // Transpilers that keep function names wrap classes in a `__name` helper the page does not have.
  return `(() => { const __name = (f) => f; (${pageWitness.toString()})(${JSON.stringify(options)}); })();`;
}

function pageWitness(options: WitnessOptions): void {
  const realOrigin = performance.timeOrigin;
  const skew = options.skewMs;
  const RealDate = Date;
  const realNow = Date.now.bind(Date);
  class SkewedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(realNow() + skew);
      else super(...(args as [number]));
    }
    static override now(): number {
      return realNow() + skew;
    }
  }
  (window as unknown as { Date: DateConstructor }).Date = SkewedDate as unknown as DateConstructor;
  Object.defineProperty(performance, 'timeOrigin', { value: realOrigin + skew, configurable: true });
  if (options.blockClockExchange) {
    const realFetch = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/api/player/time')) return Promise.reject(new TypeError('clock exchange blocked'));
      return realFetch(input, init);
    };
  }

  const witness: WallWitness = { transitions: [], frames: { drawn: 0, missed: 0 }, video: [], realOrigin };
  window.__wallWitness = witness;
  const shown = new Map<string, string | null>();
  const pending = new Set<Element>();
  let inFrame = false;
  let frameTime = 0;

  const liveItem = (zone: Element): string | null => {
    const live = zone.querySelectorAll(':scope > [data-live="true"]');
    const top = live[live.length - 1] as HTMLElement | undefined;
    return top?.dataset.itemId ?? null;
  };
  const check = (zone: Element, t: number) => {
    const id = (zone as HTMLElement).dataset.zoneId ?? '';
    const item = liveItem(zone);
    if (shown.get(id) === item) return;
    shown.set(id, item);
    witness.transitions.push({ zone: id, item, t });
  };
  const watchedVideos = new WeakSet<HTMLVideoElement>();
  const watchVideo = (video: HTMLVideoElement) => {
    if (watchedVideos.has(video) || typeof video.requestVideoFrameCallback !== 'function') return;
    watchedVideos.add(video);
    const zone = (video.closest('[data-zone-id]') as HTMLElement | null)?.dataset.zoneId ?? '';
    const onFrame: VideoFrameRequestCallback = (_now, meta) => {
      if (!video.isConnected) return;
      if (video.closest('[data-live="true"]')) {
        witness.video.push({ zone, t: realOrigin + meta.expectedDisplayTime, media: meta.mediaTime });
      }
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  };

  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      const target = m.target instanceof Element ? m.target : m.target.parentElement;
      for (const node of m.addedNodes) {
        if (node instanceof HTMLVideoElement) watchVideo(node);
        else if (node instanceof Element) node.querySelectorAll('video').forEach(watchVideo);
      }
      const zone = target?.closest('[data-zone-id]');
      if (!zone) continue;
      if (inFrame) check(zone, realOrigin + frameTime);
      else pending.add(zone);
    }
  });
  const marker = document.createElement('div');
  let markerWidth = 1;
  const frameEnd = new ResizeObserver(() => {
    inFrame = false;
  });
  const tick = (time: number) => {
    // A busy page skips frames: counted, so a reader can tell a late tile from a wrong clock.
    if (witness.frames.drawn > 0)
      witness.frames.missed += Math.max(0, Math.round((time - frameTime) / (1000 / 60)) - 1);
    witness.frames.drawn += 1;
    frameTime = time;
    inFrame = true;
    for (const zone of pending) check(zone, realOrigin + time);
    pending.clear();
    // Resized every frame, so the observer reports after this frame's callbacks, every frame.
    markerWidth = markerWidth === 1 ? 2 : 1;
    marker.style.width = `${markerWidth}px`;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const start = () => {
    marker.style.cssText = 'position:fixed;left:-10px;top:-10px;height:1px;width:1px;pointer-events:none';
    document.documentElement.appendChild(marker);
    frameEnd.observe(marker);
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-live'],
    });
  };
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
}
