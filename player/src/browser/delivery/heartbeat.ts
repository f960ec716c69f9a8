import { Heartbeat, type HostInfo, type Rejection } from '@baruga/protocol';
import type { ClockEstimate } from '../clock/clock-estimator';
import type { Timers } from '../clock/timers';
import type { AssetCache } from './asset-cache';
import type { ControllerLink } from './controller-link';
import type { ViewState } from './delivery-view';
import type { ManifestIntake } from './manifest-intake';
import type { OwnerScope } from './owner-scope';
import type { PlayReporting } from './play-reporting';

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

/** The JS heap in use, where the browser says (Chromium's non-standard performance.memory). */
export function jsHeapBytes(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize?: unknown } }).memory;
  return typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : null;
}

/**
 * The screen's heartbeat (docs/delivery.md, "Telemetry"): every interval, and at once after a refusal or a new
 * manifest, what the screen shows and how the player is: manifest, cache, memory, frames, its clock's offset to the
 * controller and that offset's error bound, its last refusal.
 */
export function createHeartbeat(deps: {
  playerId: string;
  screenId: string;
  timers: Timers;
  scope: OwnerScope;
  link: () => ControllerLink | null;
  intake: ManifestIntake;
  plays: PlayReporting;
  cache: AssetCache | null;
  view: ViewState;
  clock: () => ClockEstimate | null;
  lastRejection: () => Rejection | null;
  host: Promise<HostInfo>;
}) {
  const { intake, view } = deps;
  // Frames are counted on the local clock: a step of the controller-time estimate is not a stutter.
  const fps = createFpsMeter(() => performance.now());
  deps.scope.add(() => fps.dispose());
  let seq = 0;

  async function send(): Promise<void> {
    const link = deps.link();
    if (!link?.connected) return;
    const stale = intake.isStale();
    if (stale !== view.get().stale) view.set({ stale });
    document.body.dataset.manifestStale = String(stale);
    const active = intake.active()?.manifest ?? null;
    const usage = deps.cache ? await deps.cache.usage() : { usedBytes: 0, assets: 0, quotaBytes: null };
    const clock = deps.clock();
    const heartbeat = Heartbeat.safeParse({
      playerId: deps.playerId,
      screenId: deps.screenId,
      at: new Date(deps.timers.now()).toISOString(),
      seq: seq++,
      uptimeS: Math.round(performance.now() / 100) / 10,
      manifestVersion: active?.version ?? null,
      manifestExpiresAt: active?.expiresAt ?? null,
      stale,
      pendingVersion: view.get().pendingVersion,
      zones: deps.plays.zones().slice(0, 64),
      cache: usage,
      jsHeapBytes: jsHeapBytes(),
      fps: fps.sample(),
      clockOffsetMs: clock ? Math.round(clock.offsetMs) : null,
      clockErrorMs: clock ? Math.ceil(clock.errorMs) : null,
      blackout: view.get().blackout,
      host: await deps.host,
      lastRejection: deps.lastRejection(),
      popBacklog: await deps.plays.backlog(),
    });
    if (heartbeat.success) link.send('heartbeat', heartbeat.data);
  }
  return { send };
}
export type HeartbeatSender = ReturnType<typeof createHeartbeat>;
