import type { FastifyBaseLogger } from 'fastify';
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

/**
 * Follows players' retained status messages (and their last wills) into screen_presence, keeping the newest
 * connection's word: after a power cut a player may give up on a connection attempt the broker later accepts
 * and then drops, and the broker publishes that attempt's will after the live connection said "online". The
 * will carries its attempt's `connectionSeq`, lower than the live one's, and is ignored.
 */
export function followPresence(messaging: Messaging, repos: Repositories, log?: FastifyBaseLogger): PresenceTracker {
  const departures: Departures = new Map();
  messaging.on('status', (status, screenId) => {
    const stored = repos.presence.record(screenId, {
      connected: status.state === 'online',
      playerId: status.playerId,
      lastSeenAt: status.at,
      manifestVersion: status.manifestVersion ?? null,
      connectionSeq: status.connectionSeq ?? null,
    });
    if (!stored) {
      log?.debug({ screen: screenId, connection: status.connectionSeq }, 'status of a superseded connection ignored');
      return;
    }
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
