import { type RefObject, useEffect } from 'react';

/**
 * Video on the shared timeline: every player showing the same item plays the same frame at the same instant, because
 * where the clip should be is a function of the controller's clock and the instant its showing began, not of when
 * this player pressed play. A player that drifts is nudged with the playback rate; one more than a frame off seeks.
 */

/** Drift a rate nudge removes in about this long (so 20 ms of drift is a rate of 0.98 for a second). */
const CORRECT_OVER_S = 1;
/** Nudges stay within ±5 %: invisible in motion, and a decoder keeps up. */
const MAX_NUDGE = 0.05;
/** Below this, leave the rate at 1: timestamps themselves are this coarse. */
const DEADBAND_S = 0.002;
/** After a seek, let the decoder settle before judging the drift again. */
const SEEK_SETTLE_MS = 1_000;
/** Until a clip's own frame interval is seen: 30 frames per second. */
export const DEFAULT_FRAME_S = 1 / 30;

export type Correction = { kind: 'seek'; to: number } | { kind: 'rate'; rate: number };

/** Where the clip should be, in seconds, `elapsedMs` into its showing; a looping clip wraps, another one stops. */
export function targetTime(elapsedMs: number, duration: number, loop: boolean): number {
  const t = Math.max(0, elapsedMs / 1000);
  if (!(duration > 0) || !Number.isFinite(duration)) return t;
  return loop ? t % duration : Math.min(t, duration);
}

/** `a − b` the short way round a loop of `duration` seconds (a clip just past its end is just ahead of its start). */
export function loopDrift(a: number, b: number, duration: number, loop: boolean): number {
  const d = a - b;
  if (!loop || !(duration > 0) || !Number.isFinite(duration)) return d;
  return d - Math.round(d / duration) * duration;
}

/**
 * What to do about one presented frame: `mediaTime` is the frame on screen, `target` where the shared timeline
 * says it should be at the instant it is displayed. More than a frame off (and not just after a seek): seek to the
 * target plus what seeks have been taking. Otherwise a playback rate that closes the gap over a second.
 */
export function mediaCorrection(input: {
  mediaTime: number;
  target: number;
  duration: number;
  loop: boolean;
  frameS: number;
  msSinceSeek: number;
  seekLatencyS: number;
}): Correction {
  const drift = loopDrift(input.mediaTime, input.target, input.duration, input.loop);
  if (Math.abs(drift) > input.frameS && input.msSinceSeek > SEEK_SETTLE_MS) {
    const to = input.target + input.seekLatencyS;
    const duration = input.duration > 0 && Number.isFinite(input.duration) ? input.duration : Infinity;
    return { kind: 'seek', to: input.loop && duration !== Infinity ? to % duration : Math.min(to, duration) };
  }
  if (Math.abs(drift) < DEADBAND_S) return { kind: 'rate', rate: 1 };
  const nudge = Math.max(-MAX_NUDGE, Math.min(MAX_NUDGE, drift / CORRECT_OVER_S));
  return { kind: 'rate', rate: 1 - nudge };
}

/** What a sync loop reports, for tests and the benchmark: the last drift seen and how many seeks it took. */
export interface MediaSyncStats {
  driftS: number;
  seeks: number;
}

/**
 * Keeps the video in `ref` on the shared timeline while `active`: every presented frame (requestVideoFrameCallback)
 * is compared with where the clip should be at its display instant on the controller's clock (`now`), counted
 * from `startedAt`. Without `now` or `startedAt` (a plain screen with no clock, an older player) it does nothing.
 */
export function useMediaSync(
  ref: RefObject<HTMLVideoElement | null>,
  options: { now: (() => number) | undefined; startedAt: number | undefined; active: boolean; loop: boolean },
): void {
  const { now, startedAt, active, loop } = options;
  useEffect(() => {
    const video = ref.current;
    if (!video || !active || now === undefined || startedAt === undefined) return;
    if (typeof video.requestVideoFrameCallback !== 'function') return;
    const el = video;
    let handle = 0;
    let lastSeekAt = -Infinity;
    let seekStartedAt = 0;
    let seekLatencyS = 0.05;
    let frameS = DEFAULT_FRAME_S;
    let lastMediaTime: number | null = null;
    const stats: MediaSyncStats = { driftS: 0, seeks: 0 };
    // The controller's time at an instant of the performance timeline (a frame's display time).
    const controllerAt = (perfTime: number) => now() - (performance.now() - perfTime);
    const onSeeked = () => {
      // Seeks take what they take on this machine; aim that far ahead next time.
      const took = (performance.now() - seekStartedAt) / 1000;
      seekLatencyS = Math.min(0.5, 0.7 * seekLatencyS + 0.3 * took);
    };
    el.addEventListener('seeked', onSeeked);
    const seek = (to: number) => {
      seekStartedAt = performance.now();
      lastSeekAt = seekStartedAt;
      stats.seeks += 1;
      el.currentTime = to;
    };
    // Start where the timeline is: a player that switched a little late starts a little further in.
    const startAt = targetTime(now() - startedAt, el.duration, loop) + seekLatencyS;
    if (Math.abs(loopDrift(el.currentTime, startAt, el.duration, loop)) > frameS) seek(startAt);
    const onFrame: VideoFrameRequestCallback = (_time, meta) => {
      if (lastMediaTime !== null) {
        const step = meta.mediaTime - lastMediaTime;
        // A clip's frame interval, from consecutive frames (a seek or a loop jumps: ignored).
        if (step > 0.004 && step < 0.2) frameS = 0.9 * frameS + 0.1 * step;
      }
      lastMediaTime = meta.mediaTime;
      const target = targetTime(controllerAt(meta.expectedDisplayTime) - startedAt, el.duration, loop);
      stats.driftS = loopDrift(meta.mediaTime, target, el.duration, loop);
      const correction = mediaCorrection({
        mediaTime: meta.mediaTime,
        target,
        duration: el.duration,
        loop,
        frameS,
        msSinceSeek: performance.now() - lastSeekAt,
        seekLatencyS,
      });
      if (correction.kind === 'seek') seek(correction.to);
      else if (el.playbackRate !== correction.rate) el.playbackRate = correction.rate;
      el.dataset.syncDriftMs = (stats.driftS * 1000).toFixed(1);
      el.dataset.syncSeeks = String(stats.seeks);
      handle = el.requestVideoFrameCallback(onFrame);
    };
    handle = el.requestVideoFrameCallback(onFrame);
    return () => {
      el.cancelVideoFrameCallback(handle);
      el.removeEventListener('seeked', onSeeked);
      el.playbackRate = 1;
    };
  }, [ref, now, startedAt, active, loop]);
}
