import type { Messaging } from '../messaging/messaging';
import type { Repositories } from '../db/repositories';

/**
 * When each screen was last heard going away (a last will, a clean disconnect, a revocation), on the
 * controller's clock: a screen gone after its newest heartbeat is offline now, not merely late.
 */
export type Departures = Map<string, number>;

export interface PresenceTracker {
  readonly departures: Departures;
  /** A screen's player is gone now (revoked): offline at once, as its last will would say. */
  gone(screenId: string, playerId: string): void;
}

/** Follows players' retained status messages (and their last wills) into screen_presence. */
export function followPresence(messaging: Messaging, repos: Repositories): PresenceTracker {
  const departures: Departures = new Map();
  messaging.on('status', (status, screenId) => {
    repos.presence.record(screenId, {
      connected: status.state === 'online',
      playerId: status.playerId,
      lastSeenAt: status.at,
      manifestVersion: status.manifestVersion ?? null,
    });
    if (status.state === 'offline') departures.set(screenId, Date.now());
  });
  return {
    departures,
    gone(screenId, playerId) {
      const at = new Date();
      repos.presence.record(screenId, {
        connected: false,
        playerId,
        lastSeenAt: at.toISOString(),
        manifestVersion: null,
      });
      departures.set(screenId, at.getTime());
    },
  };
}
