import {
  type ControllerTime,
  Heartbeat,
  type ScreenDelivery,
  parseScreenTopic,
  screenHealth,
  topics,
} from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import type { Bus } from '../broker/bus';
import type { Repositories } from '../db/repositories/index';

/** Follows players' heartbeats into screen_heartbeats (the newest per screen). */
export async function followHeartbeats(
  bus: Bus,
  repos: Repositories,
  log: FastifyInstance['log'],
): Promise<() => void> {
  return bus.subscribe(topics.allHeartbeats, (topic, payload) => {
    const screen = parseScreenTopic(topic);
    if (!screen) return;
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      log.warn({ topic }, 'heartbeat is not JSON; ignored');
      return;
    }
    const heartbeat = Heartbeat.safeParse(json);
    if (!heartbeat.success || heartbeat.data.screenId !== screen.screenId) {
      log.warn({ topic }, 'heartbeat failed its schema or names another screen; ignored');
      return;
    }
    repos.heartbeats.record(heartbeat.data);
  });
}

/** What the console shows per screen: online, late or offline, the last heartbeat, the last screenshot. */
export async function telemetryRoutes(
  app: FastifyInstance,
  { repos, heartbeatIntervalS }: { repos: Repositories; heartbeatIntervalS: number },
) {
  app.get('/api/delivery/screens', async (): Promise<ScreenDelivery[]> => {
    const now = Date.now();
    const beats = new Map(repos.heartbeats.all().map((h) => [h.screenId, h]));
    return repos.screens.list().map((screen) => {
      const beat = beats.get(screen.id) ?? null;
      const presence = repos.presence.get(screen.id);
      const shot = repos.commands.latestScreenshot(screen.id);
      const received = beat ? Date.parse(beat.receivedAt) : null;
      // The last will (or a clean disconnect) says gone now, not merely late, unless a heartbeat arrived
      // since (another window of the same screen is still alive).
      const disconnected =
        presence !== null && !presence.connected && (received === null || now - received > heartbeatIntervalS * 1000);
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

  app.get('/api/player/time', async (_request, reply): Promise<ControllerTime> => {
    reply.header('Cache-Control', 'no-store');
    return { now: Date.now() };
  });
}
