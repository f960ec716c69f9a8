import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Repositories } from '../db/repositories';
import type { Actor } from '../http/access';

declare module 'fastify' {
  interface FastifyRequest {
    /** What a handler adds to its audit entry (an approval's hash, the version it published); never a body. */
    auditDetail: Record<string, unknown> | null;
  }
}

/**
 * Which refusals are recorded: a refused sign-in is a security event (a 429 only when that failure started a
 * lock, or a locked-out guesser would write one entry per guess), and so is a signed-in operator refused by their
 * role or a cross-site request refused (403). A 400 or 404 is a mistake, not an event; an anonymous 401 is noise an
 * attacker could make at will.
 */
function recordsRefusal(request: FastifyRequest, action: string, status: number): boolean {
  if (action === 'session.sign-in') return status !== 429 || request.auditDetail?.lockedForS !== undefined;
  return status === 403;
}

function targetOf(request: FastifyRequest): string | null {
  const params = request.params as Record<string, unknown> | undefined;
  const body = request.body as Record<string, unknown> | undefined;
  const named = body && typeof body === 'object' ? [body.id, body.username] : [];
  for (const value of [params?.id, params?.uploadId, params?.username, ...named]) {
    if (typeof value === 'string' && value.length <= 128) return value;
  }
  return null;
}

/**
 * Every route that names an `action` (all state-changing routes must, http/access.ts) is recorded once it has
 * answered: who (the actor), what, on which target, with which outcome. Bodies are never recorded (they carry
 * passwords and secrets); the path parameters are, and what the handler put in `request.auditDetail`.
 */
export function installAuditTrail(app: FastifyInstance, { repos }: { repos: Repositories }): void {
  app.decorateRequest('auditDetail', null);
  app.addHook('onResponse', async (request, reply) => {
    const action = request.routeOptions.config.action;
    if (!action) return;
    if (reply.statusCode >= 400 && !recordsRefusal(request, action, reply.statusCode)) return;
    const actor: Actor = request.actor ?? { kind: 'anonymous', address: request.ip };
    try {
      repos.audit.append({
        actor,
        action,
        target: targetOf(request),
        outcome: reply.statusCode,
        detail: {
          method: request.method,
          route: request.routeOptions.url ?? '',
          params: request.params ?? {},
          ...(request.user?.via === 'token' ? { via: 'token' } : {}),
          ...request.auditDetail,
        },
      });
    } catch (error) {
      request.log.error({ err: error, action }, 'audit entry not written');
    }
  });
}
