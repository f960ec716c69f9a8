import { ControllerTime } from '@baruga/protocol';
import type { TimeExchange } from './player-clock';

const TIMEOUT_MS = 10_000;

/** When the network stack sent a request and received the first byte of its answer, on the local clock. */
export type NetworkTimes = (url: string, local: () => number) => { sent: number; received: number } | null;

/**
 * The browser's own record of the request (Resource Timing): `requestStart` and `responseStart` are taken by the
 * network stack, not by this page's busy main thread, so a tile rendering a heavy frame when the answer arrives does
 * not count that frame as network delay (which would skew its offset by half of it). Null where the entry is missing
 * (an older browser, a full buffer): the exchange then uses its own instants.
 */
export const resourceTimes: NetworkTimes = (url, local) => {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByName !== 'function') return null;
  const absolute = new URL(url, globalThis.location?.href ?? 'http://localhost/').href;
  const entry = performance.getEntriesByName(absolute, 'resource').at(-1) as PerformanceResourceTiming | undefined;
  if (!entry || !(entry.requestStart > 0) || !(entry.responseStart >= entry.requestStart)) return null;
  // Entries are on the page's performance timeline; `local` is that timeline plus its origin.
  const origin = local() - performance.now();
  return { sent: origin + entry.requestStart, received: origin + entry.responseStart };
};

let installed = false;
/**
 * The page's resource timing buffer holds 250 entries; an exchange every few seconds fills it within the hour and
 * later entries would be dropped. The player uses that buffer for nothing else, so it empties it when full.
 */
function keepResourceBufferOpen(): void {
  if (installed || typeof performance === 'undefined' || typeof performance.addEventListener !== 'function') return;
  installed = true;
  performance.addEventListener('resourcetimingbufferfull', () => performance.clearResourceTimings());
}

/**
 * The exchange over `GET /api/player/time`: the local instants around the request, the controller's inside it.
 * Each request has its own address (a sequence number), so its resource timing entry is its own; without one, the
 * answer's arrival is taken when its headers are in, before the body is read.
 */
export function httpTimeExchange(
  url: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  network: NetworkTimes = resourceTimes,
) {
  keepResourceBufferOpen();
  let sequence = 0;
  const exchange: TimeExchange = async (local) => {
    sequence += 1;
    const target = `${url}${url.includes('?') ? '&' : '?'}n=${sequence}`;
    const sent = local();
    // A request that hangs would stall every later exchange; one that takes this long is useless anyway.
    const response = await fetchImpl(target, { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
    const received = local();
    if (!response.ok) return null;
    const time = ControllerTime.safeParse(await response.json());
    if (!time.success) return null;
    const { now, receivedAt = now, sentAt = now } = time.data;
    const measured = network(target, local) ?? { sent, received };
    return { ...measured, controllerReceived: receivedAt, controllerSent: sentAt };
  };
  return exchange;
}
