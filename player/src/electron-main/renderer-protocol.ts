import fs from 'node:fs/promises';
import path from 'node:path';
import { net, protocol } from 'electron';

/**
 * The Electron host serves the renderer from its own privileged, standard, secure scheme
 * (`baruga://app/player/`): a secure context whatever the controller's URL (plain http on a LAN
 * included), so the Service Worker, the Cache API and WebCrypto are there, and the renderer boots from
 * files inside the app with no network. The controller's HTTP API and content are proxied under the same
 * origin (`baruga://app/api/…`, `baruga://app/content/…`), so relative URLs work as when the controller
 * serves the page.
 */
export const RENDERER_SCHEME = 'baruga';
export const RENDERER_ORIGIN = `${RENDERER_SCHEME}://app`;

/** Before `app` is ready (Electron's rule for privileged schemes). */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: RENDERER_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        allowServiceWorkers: true,
        corsEnabled: true,
        // Video elements read ranges of cached assets as a stream.
        stream: true,
        codeCache: true,
      },
    },
  ]);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** After `app` is ready: files from `rendererDir` under /player/, the controller under /api/ and /content/. */
export function handleRendererScheme(rendererDir: string, controllerUrl: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(RENDERER_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return new Response('unknown host', { status: 404 });
    if (url.pathname.startsWith('/api/') || /^\/content\/[0-9a-f]{64}$/.test(url.pathname)) {
      return net.fetch(new URL(url.pathname + url.search, controllerUrl).toString(), {
        method: request.method,
        headers: request.headers,
        body: request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer(),
      });
    }
    if (!url.pathname.startsWith('/player/')) return new Response('not found', { status: 404 });
    const relative = decodeURIComponent(url.pathname.slice('/player/'.length)) || 'index.html';
    const file = path.resolve(root, relative);
    // Nothing outside the renderer's own files, whatever the path says.
    if (file !== root && !file.startsWith(root + path.sep)) return new Response('forbidden', { status: 403 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Cache-Control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
