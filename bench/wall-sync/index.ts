import { type Browser, type Page, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium';
import { startControllerProcess, tempDataDir } from '../../test/support/controller-process';
import { type WallWitness, wallWitnessScript } from '../../test/support/wall-witness';
import { type DelayProfile, seededRandom, startDelayProxy } from '../lib/delay-proxy';
import { type Benchmark, figure, outcome, stat } from '../lib/result';
import { samplesNeeded } from '../lib/stats';
import { frameOffsets, matchTransitions, starvedTransitions } from './figures';
import {
  type Api,
  ITEMS_PER_ZONE,
  TILE,
  TRANSITION_ZONES,
  VIDEO_FPS,
  VIDEO_SECONDS,
  createWall,
  putOnWall,
  signIn,
  transitionLayout,
  uploadClip,
  uploadSwatches,
  videoLayout,
} from './setup';

/**
 * `BARUGA_WALL_SYNC_WALLS=3x3` runs only the named walls, for quick iterations; the published figures come from the
 * default run of both.
 */
const WALLS = [
  { id: 'wall-2x2', columns: 2, rows: 2 },
  { id: 'wall-3x3', columns: 3, rows: 3 },
].filter((w) => {
  const only = process.env.BARUGA_WALL_SYNC_WALLS?.split(',').map((s) => s.trim());
  return !only?.length || only.includes(w.id.slice(5));
});
/** 20 ± 10 ms each way on average, asymmetric: requests 25 ± 10 ms, answers 15 ± 10 ms. */
const LINK: DelayProfile = { up: { baseMs: 25, jitterMs: 10 }, down: { baseMs: 15, jitterMs: 10 } };
/** Each tile's local clock is wrong by up to this much, either way. */
const MAX_SKEW_MS = 2_000;
/** The clock's first burst of exchanges, and the first items on screen, before anything is measured. */
const SETTLE_MS = 10_000;
const MEASURE_MS = 55_000;
const VIDEO_PLAY_MS = 14_000;
/** "After 2 s of play": the video figure starts this long after every tile shows the clip. */
const VIDEO_SETTLE_MS = 2_000;
const FRAME_MS = 1000 / 60;

interface Run {
  skews: number[];
  /** For each skew, whether some tile missed a frame around that transition (starvedTransitions). */
  starved: boolean[];
  /** Per tile, the share of matched transitions around which it missed a frame. */
  starvedByTile: number[];
  /** Per tile, the share of 60 Hz frames it missed while transitions were measured. */
  missedFrames: number[];
  unmatched: number;
  frameOffsets: number[];
  clockErrors: number[];
}

/**
 * Extra Chromium flags for every tile, space-separated (BARUGA_WALL_SYNC_ARGS), to try what cuts per-process cost.
 * None by default, so tiles run as the player's Chromium does: `--in-process-gpu` missed no fewer frames here;
 * `--single-process` missed a third as many and brought the 2×2 within a frame (docs/walls.md, "What decides it").
 */
const TILE_ARGS = (process.env.BARUGA_WALL_SYNC_ARGS ?? '').split(' ').filter(Boolean);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One tile: its own Chromium process, its local clock `skewMs` wrong, behind the delaying proxy. */
async function openTile(url: string, skewMs: number, anchor: boolean): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--force-device-scale-factor=1', ...TILE_ARGS],
  });
  const page = await browser.newPage({ viewport: TILE });
  await page.addInitScript({ content: wallWitnessScript({ skewMs, blockClockExchange: anchor }) });
  await page.goto(url);
  return { browser, page };
}

/** Every 2 s, each tile's clock estimate against the truth (the controller shares this machine's clock). */
async function sampleClocks(pages: readonly Page[], skews: readonly number[], until: number, anchor: boolean) {
  const errors: number[] = [];
  while (Date.now() < until) {
    const estimates = await Promise.all(
      pages.map((p) =>
        p.evaluate(() => (window.baruga as { clock?: { offsetMs: number } } | undefined)?.clock?.offsetMs ?? null),
      ),
    );
    estimates.forEach((offset, i) => {
      // The true offset, controller minus the page's local clock, is minus its skew; without an estimate the
      // player runs on its local clock, which is the whole skew off.
      const truth = -(skews[i] ?? 0);
      if (anchor || offset === null) errors.push(Math.abs(truth));
      else errors.push(Math.abs(offset - truth));
    });
    // Every 2 s: often enough for a p99 over four to nine tiles, rarely enough not to disturb them.
    await sleep(Math.max(0, Math.min(2_000, until - Date.now())));
  }
  return errors;
}

async function waitForAll(pages: readonly Page[], selector: string, timeoutMs: number) {
  await Promise.all(pages.map((p) => p.waitForSelector(selector, { timeout: timeoutMs, state: 'attached' })));
}

/** One wall, with sync or without (`anchor`): transitions, then the clip. */
async function runWall(
  controllerUrl: string,
  call: Api,
  wall: (typeof WALLS)[number] & { eventId: string; videoLayout: string; tiles: string[] },
  anchor: boolean,
  random: () => number,
): Promise<Run> {
  const proxy = await startDelayProxy(
    { host: '127.0.0.1', port: Number(new URL(controllerUrl).port) },
    LINK,
    wall.tiles.length,
  );
  const skews = wall.tiles.map(() => Math.round((random() * 2 - 1) * MAX_SKEW_MS));
  const tiles: { browser: Browser; page: Page }[] = [];
  try {
    for (const [i, screen] of wall.tiles.entries()) {
      tiles.push(await openTile(`http://127.0.0.1:${proxy.port}/player/?screen=${screen}`, skews[i] ?? 0, anchor));
    }
    const pages = tiles.map((t) => t.page);
    await waitForAll(pages, `[data-zone-id="${TRANSITION_ZONES[0]?.id}"] [data-live="true"]`, 90_000);
    await sleep(SETTLE_MS);
    const from = Date.now();
    const framesBefore = await Promise.all(pages.map((p) => p.evaluate(() => ({ ...window.__wallWitness?.frames }))));
    const clockErrors = await sampleClocks(pages, skews, from + MEASURE_MS, anchor);
    const to = Date.now();
    const witnesses = await Promise.all(pages.map((p) => p.evaluate(() => window.__wallWitness as WallWitness)));
    const missedFrames = witnesses.map((w, i) => {
      const drawn = w.frames.drawn - (framesBefore[i]?.drawn ?? 0);
      const missed = w.frames.missed - (framesBefore[i]?.missed ?? 0);
      return (100 * missed) / Math.max(1, drawn + missed);
    });
    const cycleMs = Math.min(...TRANSITION_ZONES.map((z) => z.itemMs * ITEMS_PER_ZONE));
    // A tile's record of the same showing is within the worst clock error of the others: under half a cycle.
    const margin = anchor ? 2 * MAX_SKEW_MS + 500 : 1_000;
    const matched = matchTransitions(
      witnesses.map((w) => w.transitions),
      { windowMs: Math.min(cycleMs / 2 - 100, margin), from: from + margin, to: to - margin },
    );
    // Two frames before the earliest tile's frame: a tile whose clock put the switch a frame earlier is covered too.
    const starved = starvedTransitions(
      matched.spans,
      witnesses.map((w) => w.gaps),
      2 * FRAME_MS,
    );

    // The clip: the same event now plays the video layout; every tile downloads it and joins the timeline.
    const event = await call<{ event: Record<string, unknown> }>('GET', `/api/events/${wall.eventId}`);
    await call('PUT', `/api/events/${wall.eventId}`, { ...event.event, playlistId: wall.videoLayout, id: undefined });
    await waitForAll(pages, '[data-zone-id="video"] [data-live="true"] video', 60_000);
    const videoFrom = Date.now() + VIDEO_SETTLE_MS;
    await sleep(VIDEO_SETTLE_MS + VIDEO_PLAY_MS);
    const video = await Promise.all(pages.map((p) => p.evaluate(() => (window.__wallWitness as WallWitness).video)));
    const offsets = frameOffsets(video, {
      from: videoFrom,
      to: Date.now() - 200,
      stepMs: 50,
      fps: VIDEO_FPS,
      loopFrames: VIDEO_FPS * VIDEO_SECONDS,
    });
    // Back to the transitions for the next run.
    await call('PUT', `/api/events/${wall.eventId}`, { ...event.event, id: undefined });
    return {
      skews: matched.skews,
      starved: starved.starved,
      starvedByTile: starved.perTile.map((n) => (100 * n) / Math.max(1, matched.skews.length)),
      missedFrames,
      unmatched: matched.unmatched + offsets.missing,
      frameOffsets: offsets.offsets,
      clockErrors,
    };
  } finally {
    for (const t of tiles) await t.browser.close().catch(() => undefined);
    await proxy.close();
  }
}

/**
 * Wall sync: a 2×2 and a 3×3 wall of players, each tile in its own Chromium process with its local clock wrong by
 * up to ±2 s, each behind a userspace proxy that delays its traffic 25 ± 10 ms up and 15 ± 10 ms down. A witness in
 * every page records, on the machine's true clock, the animation frame that first shows each of about 230
 * transitions per wall, and each presented video frame. Anchor, in the same run: the same walls with the clock
 * exchange blocked in the page, so each player plays by its own wrong clock ("sync disabled").
 */
export const benchmark: Benchmark = {
  title: 'wall sync: transition skew between tiles and video frame offset, 2×2 and 3×3 walls, clocks off by ±2 s',
  async run() {
    const controller = await startControllerProcess({
      dataDir: tempDataDir('baruga-bench-wall-'),
      env: { BARUGA_SEED_DEMO: '0' },
    });
    try {
      const { call, token } = await signIn(controller.url);
      const clip = await uploadClip(controller.url, token);
      const swatches = await uploadSwatches(controller.url, token);
      const walls = [];
      for (const w of WALLS) {
        const view = await createWall(call, w.id, w.columns, w.rows);
        await call('POST', '/api/layouts', transitionLayout(`${w.id}-transitions`, view.canvas, swatches));
        await call('POST', '/api/layouts', videoLayout(`${w.id}-video`, view.canvas, clip));
        const eventId = await putOnWall(call, w.id, `${w.id}-transitions`);
        const tiles = view.tiles.flatMap((t) => (t.screenId ? [t.screenId] : []));
        walls.push({ ...w, eventId, videoLayout: `${w.id}-video`, tiles });
      }
      const random = seededRandom(20261206);
      const runs: Record<string, { sync: Run; anchor: Run }> = {};
      for (const wall of walls) {
        const sync = await runWall(controller.url, call, wall, false, random);
        const anchor = await runWall(controller.url, call, wall, true, random);
        runs[wall.id] = { sync, anchor };
      }
      return report(runs);
    } finally {
      await controller.stop();
    }
  },
};

function report(runs: Record<string, { sync: Run; anchor: Run }>) {
  const all = (pick: (r: Run) => number[], which: 'sync' | 'anchor') =>
    Object.values(runs).flatMap((r) => pick(r[which]));
  const skew = (which: 'sync' | 'anchor') => all((r) => r.skews, which);
  const frames = (which: 'sync' | 'anchor') => all((r) => r.frameOffsets, which);
  const clocks = (which: 'sync' | 'anchor') => all((r) => r.clockErrors, which);
  const oneFrame = { value: FRAME_MS, what: 'one frame at 60 Hz' };
  const perWall = Object.fromEntries(
    Object.entries(runs).flatMap(([id, r]) => [
      [
        `transition_skew_p99_ms_${id.slice(5)}`,
        figure(stat.percentile(r.sync.skews, 99), 'ms', { anchor: stat.percentile(r.anchor.skews, 99) }),
      ],
      [
        `transition_skew_median_ms_${id.slice(5)}`,
        figure(stat.median(r.sync.skews), 'ms', { anchor: stat.median(r.anchor.skews) }),
      ],
    ]),
  );
  // The evidence for what remains: skew where every tile drew every frame around the transition (the clock and the
  // switching alone), and how often a tile missed a frame just there (the CPU).
  const onTime = (r: Run) => r.skews.filter((_, i) => !r.starved[i]);
  const starvedPct = (r: Run) => (100 * r.starved.filter(Boolean).length) / Math.max(1, r.starved.length);
  const starvation = Object.fromEntries(
    Object.entries(runs).flatMap(([id, r]) => [
      [
        `missed_frames_pct_${id.slice(5)}`,
        figure(stat.mean(r.sync.missedFrames), '%', { anchor: stat.mean(r.anchor.missedFrames) }),
      ],
      [
        `transitions_with_missed_frame_pct_${id.slice(5)}`,
        figure({ value: starvedPct(r.sync), samples: r.sync.starved.length }, '%', {
          caveat: 'transitions around which some tile missed a 60 Hz frame',
        }),
      ],
      [`transitions_with_missed_frame_pct_worst_tile_${id.slice(5)}`, figure(stat.max(r.sync.starvedByTile), '%')],
      // The anchor's transitions spread over seconds, so nearly all of them have a missed frame somewhere: no anchor.
      ...(onTime(r.sync).length > 0
        ? [[`transition_skew_median_ms_no_missed_frame_${id.slice(5)}`, figure(stat.median(onTime(r.sync)), 'ms')]]
        : []),
      ...(onTime(r.sync).length >= samplesNeeded(99)
        ? [[`transition_skew_p99_ms_no_missed_frame_${id.slice(5)}`, figure(stat.percentile(onTime(r.sync), 99), 'ms')]]
        : []),
    ]),
  );
  const onTimeAll = all(onTime, 'sync');
  const excluded = Object.fromEntries(
    Object.entries(runs).flatMap(([id, r]) => [
      [`${id}: transitions or video instants not seen by every tile (sync)`, r.sync.unmatched],
      [`${id}: transitions or video instants not seen by every tile (anchor)`, r.anchor.unmatched],
    ]),
  );
  return outcome({
    anchor: 'sync disabled: the same walls, each player on its own wrong clock (clock exchange blocked)',
    notes:
      'Headless Chromium ticks every process’s frames on the machine’s shared monotonic clock, in phase as ' +
      'genlocked panels would be; free-running panels add up to one refresh of vsync phase (docs/walls.md). ' +
      'Asymmetric delay biases every offset by half the asymmetry (5 ms here); tiles on the same links share it.',
    figures: {
      transition_skew_median_ms: figure(stat.median(skew('sync')), 'ms', { anchor: stat.median(skew('anchor')) }),
      transition_skew_p99_ms: figure(stat.percentile(skew('sync'), 99), 'ms', {
        anchor: stat.percentile(skew('anchor'), 99),
        limit: oneFrame,
      }),
      transition_skew_max_ms: figure(stat.max(skew('sync')), 'ms', { anchor: stat.max(skew('anchor')) }),
      video_frame_offset_p99_frames: figure(stat.percentile(frames('sync'), 99), 'frames', {
        anchor: stat.percentile(frames('anchor'), 99),
        digits: 0,
        caveat: 'after 2 s of play; 25 fps clip',
      }),
      missed_frames_pct: figure(stat.mean(all((r) => r.missedFrames, 'sync')), '%', {
        anchor: stat.mean(all((r) => r.missedFrames, 'anchor')),
        caveat: 'frames the tiles did not draw while measured: a missed frame shows as a frame of skew',
      }),
      clock_offset_error_p99_ms: figure(stat.percentile(clocks('sync'), 99), 'ms', {
        anchor: stat.percentile(clocks('anchor'), 99),
        caveat: 'against the true offset (minus the page’s skew), sampled every 2 s per tile',
      }),
      ...(onTimeAll.length > 0
        ? {
            transition_skew_median_ms_no_missed_frame: figure(stat.median(onTimeAll), 'ms', {
              caveat: 'only transitions around which every tile drew every 60 Hz frame',
            }),
          }
        : {}),
      ...(onTimeAll.length >= samplesNeeded(99)
        ? {
            transition_skew_p99_ms_no_missed_frame: figure(stat.percentile(onTimeAll, 99), 'ms', {
              limit: oneFrame,
              caveat: 'only transitions around which every tile drew every 60 Hz frame',
            }),
          }
        : {}),
      ...perWall,
      ...starvation,
    },
    excluded,
  });
}
