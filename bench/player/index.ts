import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium';
import { frameReport, installFrameProbe } from '../../test/support/frame-probe';
import { memorySession, sampleMemory } from '../../test/support/memory';
import { type RenderFixtures, SCREEN, item, manifest, startRenderFixtures } from '../../test/support/render-fixtures';
import { startStaticServer } from '../../test/support/static-server';
import { type Benchmark, outcome } from '../lib/result';
import { type PlayerRuns, playerFigures } from './figures';

const BLANK_TRANSITIONS = 1000;
/** The same soak for both players; BARUGA_BENCH_SOAK shortens it to validate the benchmark, not to report. */
const SOAK_TRANSITIONS = Number(process.env.BARUGA_BENCH_SOAK ?? 20_000);
const TICKER_SECONDS = 10;
const TICKER_SPEED = 200; // px/s
const GRID = { columns: 4, rows: 3 };

interface Item {
  id: string;
  type: string;
  durationMs: number;
  url?: string;
  text?: string;
}

function zones() {
  const width = SCREEN.width / GRID.columns;
  const height = SCREEN.height / GRID.rows;
  return Array.from({ length: GRID.columns * GRID.rows }, (_, i) => ({
    id: `z${i}`,
    x: (i % GRID.columns) * width,
    y: Math.floor(i / GRID.columns) * height,
    width,
    height,
    offset: i,
  }));
}

/** The mixed loop both players play: pictures, clips, a stream, a page and text. */
function mixedItems(f: RenderFixtures, withSlowMedia: boolean): Item[] {
  const base: Item[] = [
    { id: 'img', type: 'image', durationMs: 1000, url: `${f.server.url}/content/${f.image.sha256}` },
    { id: 'txt', type: 'text', durationMs: 1000, text: 'Selamat datang di Baruga' },
    { id: 'vid', type: 'video', durationMs: 1000, url: `${f.server.url}/content/${f.video.sha256}` },
  ];
  return withSlowMedia
    ? [
        ...base,
        { id: 'hls', type: 'hls', durationMs: 1000, url: f.hlsUrl },
        { id: 'web', type: 'web-page', durationMs: 1000, url: f.pageUrl },
      ]
    : base;
}

function barugaManifest(f: RenderFixtures, items: Item[]) {
  const toLoopItem = (it: Item, zone: string) => {
    const id = `${zone}-${it.id}`;
    if (it.type === 'image') return { ...item('image', { asset: f.image.sha256, fit: 'cover' }, it.durationMs), id };
    if (it.type === 'video') return { ...item('video', { asset: f.video.sha256, fit: 'cover' }, it.durationMs), id };
    if (it.type === 'hls') return { ...item('hls', { url: it.url, fit: 'cover' }, it.durationMs), id };
    if (it.type === 'web-page') return { ...item('web-page', { url: it.url }, it.durationMs), id };
    return { ...item('text', { body: it.text }, it.durationMs), id };
  };
  const layout = {
    id: 'grid',
    name: 'Grid',
    width: SCREEN.width,
    height: SCREEN.height,
    background: '#000000',
    zones: zones().map((z) => ({
      id: z.id,
      x: z.x,
      y: z.y,
      width: z.width,
      height: z.height,
      transition: { kind: 'cut', durationMs: 0 },
      items: [...items.slice(z.offset % items.length), ...items.slice(0, z.offset % items.length)].map((it) =>
        toLoopItem(it, z.id),
      ),
    })),
  };
  const m = manifest({ loop: [], layouts: { grid: layout }, assets: [f.image, f.video] });
  m.schedule.events.push({
    id: 'grid',
    name: 'Grid',
    playlistId: 'grid',
    targets: { screens: [SCREEN.id], groups: [], walls: [], all: false },
    start: '2020-01-01T00:00',
  });
  return m;
}

async function rendererRssMiB(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  const info = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await session.detach();
  let kib = 0;
  for (const p of info.processInfo.filter((x) => x.type === 'renderer')) {
    const status = fs.readFileSync(`/proc/${p.id}/status`, 'utf8');
    kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return kib / 1024;
}

/** Items the player has put on screen, counted by each player the same way (see naive.html). */
async function transitionsSoFar(page: Page, kind: 'baruga' | 'naive'): Promise<number> {
  if (kind === 'baruga') return page.evaluate(() => window.harness.shownTotal());
  return page.evaluate(() => (window as unknown as { naive: { shownTotal(): number } }).naive.shownTotal());
}

/** Items Baruga could not load and skipped: a skipped item is never blank, so any voids the run. */
async function rejectedItems(page: Page, kind: 'baruga' | 'naive'): Promise<string[]> {
  return kind === 'baruga' ? page.evaluate(() => [...window.harness.rejected]) : [];
}

async function openPlayer(
  browser: Browser,
  kind: 'baruga' | 'naive',
  f: RenderFixtures,
  naiveUrl: string,
  speed: number,
  items: Item[],
  probe = true,
) {
  const page = await browser.newPage({ viewport: { width: SCREEN.width, height: SCREEN.height } });
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' }); // tsx's keepNames helper
  // The probe's own records would count as heap growth in a soak, so soaks run without it on both players.
  if (probe) await installFrameProbe(page);
  if (kind === 'baruga') {
    await page.goto(`${f.server.url}/index.html?speed=${speed}`);
    await page.waitForFunction(() => typeof window.harness === 'object');
    await page.evaluate((m) => window.harness.show(m), barugaManifest(f, items));
  } else {
    await page.goto(`${naiveUrl}/naive.html?speed=${speed}`);
    await page.evaluate(
      ([z, it]) => (window as unknown as { naive: { start(a: unknown, b: unknown): void } }).naive.start(z, it),
      [zones(), items] as const,
    );
  }
  return page;
}

/** Runs until the player has put up `target` more items; a run that cannot get there in time fails. */
async function runUntil(page: Page, kind: 'baruga' | 'naive', target: number, limitMs: number): Promise<number> {
  const start = await transitionsSoFar(page, kind);
  const deadline = Date.now() + limitMs;
  let reported = Date.now();
  for (;;) {
    const n = (await transitionsSoFar(page, kind)) - start;
    if (n >= target) return n;
    if (Date.now() > deadline) throw new Error(`${kind}: ${n} of ${target} transitions in ${limitMs / 1000} s`);
    if (Date.now() - reported > 15_000) {
      reported = Date.now();
      console.log(`  ${kind}: ${n}/${target} transitions`);
    }
    await page.waitForTimeout(500);
  }
}

async function blankFrames(
  browser: Browser,
  kind: 'baruga' | 'naive',
  f: RenderFixtures,
  naiveUrl: string,
): Promise<PlayerRuns['blank']> {
  const page = await openPlayer(browser, kind, f, naiveUrl, 4, mixedItems(f, true));
  await page.waitForTimeout(3000); // first items loaded
  await page.evaluate(() => window.__frameProbe?.reset());
  const transitions = await runUntil(page, kind, BLANK_TRANSITIONS, 300_000);
  const report = await frameReport(page);
  const rejected = await rejectedItems(page, kind);
  await page.close();
  if (rejected.length > 0) throw new Error(`blank-frame run: Baruga skipped ${rejected.length} items: ${rejected[0]}`);
  return {
    transitions,
    frames: report.frames,
    blankFrames: report.blankFrames,
    zoneFrames: report.zoneFrames,
    blankZoneFrames: report.blankZoneFrames,
    switchGaps: report.switchGaps,
  };
}

async function soak(
  browser: Browser,
  kind: 'baruga' | 'naive',
  f: RenderFixtures,
  naiveUrl: string,
  total: number,
): Promise<PlayerRuns['soak']> {
  const page = await openPlayer(browser, kind, f, naiveUrl, 20, mixedItems(f, false), false);
  const cdp = await memorySession(page);
  await page.waitForTimeout(2000);
  const warmUpTransitions = Math.round(total / 10);
  await runUntil(page, kind, warmUpTransitions, 300_000);
  const warm = { heap: (await sampleMemory(cdp)).heapUsedBytes, rss: await rendererRssMiB(browser) };
  const ran = await runUntil(page, kind, total - warmUpTransitions, 600_000);
  const end = { heap: (await sampleMemory(cdp)).heapUsedBytes, rss: await rendererRssMiB(browser) };
  const rejected = await rejectedItems(page, kind);
  await page.close();
  if (rejected.length > 0) throw new Error(`soak: Baruga skipped ${rejected.length} items: ${rejected[0]}`);
  return { transitions: ran + warmUpTransitions, warm, end };
}

/** Frame pacing of a running text: dropped frames, and frames whose step disagrees with the set speed. */
async function ticker(
  browser: Browser,
  kind: 'baruga' | 'naive',
  f: RenderFixtures,
  naiveUrl: string,
): Promise<PlayerRuns['ticker']> {
  const page = await browser.newPage({ viewport: { width: SCREEN.width, height: SCREEN.height } });
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' }); // tsx's keepNames helper
  if (kind === 'baruga') {
    await page.goto(`${f.server.url}/index.html`);
    await page.waitForFunction(() => typeof window.harness === 'object');
    await page.evaluate(
      (m) => window.harness.show(m),
      manifest({
        loop: [
          item('running-text', { text: 'Info banjir: hindari Jl. Sudirman', speed: TICKER_SPEED, fontScale: 0.2 }),
        ],
      }),
    );
    await page.waitForSelector('.bg-running-text__track');
  } else {
    await page.goto(`${naiveUrl}/naive.html`);
    await page.evaluate(
      (px) =>
        (window as unknown as { naive: { ticker(t: string, px: number): void } }).naive.ticker(
          'Info banjir: hindari Jl. Sudirman',
          px,
        ),
      (TICKER_SPEED * 16) / 1000,
    );
  }
  const samples = await page.evaluate(async (seconds) => {
    const el = document.querySelector('.bg-running-text__track, .bg-ticker') as HTMLElement;
    const out: { t: number; x: number }[] = [];
    await new Promise<void>((resolve) => {
      const end = performance.now() + seconds * 1000;
      const tick = (t: number) => {
        out.push({ t, x: new DOMMatrix(getComputedStyle(el).transform).m41 });
        if (t < end) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    return out;
  }, TICKER_SECONDS);
  await page.close();
  const frameMs = 1000 / 60;
  let dropped = 0;
  let uneven = 0;
  let counted = 0;
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1];
    const b = samples[i];
    if (!a || !b) continue;
    const dt = b.t - a.t;
    const dx = a.x - b.x;
    if (dt > frameMs * 1.5) dropped += Math.round(dt / frameMs) - 1;
    if (dx < 0 || dx > TICKER_SPEED * 2) continue; // wrapped to the start
    counted += 1;
    if (Math.abs(dx / (dt / 1000) - TICKER_SPEED) / TICKER_SPEED > 0.25) uneven += 1;
  }
  const expectedFrames = Math.round((samples.length > 1 ? samples.at(-1)!.t - samples[0]!.t : 0) / frameMs);
  if (expectedFrames === 0 || counted === 0) throw new Error(`${kind} ticker: no frames sampled`);
  return { frames: expectedFrames, dropped, steps: counted, uneven };
}

export const benchmark: Benchmark = {
  title: `player: blank frames and switch gaps over 1,000 transitions, memory over a ${SOAK_TRANSITIONS.toLocaleString('en')}-transition soak each, running-text pacing`,
  async run() {
    const fixtures = await startRenderFixtures();
    const naiveDir = path.join(import.meta.dirname);
    const vendor = path.resolve(import.meta.dirname, '..', '..', 'node_modules', 'hls.js', 'dist');
    const naive = await startStaticServer(
      { '/vendor/': vendor, '/': naiveDir },
      new Map([['hls.min.js', 'text/javascript']]),
    );
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
    });
    try {
      const blankB = await blankFrames(browser, 'baruga', fixtures, naive.url);
      const blankN = await blankFrames(browser, 'naive', fixtures, naive.url);
      const soakB = await soak(browser, 'baruga', fixtures, naive.url, SOAK_TRANSITIONS);
      const soakN = await soak(browser, 'naive', fixtures, naive.url, SOAK_TRANSITIONS);
      const tickB = await ticker(browser, 'baruga', fixtures, naive.url);
      const tickN = await ticker(browser, 'naive', fixtures, naive.url);
      return outcome({
        anchor: 'naive player (set src, no preload, no disposal)',
        figures: playerFigures(
          { blank: blankB, soak: soakB, ticker: tickB },
          { blank: blankN, soak: soakN, ticker: tickN },
        ),
        excluded: {
          'items Baruga failed to load and skipped (any fails the run, as a skipped item is never blank)': 0,
        },
        notes:
          `Headless Debian Chromium, software GL, ${SCREEN.width}x${SCREEN.height}, a ${GRID.columns}x${GRID.rows} grid of zones. ` +
          `Both players are counted alike: each counts the items it puts on screen (Baruga through the render ` +
          `harness, the naive player in naive.html), and every run must reach its count or the benchmark fails. ` +
          `Blank frames: ${blankB.transitions} (Baruga) and ${blankN.transitions} (naive) transitions of image, text, video, ` +
          `HLS and web page with durations accelerated 4x, judged every animation frame by the same frame probe on ` +
          `both (test/support/frame-probe.ts): ${blankB.blankFrames} and ${blankN.blankFrames} of ${blankB.frames} and ` +
          `${blankN.frames} frames had a blank zone, and ${blankB.blankZoneFrames} of ${blankB.zoneFrames} and ` +
          `${blankN.blankZoneFrames} of ${blankN.zoneFrames} zone-frames were blank. A frame with any of 12 zones ` +
          `blank counts as blank, so the naive player's blank_frames_per_1000 saturates and grades nothing; ` +
          `blank_zone_frames_pct does not. Switch gaps: the probe saw ${blankB.switchGaps.length} and ` +
          `${blankN.switchGaps.length} switches; each runs from the last frame that painted the old item to the ` +
          `first that painted the new one, so a gapless switch is one frame interval (the limit: 16.7 ms at 60 Hz; ` +
          `software GL here paints slower). Soak: ${soakB.transitions} and ${soakN.transitions} transitions of image, ` +
          `text and video accelerated 20x, the same length for both and without the probe on either; growth is from ` +
          `the end of a warm-up (a tenth of the run) to the end, JS heap after forced GC and the summed RSS of ` +
          `renderer processes. Ticker: ${TICKER_SECONDS} s at ${TICKER_SPEED} px/s; dropped frames against 60 Hz, ` +
          `uneven steps are frames whose movement is off the set speed by more than 25 %.`,
      });
    } finally {
      await browser.close();
      await naive.close();
      await fixtures.close();
    }
  },
};
