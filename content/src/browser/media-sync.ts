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
 * from `startedAt`. Drift within a frame is nudged away with the playback rate; more than a frame off, the clip
 * seeks ahead and holds there until the timeline arrives (so a slow seek does not leave it behind again). Without
 * `now` or `startedAt` (a plain screen with no clock, an older player) it does nothing.
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
    let frame = 0;
    let lastSeekAt = -Infinity;
    let seekStartedAt = 0;
    let seekLatencyS = 0.1;
    let frameS = DEFAULT_FRAME_S;
    let lastMediaTime: number | null = null;
    /** Where a seek-and-hold parked the clip: it waits, paused there, until the timeline gets there. */
    let holding: number | null = null;
    const stats: MediaSyncStats = { driftS: 0, seeks: 0 };
    // The controller's time at an instant of the performance timeline (a frame's display time).
    const controllerAt = (perfTime: number) => now() - (performance.now() - perfTime);
    const targetAt = (controllerTime: number) => targetTime(controllerTime - startedAt, el.duration, loop);

    /**
     * Seeks ahead of the timeline by more than a seek takes here, and holds the clip there, paused, until the
     * timeline reaches it: however slow this machine decodes, the clip starts again on the shared instant.
     */
    const seekAndHold = (target: number) => {
      const lead = Math.min(2, Math.max(0.25, 2 * seekLatencyS));
      const duration = el.duration > 0 && Number.isFinite(el.duration) ? el.duration : Infinity;
      const to = loop && duration !== Infinity ? (target + lead) % duration : Math.min(target + lead, duration);
      holding = to;
      seekStartedAt = performance.now();
      lastSeekAt = seekStartedAt;
      stats.seeks += 1;
      el.pause();
      el.currentTime = to;
    };
    const resumeWhenDue = () => {
      cancelAnimationFrame(frame);
      const tick = (time: number) => {
        if (holding === null) return;
        // Play in the frame where the timeline reaches the parked position (or has passed it: a slow seek).
        if (loopDrift(holding, targetAt(controllerAt(time)), el.duration, loop) <= 0) {
          holding = null;
          void el.play().catch(() => undefined);
        } else frame = requestAnimationFrame(tick);
      };
      frame = requestAnimationFrame(tick);
    };
    const onSeeked = () => {
      // Seeks take what they take on this machine; park that far ahead next time.
      seekLatencyS = Math.min(1, Math.max(seekLatencyS * 0.5, (performance.now() - seekStartedAt) / 1000));
      if (holding !== null) resumeWhenDue();
    };
    el.addEventListener('seeked', onSeeked);

    // Start where the timeline is: a player that switched a little late starts a little further in.
    const start = targetAt(now());
    if (Math.abs(loopDrift(el.currentTime, start, el.duration, loop)) > frameS) seekAndHold(start);
    const onFrame: VideoFrameRequestCallback = (_time, meta) => {
      handle = el.requestVideoFrameCallback(onFrame);
      if (lastMediaTime !== null) {
        const step = meta.mediaTime - lastMediaTime;
        // A clip's frame interval, from consecutive frames (a seek or a loop jumps: ignored).
        if (step > 0.004 && step < 0.2) frameS = 0.9 * frameS + 0.1 * step;
      }
      lastMediaTime = meta.mediaTime;
      if (holding !== null) return;
      const target = targetAt(controllerAt(meta.expectedDisplayTime));
      stats.driftS = loopDrift(meta.mediaTime, target, el.duration, loop);
      const correction = mediaCorrection({
        mediaTime: meta.mediaTime,
        target,
        duration: el.duration,
        loop,
        frameS,
        msSinceSeek: performance.now() - lastSeekAt,
        seekLatencyS: 0,
      });
      if (correction.kind === 'seek') seekAndHold(target);
      else if (el.playbackRate !== correction.rate) el.playbackRate = correction.rate;
      el.dataset.syncDriftMs = (stats.driftS * 1000).toFixed(1);
      el.dataset.syncSeeks = String(stats.seeks);
    };
    handle = el.requestVideoFrameCallback(onFrame);
    return () => {
      el.cancelVideoFrameCallback(handle);
      cancelAnimationFrame(frame);
      el.removeEventListener('seeked', onSeeked);
      el.playbackRate = 1;
    };
  }, [ref, now, startedAt, active, loop]);
}
