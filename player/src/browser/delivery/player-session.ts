import { ErrorCode, type Manifest, type ManifestKey, type PlayerConfig, type Rejection } from '@baruga/protocol';
import type { ClockEstimate } from '../clock/clock-estimator';
import { type PlayerClock, createPlayerClock } from '../clock/player-clock';
import { httpTimeExchange } from '../clock/time-exchange';
import { type Timers, realTimers } from '../clock/timers';
import { playerId as anonymousPlayerId } from '../connection';
import { recordRejected } from '../telemetry';
import { createAssetCache } from './asset-cache';
import { createCommands } from './command-actions';
import { type ControllerLink, createControllerLink } from './controller-link';
import { type DeliveryView, INITIAL_VIEW, type ViewState, createViewState } from './delivery-view';
import { createHeartbeat } from './heartbeat';
import { apiUrl, assetUrl, hostInfo } from './host-bridge';
import { type PlayerDb, openPlayerDb } from './idb';
import type { GateRejection } from './manifest-gate';
import { createManifestIntake } from './manifest-intake';
import { type OwnerScope, createOwnerScope } from './owner-scope';
import { createPlayReporting } from './play-reporting';
import { type PlayerStore, createPlayerStore } from './player-store';

/** What a screen's session gives the renderer: the clock to play by, and its end. */
export interface PlayerSession {
  /** Owner-scoped timers on the controller's clock (clock/player-clock.ts): the renderer plays by them. */
  readonly timers: Timers;
  /** The clock's offset to the controller and its error bound; null before the first exchange. */
  clock(): ClockEstimate | null;
  dispose(): void;
}

export interface SessionEvents {
  onManifest(manifest: Manifest): void;
  onView(view: DeliveryView): void;
}

/**
 * One screen's player session (docs/delivery.md): a clock synchronised with the controller, then, from what the
 * player has (IndexedDB, the Cache API) before it asks the network for anything, manifest intake, the controller
 * link, commands, heartbeat and proof of play, each its own module, all disposed with the session. A feed or wall
 * sync subscriber joins here.
 */
export function startPlayerSession(screenId: string, events: SessionEvents, local: Timers = realTimers): PlayerSession {
  const secure = window.isSecureContext && !!globalThis.crypto?.subtle && typeof caches !== 'undefined';
  const clock = createPlayerClock({ local, exchange: httpTimeExchange(apiUrl('api/player/time')) });
  const scope = createOwnerScope(clock.timers);
  scope.add(() => clock.dispose());
  const view = createViewState({ ...INITIAL_VIEW, problem: secure ? null : 'insecure' }, (v) => {
    if (!scope.disposed) events.onView(v);
  });
  void run({ screenId, secure, clock, scope, view, events }).catch((error: unknown) => {
    recordRejected(`${ErrorCode.internal}: delivery failed to start: ${String(error)}`);
  });
  return { timers: clock.timers, clock: () => clock.estimate(), dispose: () => scope.dispose() };
}

interface SessionParts {
  screenId: string;
  secure: boolean;
  clock: PlayerClock;
  scope: OwnerScope;
  view: ViewState;
  events: SessionEvents;
}

async function run(s: SessionParts): Promise<void> {
  const { screenId, secure, scope, view } = s;
  // Marks for the cold-start benchmark (bench/delivery): delivery started, manifest from cache ready.
  performance.mark('baruga:delivery-start');
  const db = await openPlayerDb();
  scope.add(() => db.close());
  if (scope.disposed) return;
  const store = createPlayerStore(db);
  const [enrollment, pinned, blackout, saved] = await Promise.all([
    store.enrollment(),
    store.pinnedKey(),
    store.blackout(screenId),
    store.savedManifest(screenId),
  ]);
  const enrolled =
    enrollment?.state === 'active' && enrollment.screens.some((x) => x.id === screenId) ? enrollment : null;
  const parts = assemble(s, {
    db,
    store,
    playerId: enrolled?.playerId ?? anonymousPlayerId(),
    key: enrolled?.manifestKey ?? pinned,
  });
  const { intake, plays, heartbeat, commands } = parts;

  // A blacked-out screen stays black across a reboot until an operator restores it.
  view.set({ blackout });
  if (blackout) void plays.pause();
  // Boot: the last good manifest, verified again, before any network.
  await intake.boot(saved);
  if (scope.disposed) return;
  // What a crashed or reloaded page left open is closed now, after the screen has content again.
  await plays.recover();

  let heartbeatEvery: number | null = null;
  parts.link = createControllerLink({
    screenId,
    enrolled,
    scope,
    store,
    view,
    async onConfig(config: PlayerConfig) {
      await intake.offerKey(config.manifestKey);
      if (heartbeatEvery !== null) return;
      heartbeatEvery = config.heartbeatIntervalS * 1000;
      scope.every(heartbeatEvery, () => void heartbeat.send());
    },
    onOnline() {
      void plays.reconnected();
      void heartbeat.send();
      const active = intake.active();
      if (active) parts.link?.reportStatus({ manifestVersion: active.manifest.version });
    },
    handlers: {
      manifest: (decoded, payload) => intake.receive(decoded, payload),
      popAck: (decoded) => void (decoded.ok && plays.acknowledged(decoded.value.ids)),
      commands: (decoded) => void (decoded.ok && commands.handle(decoded.value)),
      playerCommands: (decoded) => void (decoded.ok && commands.handle(decoded.value)),
    },
  });
  if (secure) void navigator.storage?.persist?.().catch(() => false);
}

/** The session's parts, wired to each other; the controller link joins once the boot manifest is on screen. */
function assemble(
  s: SessionParts,
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
