import { type AlertNotice, type Decoded, ScreenAlerts } from '@baruga/protocol';
import type { Timers } from '../clock/timers';
import { type PlayerDb, STORES } from './idb';
import type { OwnerScope } from './owner-scope';

const alertsKey = (screenId: string) => `alerts:${screenId}`;

/**
 * The emergency notices on one screen (docs/alerts.md): the retained set the controller sends, less those past
 * their expiry on this player's clock (an offline player does not keep an old alert up), kept in IndexedDB so a
 * reboot without the network still shows an alert that is in force. The renderer shows the first, and calls
 * `painted` from its first frame; each notice is acknowledged once.
 */
export function createAlertIntake(deps: {
  screenId: string;
  db: PlayerDb;
  timers: Timers;
  scope: OwnerScope;
  onNotices(notices: AlertNotice[]): void;
  /** Publishes an acknowledgement (QoS 0); false while offline, and it is sent again on reconnection. */
  acknowledge(alertId: string, shownAt: string): boolean;
}) {
  const { screenId, db, timers, scope } = deps;
  let notices: AlertNotice[] = [];
  let cancelExpiry: () => void = () => undefined;
  /** Each notice painted, and when. */
  const acked = new Map<string, string>();
  const unsent = new Map<string, string>();
  scope.add(() => cancelExpiry());

  function apply(all: AlertNotice[]): void {
    const now = timers.now();
    notices = all.filter((n) => Date.parse(n.expiresAt) > now);
    deps.onNotices(notices);
    cancelExpiry();
    const next = Math.min(...notices.map((n) => Date.parse(n.expiresAt)));
    if (Number.isFinite(next) && !scope.disposed) cancelExpiry = timers.at(next, () => apply(notices));
  }

  return {
    /** At start: the notices stored before a reboot, if any are still in force. */
    async boot(): Promise<void> {
      const stored = ScreenAlerts.safeParse(await db.get<unknown>(STORES.kv, alertsKey(screenId)));
      if (!scope.disposed && stored.success) apply(stored.data.alerts);
    },
    receive(decoded: Decoded<ScreenAlerts>): void {
      if (!decoded.ok) return;
      apply(decoded.value.alerts);
      void db.put(STORES.kv, decoded.value, alertsKey(screenId));
    },
    /** The renderer painted this notice: acknowledge it, once. */
    painted(alertId: string): void {
      if (acked.has(alertId)) return;
      const shownAt = new Date(timers.now()).toISOString();
      acked.set(alertId, shownAt);
      if (!deps.acknowledge(alertId, shownAt)) unsent.set(alertId, shownAt);
    },
    /**
     * Back online: acknowledgements that could not be sent go now, and those of the notices in force go again. They
     * travel at QoS 0, so one sent just before the connection dropped may be lost; the controller keeps each
     * screen's first.
     */
    reconnected(): void {
      const inForce = new Set(notices.map((n) => n.id));
      for (const [id, shownAt] of acked) {
        if (!unsent.has(id) && !inForce.has(id)) continue;
        if (deps.acknowledge(id, shownAt)) unsent.delete(id);
        else unsent.set(id, shownAt);
      }
    },
    current: () => notices,
  };
}
export type AlertIntake = ReturnType<typeof createAlertIntake>;
