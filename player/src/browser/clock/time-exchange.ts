import { ControllerTime } from '@baruga/protocol';
import type { TimeExchange } from './player-clock';

const TIMEOUT_MS = 10_000;

/**
 * The exchange over `GET /api/player/time`: the local instants around the request, the controller's inside it.
 * The answer's arrival is taken when its headers are in, before the body is read.
 */
export function httpTimeExchange(url: string, fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {
  const exchange: TimeExchange = async (local) => {
    const sent = local();
    // A request that hangs would stall every later exchange; one that takes this long is useless anyway.
    const response = await fetchImpl(url, { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
    const received = local();
    if (!response.ok) return null;
    const time = ControllerTime.safeParse(await response.json());
    if (!time.success) return null;
    const { now, receivedAt = now, sentAt = now } = time.data;
    return { sent, received, controllerReceived: receivedAt, controllerSent: sentAt };
  };
  return exchange;
}
