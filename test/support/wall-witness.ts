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
 * in any other task is painted in the next. Either way it is painted in the frame whose rendering next runs the
 * ResizeObserver step, which comes after all frame callbacks. So when a zone changes, the witness resizes a hidden
 * marker in the same task, and stamps the change when the marker's ResizeObserver reports: at that point the frame
 * that paints it has begun, and its time is the one the witness's own frame callback (first in every frame: it was
 * registered first and re-registers first) last saw. The marker moves only when a zone changed, so a frame in which
 * nothing changes costs no style, layout or paint: the witness does not load the machine it measures.
 */
export interface WitnessOptions {
  skewMs: number;
  blockClockExchange: boolean;
}

export interface WallWitness {
  transitions: { zone: string; item: string | null; t: number }[];
  /** Animation frames this page drew, and 60 Hz frame slots it missed (a gap between two frames, less one). */
  frames: { drawn: number; missed: number };
  /** Every gap with a missed slot: the true times of the frames either side of it. */
  gaps: { from: number; to: number }[];
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

  const witness: WallWitness = { transitions: [], frames: { drawn: 0, missed: 0 }, gaps: [], video: [], realOrigin };
  window.__wallWitness = witness;
  const shown = new Map<string, string | null>();
  /** Zones changed since the marker last reported: the next report is in the frame that paints them. */
  const pending = new Set<Element>();
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
      // Resized once per batch, in the task that changed the zone: a second toggle before the report would undo it.
      if (pending.size === 0) {
        markerWidth = markerWidth === 1 ? 2 : 1;
        marker.style.width = `${markerWidth}px`;
      }
      pending.add(zone);
    }
  });
  const marker = document.createElement('div');
  let markerWidth = 1;
  const painted = new ResizeObserver(() => {
    // This frame paints every change made before this point; its time is the one the first frame callback saw.
    for (const zone of pending) check(zone, realOrigin + frameTime);
    pending.clear();
  });
  const tick = (time: number) => {
    // A busy page skips frames: counted, so a reader can tell a late tile from a wrong clock.
    if (witness.frames.drawn > 0) {
      const missed = Math.max(0, Math.round((time - frameTime) / (1000 / 60)) - 1);
      witness.frames.missed += missed;
      if (missed > 0) witness.gaps.push({ from: realOrigin + frameTime, to: realOrigin + time });
    }
    witness.frames.drawn += 1;
    frameTime = time;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const start = () => {
    marker.style.cssText = 'position:fixed;left:-10px;top:-10px;height:1px;width:1px;pointer-events:none';
    document.documentElement.appendChild(marker);
    painted.observe(marker);
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
