import type { Timers } from '../clock/timers';
import { onShown } from '../telemetry';
import type { PlayerDb } from './idb';
import type { OwnerScope } from './owner-scope';
import { createPlayRecorder, createPlayUploader } from './proof-of-play';

const SEND_MS = 5_000;
const CHECKPOINT_MS = 5_000;

/**
 * Proof of play for one screen (docs/delivery.md): every item the renderer reports shown (telemetry's
 * `onShown`) is recorded with its type, zone and manifest version at the controller's time, checkpointed every
 * 5 s, closed when the page goes away, and sent in acknowledged batches.
 */
export function createPlayReporting(deps: {
  db: PlayerDb;
  screenId: string;
  playerId: string;
  /** This page's id: records a crashed page left open are told from this one's. */
  session: string;
  timers: Timers;
  scope: OwnerScope;
  /** The item types and version of the manifest on screen (item-types.ts); null before the first. */
  active: () => { types: ReadonlyMap<string, string>; version: number } | null;
  /** Sends a batch; false while offline. */
  publish: (payload: string) => boolean;
  /** An item reached the screen (the status names it). */
  onItem: (itemId: string) => void;
}) {
  const { db, screenId, playerId, timers, scope } = deps;
  const recorder = createPlayRecorder({ db, screenId, session: deps.session, now: timers.now });
  const uploader = createPlayUploader({ db, screenId, playerId, now: timers.now, publish: deps.publish });

  // Listening before the boot manifest goes on screen: its very first frame is a play too.
  scope.add(
    onShown((shown) => {
      if (scope.disposed) return;
      const active = deps.active();
      void recorder.shown({
        itemId: shown.itemId,
        itemType: active?.types.get(shown.itemId) ?? 'unknown',
        zoneId: shown.zoneId,
        manifestVersion: shown.manifestVersion || (active?.version ?? 1),
        // The frame was painted just now; records carry the controller's time, as the reports read them.
        at: timers.now(),
      });
      deps.onItem(shown.itemId);
    }),
  );
  const onPageHide = () => void recorder.closeAll();
  window.addEventListener('pagehide', onPageHide);
  scope.add(() => window.removeEventListener('pagehide', onPageHide));
  scope.every(SEND_MS, () => void uploader.send());
  scope.every(CHECKPOINT_MS, () => void recorder.checkpoint());

  return {
    /** What a crashed or reloaded page left open is closed now. */
    recover: () => recorder.recover(),
    /** Blackout: nothing visible, open records end. */
    pause: () => recorder.pause(),
    resume: () => recorder.resume(),
    zones: () => recorder.zones(),
    acknowledged: (ids: readonly string[]) => uploader.acknowledged(ids),
    reconnected: () => uploader.reconnected(),
    backlog: () => uploader.backlog(),
  };
}
export type PlayReporting = ReturnType<typeof createPlayReporting>;
