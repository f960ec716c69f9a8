import {
  type ControllerTime,
  DeliveryListQuery,
  type ScreenDelivery,
  TOTAL_COUNT_HEADER,
  screenHealth,
} from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import type { Messaging } from '../messaging/messaging';
import type { Repositories } from '../db/repositories';
import type { Departures } from './presence';
import { parseWith } from '../http/http-errors';

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

/**
 * What the console shows per screen: online, late or offline from its last heartbeat, what that heartbeat said,
 * and the last screenshot (the delivery list and the overview read these). One query for every screen's health,
 * then the details of the page asked for only (players/delivery-listing.ts): no query per row.
 */
export function deliveryPage(
  repos: Repositories,
  { heartbeatIntervalS, departures }: { heartbeatIntervalS: number; departures: Departures },
  query: Pick<DeliveryListQuery, 'q' | 'group' | 'sort' | 'health'> & { offset?: number; limit?: number } = {},
  now = Date.now(),
): { rows: ScreenDelivery[]; total: number } {
  const rows = repos.deliveryListing.rows(query).map((row) => {
    const received = row.receivedAt === null ? null : Date.parse(row.receivedAt);
    // Gone now (last will, clean disconnect, revocation) unless a heartbeat arrived since: another window
    // of the same screen is still alive. Departures before a controller restart are not known: then a
    // heartbeat older than one interval decides.
    const departed = departures.get(row.screenId);
    const disconnected =
      row.connected === false &&
      (departed !== undefined
        ? received === null || departed >= received
        : received === null || now - received > heartbeatIntervalS * 1000);
    return { row, health: screenHealth(received, now, heartbeatIntervalS, disconnected) };
  });
  const matching = query.health ? rows.filter((r) => r.health === query.health) : rows;
  const offset = query.offset ?? 0;
  const page = matching.slice(offset, offset + (query.limit ?? matching.length));
  const details = repos.deliveryListing.details(page.map((p) => p.row.screenId));
  return {
    total: matching.length,
    rows: page.map(({ row, health }) => {
      const more = details.get(row.screenId);
      const shot = more?.lastScreenshot ?? null;
      return {
        screenId: row.screenId,
        health,
        lastHeartbeatAt: row.receivedAt,
        heartbeat: more?.heartbeat ?? null,
        player: more?.player ?? null,
        publishedVersion: more?.publishedVersion || null,
        lastScreenshot: shot ? { ...shot, url: `/content/${shot.sha256}` } : null,
      };
    }),
  };
}

/** Every screen's delivery (the overview's). */
export const deliveryRows = (
  repos: Repositories,
  options: { heartbeatIntervalS: number; departures: Departures },
  now = Date.now(),
): ScreenDelivery[] => deliveryPage(repos, options, {}, now).rows;

export async function telemetryRoutes(
  app: FastifyInstance,
  {
    repos,
    heartbeatIntervalS,
    departures,
  }: { repos: Repositories; heartbeatIntervalS: number; departures: Departures },
) {
  // A bare array as before; the number of matching screens travels in X-Total-Count (docs/api.md, "Lists").
  app.get(
    '/api/delivery/screens',
    { config: { access: 'signed-in' } },
    async (request, reply): Promise<ScreenDelivery[]> => {
      const query = parseWith(DeliveryListQuery, request.query, 'query');
      const { rows, total } = deliveryPage(repos, { heartbeatIntervalS, departures }, query);
      reply.header(TOTAL_COUNT_HEADER, String(total));
      return rows;
    },
  );

  // The two controller instants of a player's clock exchange: when the request reached us and when the answer
  // left. Whatever happens between them is not counted as network delay (protocol ControllerTime).
  app.get('/api/player/time', { config: { access: 'public' } }, async (_request, reply): Promise<ControllerTime> => {
    const receivedAt = Date.now();
    reply.header('Cache-Control', 'no-store');
    const sentAt = Date.now();
    return { now: sentAt, receivedAt, sentAt };
  });
}
