import type { Page } from 'playwright-core';

/**
 * The player's clock exchange, whatever its query: each exchange has its own address (`?n=<sequence>`, so its
 * Resource Timing entry is its own: player/src/browser/clock/time-exchange.ts). A glob ending in `/api/player/time`
 * is matched against the whole URL, query included, so it matches none of them: every exchange would reach the real
 * controller and the player would play by its time, not the test's.
 */
export const isClockExchange = (url: URL): boolean => url.pathname.endsWith('/api/player/time');

/**
 * Makes the controller's clock agree with a page whose clock the test moves (Playwright's `page.clock`). A player
 * plays by the controller's time (player/src/browser/clock), so a test that fakes the time must fake it on both
 * sides, as if the controller's clock had moved too: the player's clock exchange (`GET /api/player/time`) is
 * answered with the page's own time, the way the controller answers it. Call it before the page (re)loads.
 */
export async function controllerTimeFollowsPage(page: Page): Promise<void> {
  await page.route(isClockExchange, async (route) => {
    let now: number;
    try {
      now = await page.evaluate(() => Date.now());
    } catch {
      // The page is navigating: no answer this time (a real one could be a day away from the page's time).
      return route.abort().catch(() => undefined);
    }
    await route.fulfill({
      status: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify({ now, receivedAt: now, sentAt: now }),
    });
  });
}
