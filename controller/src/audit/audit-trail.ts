import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Repositories } from '../db/repositories';
import type { Actor } from '../http/access';

/** Actions whose failures are recorded too: a refused sign-in is a security event, a 400 elsewhere is not. */
const FAILURES_RECORDED = new Set(['session.sign-in']);

function targetOf(request: FastifyRequest): string | null {
  const params = request.params as Record<string, unknown> | undefined;
  const body = request.body as Record<string, unknown> | undefined;
  const named = body && typeof body === 'object' ? [body.id, body.username] : [];
  for (const value of [params?.id, params?.uploadId, ...named]) {
    if (typeof value === 'string' && value.length <= 128) return value;
  }
  return null;
}

/**
 * Every route that names an `action` (all state-changing routes must, http/access.ts) is recorded once it has
 * answered: who (the actor), what, on which target, with which outcome. Bodies are never recorded (they carry
 * passwords and secrets); the path parameters are.
 */
export function installAuditTrail(app: FastifyInstance, { repos }: { repos: Repositories }): void {
  app.addHook('onResponse', async (request, reply) => {
    const action = request.routeOptions.config.action;
    if (!action) return;
    if (reply.statusCode >= 400 && !FAILURES_RECORDED.has(action)) return;
    const actor: Actor = request.actor ?? { kind: 'anonymous', address: request.ip };
    try {
      repos.audit.append({
        actor,
        action,
        target: targetOf(request),
        outcome: reply.statusCode,
        detail: { method: request.method, route: request.routeOptions.url ?? '', params: request.params ?? {} },
      });
    } catch (error) {
      request.log.error({ err: error, action }, 'audit entry not written');
    }
  });
}
