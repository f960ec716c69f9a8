import { describe, expect, it } from 'vitest';
import { httpTimeExchange } from './time-exchange';

/** A fetch that answers `body` with `status`, taking 5 ms of the player's clock (`ticks`). */
function answering(status: number, body: unknown, ticks: { now: number }): typeof fetch {
  return async () => {
    ticks.now += 5;
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

describe('the clock exchange over GET /api/player/time', () => {
  it('keeps the player’s two instants around the request and the controller’s two inside it', async () => {
    const ticks = { now: 1000 };
    const exchange = httpTimeExchange(
      '/api/player/time',
      answering(200, { now: 9002, receivedAt: 9001, sentAt: 9002 }, ticks),
    );
    expect(await exchange(() => ticks.now)).toEqual({
      sent: 1000,
      received: 1005,
      controllerReceived: 9001,
      controllerSent: 9002,
    });
  });

  it('reads an older controller’s single instant as both', async () => {
    const ticks = { now: 0 };
    const exchange = httpTimeExchange('/api/player/time', answering(200, { now: 500 }, ticks));
    expect(await exchange(() => ticks.now)).toMatchObject({ controllerReceived: 500, controllerSent: 500 });
  });

  it('gives no sample for an error or an answer that is not a time', async () => {
    const ticks = { now: 0 };
    expect(await httpTimeExchange('/t', answering(503, {}, ticks))(() => ticks.now)).toBeNull();
    expect(await httpTimeExchange('/t', answering(200, { now: 'soon' }, ticks))(() => ticks.now)).toBeNull();
  });
});
