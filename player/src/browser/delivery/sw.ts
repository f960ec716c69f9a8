/**
 * The player's Service Worker (built to /player/sw.js by vite.config.ts). Offline first:
 * - the app shell (index.html and the hashed build files listed in precache.json) is cached at install,
 *   served network-first for the page itself (a new build arrives on the next load) and cache-first for
 *   hashed files, so the player boots with the controller gone, after a reload or a reboot;
 * - `/content/<sha256>` is answered from the verified asset cache that delivery/asset-cache.ts fills,
 *   with Range support for video; the Service Worker itself never stores an unverified asset.
 * It imports nothing, so the build emits it as one self-contained file.
 */

interface SwExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwFetchEvent extends SwExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface SwMessageEvent extends SwExtendableEvent {
  readonly data: unknown;
}
interface SwScope {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: SwExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: SwMessageEvent) => void): void;
}
// The worker's global scope; the DOM typings this package compiles with know only `Window`.
const sw = self as unknown as SwScope;

// Kept in step with asset-cache.ts (a Service Worker file imports nothing).
const ASSET_CACHE = 'baruga-assets-v1';
const SHELL_CACHE = 'baruga-shell-v1';
const CONTENT_PATH = /\/content\/[0-9a-f]{64}$/;
/** How long the page itself may take from the network before the cached copy is served. */
const NAVIGATION_TIMEOUT_MS = 2500;

const scope = new URL(sw.registration.scope);
const shellUrl = (file: string) => new URL(file, scope).toString();
const INDEX = shellUrl('index.html');

async function precache(): Promise<void> {
  const response = await fetch(shellUrl('precache.json'), { cache: 'no-store' });
  if (!response.ok) throw new Error(`precache.json: HTTP ${response.status}`);
  const list = (await response.json()) as { files?: unknown };
  const files = Array.isArray(list.files) ? list.files.filter((f): f is string => typeof f === 'string') : [];
  const cache = await caches.open(SHELL_CACHE);
  const wanted = new Set(files.map(shellUrl));
  for (const url of wanted) {
    if (!(await cache.match(url))) await cache.add(new Request(url, { cache: 'no-store' }));
  }
  // Files of older builds go; the page being shown keeps its own in memory.
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
}

sw.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(sw.clients.claim());
});

sw.addEventListener('message', (event) => {
  // Sent by the page after each successful start: pick up a new build's files while online.
  if (event.data === 'refresh-shell') event.waitUntil(precache().catch(() => undefined));
});

async function navigation(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), NAVIGATION_TIMEOUT_MS)),
    ]);
    if (response.ok) {
      await cache.put(INDEX, response.clone());
      return response;
    }
    return (await cache.match(INDEX)) ?? response;
  } catch {
    const cached = await cache.match(INDEX);
    if (cached) return cached;
    return new Response('Baruga player: offline and not cached yet', { status: 503 });
  }
}

async function shellFile(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** A byte range of a cached asset, as a 206 (video elements ask for ranges). */
async function ranged(cached: Response, range: string): Promise<Response> {
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  const body = await cached.blob();
  const size = body.size;
  if (!match) return cached;
  let start = match[1] ? Number(match[1]) : NaN;
  let end = match[2] ? Number(match[2]) : size - 1;
  if (Number.isNaN(start)) {
    start = Math.max(0, size - end);
    end = size - 1;
  }
  end = Math.min(end, size - 1);
  if (start > end || start >= size) {
    return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
  }
  const headers = new Headers(cached.headers);
  headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
  headers.set('Content-Length', String(end - start + 1));
  headers.set('Accept-Ranges', 'bytes');
  return new Response(body.slice(start, end + 1), { status: 206, headers });
}

async function content(request: Request): Promise<Response> {
  const cache = await caches.open(ASSET_CACHE);
  const cached = await cache.match(request.url);
  if (!cached) return fetch(request);
  const range = request.headers.get('Range');
  return range ? ranged(cached, range) : cached;
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  if (CONTENT_PATH.test(url.pathname)) return event.respondWith(content(request));
  if (!url.pathname.startsWith(scope.pathname)) return;
  if (request.mode === 'navigate') return event.respondWith(navigation(request));
  if (url.pathname.startsWith(`${scope.pathname}assets/`)) return event.respondWith(shellFile(request));
});

export {};
