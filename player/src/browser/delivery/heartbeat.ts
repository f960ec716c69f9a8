import { ControllerTime } from '@baruga/protocol';

/**
 * Frames painted per second between two samples, counted with requestAnimationFrame: a player that
 * stutters or stalls shows it here before anyone on site notices.
 */
export function createFpsMeter(now: () => number) {
  let frames = 0;
  let since = now();
  let handle = 0;
  const tick = () => {
    frames++;
    handle = requestAnimationFrame(tick);
  };
  handle = requestAnimationFrame(tick);
  return {
    sample(): number | null {
      const t = now();
      const seconds = (t - since) / 1000;
      const fps = seconds > 0 ? Math.round((frames / seconds) * 10) / 10 : null;
      frames = 0;
      since = t;
      return fps === null ? null : Math.min(fps, 1000);
    },
    dispose: () => cancelAnimationFrame(handle),
  };
}

/**
 * The controller's clock minus ours, from `GET /api/player/time`: the sample with the shortest round trip
 * of the last few wins (its midpoint error is at most half that round trip).
 */
export function createClockOffset(deps: { url: string; now: () => number; fetch?: typeof fetch }) {
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const samples: { rtt: number; offset: number }[] = [];
  return {
    async measure(): Promise<void> {
      const sent = deps.now();
      const response = await doFetch(deps.url, { cache: 'no-store' });
      const received = deps.now();
      if (!response.ok) return;
      const time = ControllerTime.safeParse(await response.json());
      if (!time.success) return;
      samples.push({ rtt: received - sent, offset: time.data.now - (sent + received) / 2 });
      if (samples.length > 8) samples.shift();
    },
    offset(): number | null {
      if (samples.length === 0) return null;
      const best = samples.reduce((a, b) => (b.rtt < a.rtt ? b : a));
      return Math.round(best.offset);
    },
  };
}

/** The JS heap in use, where the browser says (Chromium's non-standard performance.memory). */
export function jsHeapBytes(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize?: unknown } }).memory;
  return typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : null;
}
