import { type Changes, ChangesQuery, ErrorCode } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { parseWith } from '../http/http-errors';
import type { Messaging } from '../messaging/messaging';
import { type ChangeFeed, topicOfAction } from './change-feed';

/**
 * Moves the change counter on every successful write: the action each route names (http/access.ts) says what kind
 * of thing changed. Installed on the root instance before the routes, as the audit trail is.
 */
export function installChangeHooks(app: FastifyInstance, feed: ChangeFeed): void {
  app.addHook('onResponse', async (request, reply) => {
    const action = request.routeOptions.config.action;
    if (!action || reply.statusCode >= 400) return;
    const topic = topicOfAction(action);
    if (topic) feed.bump(topic);
    // A manual alert may be held for a second person (alerts/alert-routes.ts): the queue may have changed too.
    if (action === 'alert.create') feed.bump('approvals');
  });
  // A publish to a public screen is refused while it waits for a second person, and that refusal is what puts a
  // new request in the approval queue (approvals/approval-gate.ts): the queue changed though the write failed.
  app.addHook('onError', async (_request, _reply, error) => {
    if ((error as { code?: unknown }).code === ErrorCode.approvalRequired) feed.bump('approvals');
  });
  app.addHook('preClose', async () => feed.release());
}

/**
 * Moves it on what players report, after the domains that store those reports have registered their handlers
 * (handlers run in order): a page that asks again reads what was just stored.
 */
export function followChanges(messaging: Messaging, feed: ChangeFeed): void {
  messaging.on('heartbeat', () => feed.bump('delivery'));
  messaging.on('status', () => feed.bump('delivery'));
  messaging.on('acks', () => feed.bump('delivery'));
  messaging.on('pop', () => feed.bump('plays'));
}

/** `GET /api/changes`: the console's live updates over plain HTTP, as a long poll. */
export async function changeRoutes(app: FastifyInstance, { feed }: { feed: ChangeFeed }) {
  app.get('/api/changes', { config: { access: 'signed-in' } }, async (request, reply): Promise<Changes> => {
    const query = parseWith(ChangesQuery, request.query, 'query');
    reply.header('Cache-Control', 'no-store');
    return feed.wait(query.after, query.waitMs);
  });
}
