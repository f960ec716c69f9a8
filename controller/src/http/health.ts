import type { FastifyInstance } from 'fastify';
import type { Health } from '@baruga/protocol';
import { BARUGA_VERSION } from '../version';

export async function healthRoutes(app: FastifyInstance) {
  const startedAt = performance.now();
  app.get('/api/health', { config: { access: 'public' } }, async (): Promise<Health> => ({
    status: 'ok',
    version: BARUGA_VERSION,
    uptimeS: Math.round((performance.now() - startedAt) / 10) / 100,
  }));
}
