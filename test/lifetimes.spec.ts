import { expect, test } from '@playwright/test';
import { memorySession, sampleMemory } from './support/memory';
import { type RenderFixtures, item, manifest, openHarness, startRenderFixtures } from './support/render-fixtures';

/**
 * A player mounts and unmounts views for months. Each content type goes through mount → on screen →
 * unmount cycles; after a warm-up, the heap (after GC), DOM nodes, documents and listeners must not grow.
 * Views that load media or build a WebGL context cost real time per cycle on this machine (software GL,
 * an out-of-process frame for each page), so they run fewer cycles here; bench/player soaks them longer.
 */
let fixtures: RenderFixtures;
test.beforeAll(async () => {
  fixtures = await startRenderFixtures();
});
test.afterAll(async () => {
  await fixtures?.close();
});

const table = {
  columns: [
    { key: 'opd', label: 'OPD', type: 'text' },
    { key: 'nilai', label: 'Nilai', type: 'number' },
  ],
  rows: [
    { opd: 'Pendidikan', nilai: 1250 },
    { opd: 'Kesehatan', nilai: 800 },
  ],
};

const cases = () =>
  [
    { type: 'text', cycles: 1000, loop: [item('text', { body: 'Halo Kendari' })], assets: [] },
    { type: 'clock', cycles: 1000, loop: [item('clock', {})], assets: [] },
    { type: 'image', cycles: 1000, loop: [item('image', { asset: fixtures.image.sha256 })], assets: [fixtures.image] },
    { type: 'running-text', cycles: 1000, loop: [item('running-text', { text: 'Teks berjalan' })], assets: [] },
    { type: 'video', cycles: 300, loop: [item('video', { asset: fixtures.video.sha256 })], assets: [fixtures.video] },
    { type: 'hls', cycles: 150, loop: [item('hls', { url: fixtures.hlsUrl })], assets: [] },
    { type: 'web-page', cycles: 60, loop: [item('web-page', { url: fixtures.pageUrl })], assets: [] },
    {
      type: 'chart-3d',
      cycles: 30,
      loop: [item('chart-3d', { table, labelKey: 'opd', valueKey: 'nilai' })],
      assets: [],
    },
    // Data widgets: ECharts instances are disposed, tween frames and countdown timers stopped.
    {
      type: 'chart',
      cycles: 150,
      loop: [item('chart', { table, labelKey: 'opd', series: [{ column: 'nilai' }], variant: 'donut' })],
      assets: [],
    },
    {
      type: 'kpi',
      cycles: 500,
      loop: [item('kpi', { table, tiles: [{ label: 'Total', column: 'nilai', aggregate: 'sum', format: 'rupiah' }] })],
      assets: [],
    },
    {
      type: 'prayer-times',
      cycles: 200,
      loop: [item('prayer-times', { location: { lat: -5.14, lon: 119.42 } })],
      assets: [],
    },
    { type: 'apbd-dashboard', cycles: 100, loop: [item('apbd-dashboard', {})], assets: [] },
  ] as const;

for (const name of [
  'text',
  'clock',
  'image',
  'running-text',
  'video',
  'hls',
  'web-page',
  'chart-3d',
  'chart',
  'kpi',
  'prayer-times',
  'apbd-dashboard',
]) {
  test(`${name}: mount and unmount cycles leave nothing behind`, async ({ page }) => {
    test.setTimeout(120_000);
    const c = cases().find((x) => x.type === name);
    if (!c) throw new Error(`no case for ${name}`);
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (/too many active webgl contexts|context lost/i.test(m.text())) warnings.push(m.text());
    });
    await openHarness(page, fixtures);
    const cdp = await memorySession(page);
    const m = manifest({ loop: [...c.loop], assets: [...c.assets] });
    const warmUp = Math.max(5, Math.round(c.cycles / 10));
    await page.evaluate(([value, n]) => window.harness.cycles(value, n), [m, warmUp] as const);
    const before = await sampleMemory(cdp);
    await page.evaluate(([value, n]) => window.harness.cycles(value, n), [m, c.cycles - warmUp] as const);
    const after = await sampleMemory(cdp);

    const detail = JSON.stringify({ before, after });
    expect(after.nodes - before.nodes, detail).toBeLessThanOrEqual(50);
    expect(after.listeners - before.listeners, detail).toBeLessThanOrEqual(10);
    expect(after.documents - before.documents, detail).toBeLessThanOrEqual(1);
    // Heap noise on a busy machine is a few hundred kilobytes; a leak of one object graph per cycle is far more.
    expect(after.heapUsedBytes - before.heapUsedBytes, detail).toBeLessThan(
      Math.max(2_000_000, before.heapUsedBytes * 0.05),
    );
    expect(await page.evaluate(() => window.harness.rejected)).toEqual([]);
    expect(warnings).toEqual([]);
  });
}
