import fs from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The operator console at `/` and the player renderer at `/player/`, both built by Vite.
 * Hashed asset files are immutable; the HTML entry points must always be revalidated.
 */
export async function staticApps(
  app: FastifyInstance,
  { consoleDir, playerDir }: { consoleDir: string; playerDir: string },
) {
  const setHeaders = (reply: FastifyReply, file: string) => {
    reply.header('Cache-Control', /[/\\]assets[/\\]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
  for (const [dir, prefix, name] of [
    [consoleDir, '/', 'console'],
    [playerDir, '/player/', 'player'],
  ] as const) {
    if (!fs.existsSync(dir)) {
      app.log.warn(`${name} build not found at ${dir}; run "npm run build"`);
      app.get(prefix === '/' ? '/' : `${prefix}*`, async (_req, reply) =>
        reply.status(503).type('text/plain').send(`The ${name} is not built. Run: npm run build`),
      );
      continue;
    }
    await app.register(fastifyStatic, {
      root: dir,
      prefix,
      decorateReply: false,
      cacheControl: false,
      setHeaders,
      index: ['index.html'],
    });
  }
}
