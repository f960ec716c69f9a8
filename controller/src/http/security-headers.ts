import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/**
 * The console: only its own scripts, styles and API; thumbnails and screenshots from /content; a player preview
 * in a frame of its own origin. Nothing may frame the console (clickjacking an approval or a blackout).
 */
export const CONSOLE_CSP = policy({
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'media-src': "'self' blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'frame-src': "'self'",
  'worker-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
});

/**
 * The player runs only its own scripts, but plays what operators point it at: HLS streams and web pages on any
 * host (command-centre cameras on the LAN, an agency's dashboard), an external broker's WebSocket, and hls.js's
 * worker and media from blob: URLs. So connections, media and frames stay open to http(s), and script-src does not.
 * A page of the same origin may frame it (the console's preview).
 */
export const PLAYER_CSP = policy({
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'media-src': "'self' blob: http: https:",
  'font-src': "'self' data:",
  'connect-src': "'self' ws: wss: http: https:",
  'frame-src': "'self' http: https:",
  'worker-src': "'self' blob:",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'none'",
  'frame-ancestors': "'self'",
});

/** API answers and content blobs are never documents to run or frame. */
export const DATA_CSP = policy({ 'default-src': "'none'", 'frame-ancestors': "'none'" });

/**
 * Security headers on every answer (@fastify/helmet: nosniff, no referrer, COOP, …), and per part of the site the
 * Content-Security-Policy and framing rule it needs. Content blobs may be read from other origins (a cache or CDN in
 * front of the controller); everything else is same-origin. HSTS only over HTTPS: sent over plain HTTP it would be
 * ignored, and a controller reached as http://10.x on a LAN must stay reachable.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: false,
    frameguard: false,
    strictTransportSecurity: false,
    crossOriginResourcePolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0] ?? '/';
    const player = path === '/player' || path.startsWith('/player/');
    const data = path.startsWith('/api/') || path.startsWith('/content/');
    reply.header('content-security-policy', data ? DATA_CSP : player ? PLAYER_CSP : CONSOLE_CSP);
    reply.header('x-frame-options', player ? 'SAMEORIGIN' : 'DENY');
    reply.header('cross-origin-resource-policy', path.startsWith('/content/') ? 'cross-origin' : 'same-origin');
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
    return payload;
  });
}
