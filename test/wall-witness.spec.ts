import { expect, test } from '@playwright/test';
import { type WallWitness, wallWitnessScript } from './support/wall-witness';

/**
 * The wall witness stamps each zone change with the true time of the frame that first paints it (the rule of the
 * event loop: a change made in an animation-frame callback is painted in that frame, one made in any other task in
 * the next). It no longer touches the page every frame, so this story checks the rule directly, both ways.
 */
test('the wall witness stamps a change with the frame that paints it, made in a frame callback or in a timer', async ({
  page,
}) => {
  await page.addInitScript({ content: wallWitnessScript({ skewMs: 1_500, blockClockExchange: false }) });
  // 1. A page with one zone, the way the player draws it: slots carrying data-item-id and data-live.
  // (Served from a URL: init scripts run on navigations, not on setContent's blank page.)
  await page.route('http://witness.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><div data-zone-id="z"><div data-item-id="a" data-live="true"></div></div>`,
    }),
  );
  await page.goto('http://witness.test/');
  await page.waitForFunction(() => (window.__wallWitness?.frames.drawn ?? 0) > 5);

  // 2. Five changes inside a frame callback (as the player switches), five from timers; each notes the frame that
  //    paints it: the callback's own frame, or the next frame after the timer.
  const before = Date.now();
  const expected = await page.evaluate(async () => {
    const witness = window.__wallWitness as WallWitness;
    const zone = document.querySelector('[data-zone-id="z"]') as HTMLElement;
    const show = (id: string) => {
      zone.innerHTML = `<div data-item-id="${id}" data-live="true"></div>`;
    };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const out: { item: string; t: number }[] = [];
    for (let i = 0; i < 5; i++) {
      out.push(
        await new Promise<{ item: string; t: number }>((resolve) =>
          requestAnimationFrame((time) => {
            show(`frame-${i}`);
            resolve({ item: `frame-${i}`, t: witness.realOrigin + time });
          }),
        ),
      );
      await sleep(37);
      out.push(
        await new Promise<{ item: string; t: number }>((resolve) => {
          show(`timer-${i}`);
          requestAnimationFrame((time) => resolve({ item: `timer-${i}`, t: witness.realOrigin + time }));
        }),
      );
      await sleep(29);
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return out;
  });

  // 3. The witness saw every change, each at the true time of the frame that painted it, off the page's wrong clock.
  const seen = await page.evaluate(() => (window.__wallWitness as WallWitness).transitions);
  const stamps = Object.fromEntries(seen.map((r) => [r.item, r.t]));
  for (const e of expected) expect(stamps[e.item], e.item).toBe(e.t);
  const first = expected[0]?.t ?? 0;
  expect(first - before).toBeGreaterThanOrEqual(-20);
  expect(first - before).toBeLessThan(500);
});
