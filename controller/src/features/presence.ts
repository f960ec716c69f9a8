import { PlayerStatus, parseScreenTopic, topics } from '@baruga/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Bus } from '../broker/bus';
import type { Repositories } from '../db/repositories/index';

/** Follows players' retained status messages (and their last wills) into screen_presence. */
export async function followPresence(bus: Bus, repos: Repositories, log: FastifyBaseLogger): Promise<() => void> {
  return bus.subscribe(topics.allStatus, (topic, payload) => {
    const screen = parseScreenTopic(topic);
    if (!screen || payload.length === 0) return;
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      log.warn({ topic }, 'status message is not JSON; ignored');
      return;
    }
    const status = PlayerStatus.safeParse(json);
    if (!status.success) {
      log.warn({ topic, issues: status.error.issues.length }, 'status message failed its schema; ignored');
      return;
    }
    repos.presence.record(screen.screenId, {
      connected: status.data.state === 'online',
      playerId: status.data.playerId,
      lastSeenAt: status.data.at,
      manifestVersion: status.data.manifestVersion ?? null,
    });
  });
}
