import type { Manifest, ManifestKey, Rejection } from '@baruga/protocol';
import type { PlayerClock } from '../clock/player-clock';
import { recordRejected } from '../telemetry';
import { createAssetCache } from './asset-cache';
import { createCommands } from './command-actions';
import type { ControllerLink } from './controller-link';
import type { DeliveryView, ViewState } from './delivery-view';
import { createHeartbeat } from './heartbeat';
import { assetUrl, hostInfo } from './host-bridge';
import type { PlayerDb } from './idb';
import type { GateRejection } from './manifest-gate';
import { createManifestIntake } from './manifest-intake';
import type { OwnerScope } from './owner-scope';
import { createPlayReporting } from './play-reporting';
import type { PlayerStore } from './player-store';

export interface SessionEvents {
  onManifest(manifest: Manifest): void;
  onView(view: DeliveryView): void;
}

/** What every part of one screen's session shares. */
export interface SessionContext {
  screenId: string;
  secure: boolean;
  clock: PlayerClock;
  scope: OwnerScope;
  view: ViewState;
  events: SessionEvents;
}

/** The session's parts, wired to each other; the controller link joins once the boot manifest is on screen. */
export function assembleSession(
  s: SessionContext,
  stored: { db: PlayerDb; store: PlayerStore; playerId: string; key: ManifestKey | null },
) {
  const { screenId, secure, scope, view } = s;
  const { db, store, playerId } = stored;
  const timers = s.clock.timers;
  const cache = secure ? createAssetCache({ db, assetUrl }) : null;
  const parts: { link: ControllerLink | null } = { link: null };
  let lastRejection: Rejection | null = null;
  const report = (error: GateRejection) => {
    const at = new Date(timers.now()).toISOString();
    lastRejection = { code: error.code, message: error.message.slice(0, 500), at, version: error.version };
    recordRejected(`${error.code}: ${error.message}`);
    void heartbeat.send();
  };
  const intake = createManifestIntake({
    screenId,
    secure,
    key: stored.key,
    store,
    cache,
    timers,
    scope,
    view,
    report,
    onActive(manifest) {
      if (scope.disposed) return;
      s.events.onManifest(manifest);
      parts.link?.reportStatus({ manifestVersion: manifest.version });
      void heartbeat.send();
    },
  });
  const plays = createPlayReporting({
    db,
    screenId,
    playerId,
    timers,
    scope,
    session: globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`,
    active: () => {
      const active = intake.active();
      return active ? { types: active.types, version: active.manifest.version } : null;
    },
    publish: (payload) => parts.link?.sendEncoded('pop', payload) ?? false,
    onItem: (itemId) => parts.link?.reportStatus({ currentItemId: itemId }),
  });
  const link = () => parts.link;
  const heartbeat = createHeartbeat({
    playerId,
    screenId,
    timers,
    scope,
    link,
    intake,
    plays,
    cache,
    view,
    clock: () => s.clock.estimate(),
    lastRejection: () => lastRejection,
    host: hostInfo(),
  });
  const commands = createCommands({
    db,
    screenId,
    playerId,
    timers,
    scope,
    store,
    cache,
    intake,
    plays,
    view,
    link,
    onBlackout: () => void heartbeat.send(),
  });
  return Object.assign(parts, { intake, plays, heartbeat, commands });
}
