import type Hls from 'hls.js';
import type { ErrorData, HlsConfig } from 'hls.js';
import { type RefObject, useEffect, useRef } from 'react';

export interface HlsVideoOptions {
  /** The media URL: an MP4, or an HLS playlist when `hls` is true. */
  src: string;
  hls: boolean;
  /** A live stream: keep near the live edge, retry the network before giving up. */
  live?: boolean;
  lowLatency?: boolean;
  /** False while the player prepares the item out of sight: hold at the first frame. */
  active?: boolean;
  /** Once, when the first frame is decoded and can be shown. */
  onReady?: () => void;
  onError: (reason: string) => void;
}

/** Network retries before a live stream is reported as failed (hls.js has its own retries below this). */
const LIVE_NETWORK_RETRIES = 3;
const LIVE_RETRY_DELAY_MS = 2_000;

/**
 * Plays `src` in the video element the returned ref is attached to: an MP4 natively, HLS through hls.js (loaded on first use, so players
 * without video never download it). Everything is released on unmount or a new source: the hls.js
 * instance, its timers, and the decoder (src removed and `load()` called), since a player runs for months.
 */
export function useHlsVideo(options: HlsVideoOptions): RefObject<HTMLVideoElement | null> {
  const video = useRef<HTMLVideoElement>(null);
  const { src, hls: useHls, live = false, lowLatency = false, active = true } = options;
  // The latest callbacks without restarting playback when the parent passes new functions.
  const callbacks = useRef({ onError: options.onError, onReady: options.onReady });
  useEffect(() => {
    callbacks.current = { onError: options.onError, onReady: options.onReady };
  });
  const activeRef = useRef(active);

  useEffect(() => {
    activeRef.current = active;
    const element = video.current;
    if (!element) return;
    if (active)
      void element.play().catch(() => undefined); // autoplay is the host's policy; muted always starts
    else element.pause();
  }, [active]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let disposed = false;
    let reported = false;
    let ready = false;
    let instance: Hls | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const fail = (reason: string) => {
      if (disposed || reported) return;
      reported = true;
      callbacks.current.onError(reason);
    };
    const onMediaError = () => fail(`video ${src} could not be played (${element.error?.message || 'decode error'})`);
    const onLoaded = () => {
      if (disposed || ready) return;
      ready = true;
      callbacks.current.onReady?.();
    };
    const start = () => {
      if (activeRef.current) void element.play().catch(() => undefined);
    };
    element.addEventListener('loadeddata', onLoaded);

    if (!useHls) {
      element.addEventListener('error', onMediaError);
      element.src = src;
      start();
    } else {
      void import('hls.js').then(
        ({ default: HlsClass }) => {
          if (disposed) return;
          if (!HlsClass.isSupported()) {
            fail('this browser cannot play HLS (no Media Source Extensions)');
            return;
          }
          const config: Partial<HlsConfig> = live
            ? { lowLatencyMode: lowLatency, liveDurationInfinity: true, backBufferLength: 30 }
            : { lowLatencyMode: false, backBufferLength: 30 };
          const hls = new HlsClass(config);
          instance = hls;
          let networkRetries = 0;
          hls.on(HlsClass.Events.ERROR, (_event, data: ErrorData) => {
            if (!data.fatal) return;
            if (data.type === HlsClass.ErrorTypes.NETWORK_ERROR && live && networkRetries < LIVE_NETWORK_RETRIES) {
              networkRetries += 1;
              retryTimer = setTimeout(() => hls.startLoad(), LIVE_RETRY_DELAY_MS);
              return;
            }
            if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR && networkRetries === 0) {
              networkRetries += 1;
              hls.recoverMediaError();
              return;
            }
            fail(`stream ${src} failed: ${data.details}`);
          });
          hls.on(HlsClass.Events.FRAG_LOADED, () => {
            networkRetries = 0;
          });
          hls.loadSource(src);
          hls.attachMedia(element);
          start();
        },
        () => fail('the HLS player could not be loaded'),
      );
    }

    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      element.removeEventListener('error', onMediaError);
      element.removeEventListener('loadeddata', onLoaded);
      instance?.destroy();
      element.pause();
      element.removeAttribute('src');
      element.load();
    };
  }, [src, useHls, live, lowLatency]);
  return video;
}
