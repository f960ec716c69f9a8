import { ErrorCode, type Result, err, ok } from '@baruga/protocol';
import type { Timers } from '../clock/timers';
import type { AssetCache } from './asset-cache';
import { createCommandRunner } from './command-runner';
import type { ControllerLink } from './controller-link';
import type { ViewState } from './delivery-view';
import { apiUrl, hostBridge } from './host-bridge';
import type { PlayerDb } from './idb';
import { base64urlBytes } from './manifest-gate';
import type { ManifestIntake } from './manifest-intake';
import type { OwnerScope } from './owner-scope';
import type { PlayReporting } from './play-reporting';
import type { PlayerStore } from './player-store';

/** The host captures the window; the PNG goes up against the command's id. */
async function screenshot(commandId: string): Promise<Result<string>> {
  const bridge = hostBridge();
  if (!bridge) return err({ code: ErrorCode.commandUnsupported, message: 'no host to take a screenshot' });
  const png = base64urlBytes((await bridge.screenshot()).replace(/\+/g, '-').replace(/\//g, '_'));
  const response = await fetch(apiUrl(`api/commands/${commandId}/screenshot`), {
    method: 'PUT',
    headers: { 'content-type': 'image/png' },
    body: png,
  });
  if (!response.ok) {
    return err({ code: ErrorCode.commandFailed, message: `screenshot upload: HTTP ${response.status}` });
  }
  return ok(`screenshot uploaded (${png.byteLength} bytes)`);
}

/**
 * Remote commands on this screen (docs/delivery.md, "Remote commands"): what each does here, run once each and
 * acknowledged by command-runner.ts.
 */
export function createCommands(deps: {
  db: PlayerDb;
  screenId: string;
  playerId: string;
  timers: Timers;
  scope: OwnerScope;
  store: PlayerStore;
  cache: AssetCache | null;
  intake: ManifestIntake;
  plays: PlayReporting;
  view: ViewState;
  link: () => ControllerLink | null;
  /** Blackout changed: the heartbeat says so at once. */
  onBlackout: () => void;
}) {
  const { screenId, store, cache, scope, view, timers } = deps;
  return createCommandRunner({
    db: deps.db,
    screenId,
    playerId: deps.playerId,
    now: timers.now,
    ack: (ack) => deps.link()?.sendConfirmed('acks', ack, 2000) ?? Promise.resolve(false),
    actions: {
      reload: () => void scope.later(300, () => window.location.reload()),
      screenshot,
      async blackout(on) {
        await store.setBlackout(screenId, on);
        view.set({ blackout: on });
        await (on ? deps.plays.pause() : deps.plays.resume());
        deps.onBlackout();
      },
      identify(seconds) {
        view.set({ identify: { until: timers.now() + seconds * 1000 } });
        scope.later(seconds * 1000, () => view.set({ identify: null }));
      },
      async clearCache() {
        if (!cache) return 'nothing cached: not a secure context';
        const others = await store.allNeeded(screenId);
        const everything = await cache.usage();
        const removed = await cache.evictExcept(others);
        const again = await cache.ensure(deps.intake.active()?.manifest.assets ?? []);
        void navigator.serviceWorker?.controller?.postMessage('refresh-shell');
        return `cleared ${removed.removed} of ${everything.assets} assets (${removed.bytes} bytes); ${
          again.ok ? `downloaded ${again.value.fetched} again` : `download failed: ${again.error.code}`
        }`;
      },
      restartHost: hostBridge() ? () => hostBridge()?.restart() ?? Promise.resolve() : null,
    },
  });
}
