import { ErrorCode, type PlayerConfig } from '@baruga/protocol';
import type { ClockEstimate } from '../clock/clock-estimator';
import { createPlayerClock } from '../clock/player-clock';
import { httpTimeExchange } from '../clock/time-exchange';
import { type Timers, realTimers } from '../clock/timers';
import { playerId as anonymousPlayerId } from '../connection';
import { recordRejected } from '../telemetry';
import { createControllerLink } from './controller-link';
import { INITIAL_VIEW, createViewState } from './delivery-view';
import { apiUrl } from './host-bridge';
import { openPlayerDb } from './idb';
import { createOwnerScope } from './owner-scope';
import { createPlayerStore } from './player-store';
import { type SessionContext, type SessionEvents, assembleSession } from './assemble-session';

/** What a screen's session gives the renderer: the clock to play by, and its end. */
export interface PlayerSession {
  /** Owner-scoped timers on the controller's clock (clock/player-clock.ts): the renderer plays by them. */
  readonly timers: Timers;
  /** The clock's offset to the controller and its error bound; null before the first exchange. */
  clock(): ClockEstimate | null;
  dispose(): void;
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

async function run(s: SessionContext): Promise<void> {
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
  const parts = assembleSession(s, {
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
