import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from './access';

const storage = new AsyncLocalStorage<FastifyRequest>();

/**
 * Who is acting in the work a request sets off, wherever it runs: the publisher learns who changed what a public
 * screen will show (approvals/approval-gate.ts) without every route that republishes passing it along. Entered in
 * preHandler, after the body is parsed: a body read from the socket would lose a context entered earlier.
 */
export function installRequestContext(app: FastifyInstance): void {
  app.addHook('preHandler', (request, _reply, done) => storage.run(request, done));
}

/** The actor of the request this code runs for; null outside a request (start-up, timers, MQTT handlers). */
export function currentActor(): Actor | null {
  return storage.getStore()?.actor ?? null;
}
