import type { ScreenDelivery } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import type { Messaging } from '../messaging/messaging';
import type { Repositories } from '../db/repositories';
import type { DeliveryConfig } from './player-settings';
import type { ManifestSigner } from '../publishing/manifest-signer';
import type { BlobStore } from '../library/blob-store';
import { commandRoutes, followCommands } from './commands';
import { enrollmentRoutes } from './enrollment-routes';
import { followPresence } from './presence';
import { followProofOfPlay, proofOfPlayRoutes } from './proof-of-play';
import { deliveryRows, followHeartbeats, telemetryRoutes } from './telemetry';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Players on the controller (docs/delivery.md): enrollment, presence and telemetry, proof of play and remote
 * commands, as routes plus the message handlers that feed them (registered on `messaging` before it opens).
 * Returns the function that stops its timers, and the per-screen delivery rows other domains read.
 */
export async function installPlayers(
  app: FastifyInstance,
  opts: {
    repos: Repositories;
    messaging: Messaging;
    store: BlobStore;
    signer: ManifestSigner;
    config: DeliveryConfig;
    /** Closes a revoked player's broker connections (embedded broker only). */
    disconnectPlayer: (playerId: string) => void;
  },
): Promise<{ stop: () => void; delivery: () => ScreenDelivery[] }> {
  const { repos, messaging, config } = opts;
  const presence = followPresence(messaging, repos, app.log);
  followHeartbeats(messaging, repos, app.log);
  followProofOfPlay(messaging, repos, app.log);
  followCommands(messaging, repos, app.log);

  /** A revoked player is cut off now, and its screens say so: offline at once, its retained status removed. */
  const revoked = (playerId: string) => {
    opts.disconnectPlayer(playerId);
    for (const screenId of repos.players.screensOf(playerId)) {
      presence.gone(screenId, playerId);
      messaging.clearRetained('status', screenId).catch((error: unknown) => {
        app.log.warn({ err: error, screen: screenId }, 'retained status after revocation not cleared');
      });
    }
  };

  await app.register(enrollmentRoutes, { repos, signer: opts.signer, revoked });
  await app.register(telemetryRoutes, {
    repos,
    heartbeatIntervalS: config.heartbeatIntervalS,
    departures: presence.departures,
  });
  await app.register(proofOfPlayRoutes, { repos });
  await app.register(commandRoutes, { repos, messaging, store: opts.store });

  // Proof of play is kept for a bounded time (three months by default, as peers do).
  const prune = () => {
    const removed = repos.proofOfPlay.pruneBefore(new Date(Date.now() - config.popRetentionDays * DAY_MS));
    if (removed > 0) app.log.info({ removed }, 'old proof-of-play records deleted');
  };
  prune();
  const pruning = setInterval(prune, DAY_MS / 4);
  pruning.unref();

  return {
    stop: () => clearInterval(pruning),
    delivery: () =>
      deliveryRows(repos, { heartbeatIntervalS: config.heartbeatIntervalS, departures: presence.departures }),
  };
}
