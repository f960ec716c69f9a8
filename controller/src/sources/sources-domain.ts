import type { FastifyInstance } from 'fastify';
import type { Repositories } from '../db/repositories';
import type { Messaging } from '../messaging/messaging';
import { createSourceRunner } from './source-runner';
import { sourceRoutes } from './source-routes';

/**
 * Data sources on the controller (docs/data.md): routes, the runner that fetches each on its interval and sends its
 * feed to players;
 * `onChange` hears each fetch recorded. Returns what starts the timers (after the broker link is open) and what stops them.
 */
export async function installSources(
  app: FastifyInstance,
  opts: { repos: Repositories; messaging: Messaging; onChange?: () => void },
) {
  const sources = opts.repos.sources;
  const runner = createSourceRunner({
    sources,
    messaging: opts.messaging,
    log: app.log,
    ...(opts.onChange ? { onFetched: opts.onChange } : {}),
  });
  await app.register(sourceRoutes, { sources, runner });
  return { start: () => runner.start(), stop: () => runner.stop() };
}
