import { type ControllerTime, type ScreenDelivery, screenHealth } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import type { Messaging } from '../messaging/messaging';
import type { Repositories } from '../db/repositories';
import type { Departures } from './presence';

/** Follows players' heartbeats into screen_heartbeats (the newest per screen). */
export function followHeartbeats(messaging: Messaging, repos: Repositories, log: FastifyInstance['log']): void {
  messaging.on('heartbeat', (heartbeat, screenId) => {
    if (heartbeat.screenId !== screenId) {
      log.warn({ screen: screenId }, 'heartbeat names another screen; ignored');
      return;
    }
    repos.heartbeats.record(heartbeat);
  });
}

/** What the console shows per screen: online, late or offline, the last heartbeat, the last screenshot. */
export async function telemetryRoutes(
  app: FastifyInstance,
  {
    repos,
    heartbeatIntervalS,
    departures,
  }: { repos: Repositories; heartbeatIntervalS: number; departures: Departures },
) {
  app.get('/api/delivery/screens', { config: { access: 'signed-in' } }, async (): Promise<ScreenDelivery[]> => {
    const now = Date.now();
    const beats = new Map(repos.heartbeats.all().map((h) => [h.screenId, h]));
    return repos.screens.list().map((screen) => {
      const beat = beats.get(screen.id) ?? null;
      const presence = repos.presence.get(screen.id);
      // The content library's garbage collector may have removed an old screenshot's blob meanwhile.
      const latest = repos.commands.latestScreenshot(screen.id);
      const shot = latest && repos.blobs.get(latest.sha256) ? latest : null;
      const received = beat ? Date.parse(beat.receivedAt) : null;
      // Gone now (last will, clean disconnect, revocation) unless a heartbeat arrived since: another window
      // of the same screen is still alive. Departures before a controller restart are not known: then a
      // heartbeat older than one interval decides.
      const departed = departures.get(screen.id);
      const disconnected =
        presence !== null &&
        !presence.connected &&
        (departed !== undefined
          ? received === null || departed >= received
          : received === null || now - received > heartbeatIntervalS * 1000);
      return {
        screenId: screen.id,
        health: screenHealth(received, now, heartbeatIntervalS, disconnected),
        lastHeartbeatAt: beat?.receivedAt ?? null,
        heartbeat: beat?.heartbeat ?? null,
        player: repos.players.ownerOf(screen.id),
        publishedVersion: repos.manifests.latestVersion(screen.id) || null,
        lastScreenshot: shot ? { ...shot, url: `/content/${shot.sha256}` } : null,
      };
    });
  });

  // The two controller instants of a player's clock exchange: when the request reached us and when the answer
  // left. Whatever happens between them is not counted as network delay (protocol ControllerTime).
  app.get('/api/player/time', { config: { access: 'public' } }, async (_request, reply): Promise<ControllerTime> => {
    const receivedAt = Date.now();
    reply.header('Cache-Control', 'no-store');
    const sentAt = Date.now();
    return { now: sentAt, receivedAt, sentAt };
  });
}
