import { type PlayerStatus, topics } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import type { Bus } from '../messaging/bus';
import type { Repositories } from '../db/repositories';
import type { DeliveryConfig } from './player-settings';
import type { ManifestSigner } from '../publishing/manifest-signer';
import type { BlobStore } from '../library/blob-store';
import { commandRoutes, followCommands } from './commands';
import { enrollmentRoutes } from './enrollment-routes';
import { followProofOfPlay, proofOfPlayRoutes } from './proof-of-play';
import { type Departures, followHeartbeats, telemetryRoutes } from './telemetry';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Player delivery on the controller (docs/delivery.md): enrollment, telemetry, proof of play and remote
 * commands, as routes plus the MQTT followers that feed them. Returns the function that stops the followers.
 */
export async function installDelivery(
  app: FastifyInstance,
  opts: {
    repos: Repositories;
    bus: Bus;
    store: BlobStore;
    signer: ManifestSigner;
    config: DeliveryConfig;
    /** Closes a revoked player's broker connections (embedded broker only). */
    disconnectPlayer: (playerId: string) => void;
  },
): Promise<() => void> {
  const { repos, bus, config } = opts;
  const departures: Departures = new Map();

  /** A revoked player is cut off now, and its screens say so (retained, as its last will would). */
  const revoked = (playerId: string) => {
    opts.disconnectPlayer(playerId);
    for (const screenId of repos.players.screensOf(playerId)) {
      const status: PlayerStatus = { state: 'offline', playerId, at: new Date().toISOString() };
      bus.publishRetained(topics.status(screenId), JSON.stringify(status)).catch((error: unknown) => {
        app.log.warn({ err: error, screen: screenId }, 'offline status after revocation not published');
      });
    }
  };

  await app.register(enrollmentRoutes, { repos, signer: opts.signer, revoked });
  await app.register(telemetryRoutes, { repos, heartbeatIntervalS: config.heartbeatIntervalS, departures });
  await app.register(proofOfPlayRoutes, { repos });
  await app.register(commandRoutes, { repos, bus, store: opts.store });

  const stops = [
    await followHeartbeats(bus, repos, departures, app.log),
    await followProofOfPlay(bus, repos, app.log),
    await followCommands(bus, repos, app.log),
  ];

  // Proof of play is kept for a bounded time (three months by default, as peers do).
  const prune = () => {
    const removed = repos.proofOfPlay.pruneBefore(new Date(Date.now() - config.popRetentionDays * DAY_MS));
    if (removed > 0) app.log.info({ removed }, 'old proof-of-play records deleted');
  };
  prune();
  const pruning = setInterval(prune, DAY_MS / 4);
  pruning.unref();

  return () => {
    clearInterval(pruning);
    for (const stop of stops) stop();
  };
}
