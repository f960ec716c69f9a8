import { PlayerStatus, parseScreenTopic, topics } from '@baruga/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Bus } from '../messaging/bus';
import { decodePayload } from '../messaging/decode';
import type { Repositories } from '../db/repositories';

/** Follows players' retained status messages (and their last wills) into screen_presence. */
export async function followPresence(bus: Bus, repos: Repositories, log: FastifyBaseLogger): Promise<() => void> {
  return bus.subscribe(topics.allStatus, (topic, payload) => {
    const screen = parseScreenTopic(topic);
    if (!screen || payload.length === 0) return;
    const status = decodePayload(PlayerStatus, payload);
    if (!status.ok) {
      log.warn({ topic, issues: status.issues.length }, `status message ${status.problem}; ignored`);
      return;
    }
    repos.presence.record(screen.screenId, {
      connected: status.value.state === 'online',
      playerId: status.value.playerId,
      lastSeenAt: status.value.at,
      manifestVersion: status.value.manifestVersion ?? null,
    });
  });
}
