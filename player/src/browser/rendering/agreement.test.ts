import { type Manifest, OVERLAYS_CUE, parseManifest } from '@baruga/protocol';
import { onScreenAt } from '@baruga/schedules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlayerClock, type TimeExchange, createPlayerClock } from '../clock/player-clock';
import { type SimulatedTime, simulatedTime } from '../clock/simulated-time';
import { chooseProgramme, overlayProgramme } from './programme';
import { firstShowing } from './zone-plan';

/**
 * Time is an input (STYLE.md): two players given the same manifest show the same item, at the same offset into
 * it, in every zone, at the same instant of the controller's clock, whenever they booted and however wrong their
 * own clocks are. Each player learns the controller's time only through simulated exchanges over a network
 * with lopsided, jittery delays; the renderer's own path (chooseProgramme, firstShowing) resolves the zones.
 */

const BASE = Date.parse('2026-03-02T09:30:00+08:00');
const HOUR = 3600_000;

const text = (id: string, durationMs: number) => ({
  id,
  type: 'text',
  typeVersion: 1,
  durationMs,
  props: { body: id },
  sample: false,
});

const durations = fc.array(fc.integer({ min: 1_000, max: 30_000 }), { minLength: 1, maxLength: 4 });
const zoneOf = (id: string, x: number) =>
  durations.map((ds) => ({ id, x, y: 0, width: 100, height: 100, items: ds.map((d, i) => text(`${id}-${i}`, d)) }));

/** A screen's manifest: a loop, maybe a layout on a morning schedule, maybe overlays, and publish cues. */
const scenario = fc.record({
  loop: durations,
  layoutZones: fc.option(fc.tuple(zoneOf('kiri', 0), fc.option(zoneOf('kanan', 100))), { nil: null }),
  overlay: fc.option(zoneOf('ticker', 0), { nil: null }),
  cueAgoMs: fc.array(fc.option(fc.integer({ min: 0, max: 3 * HOUR }), { nil: null }), { minLength: 4, maxLength: 4 }),
  cueIndex: fc.array(fc.nat(3), { minLength: 4, maxLength: 4 }),
  queryMs: fc.integer({ min: 0, max: 2 * HOUR }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function manifestFor(s: Scenario, query: number): Manifest {
  const zones = s.layoutZones ? [s.layoutZones[0], ...(s.layoutZones[1] ? [s.layoutZones[1]] : [])] : [];
  const keyed = [
    { programme: 'default', zone: 'main', count: s.loop.length },
    ...zones.map((z) => ({ programme: 'rapat', zone: z.id, count: z.items.length })),
    ...(s.overlay ? [{ programme: OVERLAYS_CUE, zone: s.overlay.id, count: s.overlay.items.length }] : []),
  ];
  const cues = keyed.flatMap(({ programme, zone, count }, i) => {
    const ago = s.cueAgoMs[i];
    if (ago === null || ago === undefined) return [];
    return [{ programme, zone, at: new Date(query - ago).toISOString(), index: (s.cueIndex[i] ?? 0) % count }];
  });
  const parsed = parseManifest({
    schemaVersion: 2,
    screenId: 'dinding-1',
    version: 7,
    issuedAt: new Date(BASE - 24 * HOUR).toISOString(),
    expiresAt: new Date(BASE + 7 * 24 * HOUR).toISOString(),
    screen: {
      id: 'dinding-1',
      name: 'Dinding 1',
      width: 200,
      height: 100,
      timezone: 'Asia/Makassar',
      locale: 'id-ID',
      public: false,
    },
    loop: s.loop.map((d, i) => text(`loop-${i}`, d)),
    playlists: {},
    schedule: {
      wallId: null,
      groups: [],
      dayparts: [],
      events: zones.length
        ? [
            {
              id: 'rapat-pagi',
              name: 'Rapat pagi',
              playlistId: 'rapat',
              targets: { screens: ['dinding-1'], groups: [], walls: [], all: false },
              priority: 1,
              timezone: null,
              start: '2026-01-01T09:00',
              end: null,
              rrule: 'FREQ=DAILY',
              exdates: [],
              durationMinutes: 75,
              daypartId: null,
              interrupt: null,
              maxPlaysPerHour: null,
              enabled: true,
            },
          ]
        : [],
    },
    layouts: zones.length ? { rapat: { id: 'rapat', name: 'Rapat', width: 200, height: 100, zones } } : {},
    overlays: s.overlay ? [s.overlay] : [],
    assets: [],
    cues,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

/** The controller on the true timeline, reached over a network whose delays each way come from `random`. */
function network(sim: SimulatedTime, random: () => number): TimeExchange {
  return async (local) => {
    const sent = local();
    await sim.sleep(random() * 150);
    const controllerReceived = Math.floor(sim.now());
    await sim.sleep(random() * 3);
    const controllerSent = Math.floor(sim.now());
    await sim.sleep(random() * 150);
    return { sent, received: local(), controllerReceived, controllerSent };
  };
}

/** What one player shows in every zone, by the renderer's own path, at its own reading of the time. */
function resolveOn(clock: PlayerClock, manifest: Manifest) {
  const now = clock.timers.now();
  const choice = chooseProgramme(manifest, now, () => undefined);
  const zones = [
    ...choice.programme.zones.map((z) => ({ key: `${choice.id}/${z.id}`, z })),
    ...(overlayProgramme(manifest, () => undefined)?.zones ?? []).map((z) => ({ key: `${OVERLAYS_CUE}/${z.id}`, z })),
  ];
  return new Map(
    zones.map(({ key, z }) => {
      const showing = firstShowing(z.durations, z.cycle, z.entries.map(Boolean), now);
      return [key, { cycle: z.cycle, index: showing?.index, offsetMs: showing ? now - showing.at : null }];
    }),
  );
}

function itemsIn(manifest: Manifest, programme: string, zone: string): number {
  if (programme === 'default') return manifest.loop.length;
  const zones = programme === OVERLAYS_CUE ? manifest.overlays : (manifest.layouts[programme]?.zones ?? []);
  return zones.find((z) => z.id === zone)?.items.length ?? 0;
}

/** A tiny seeded generator, so a failing case replays exactly. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe('two players, one manifest, one instant', () => {
  it('show the same item at the same offset in every zone, whenever they booted and whatever their clocks said', async () => {
    let runs = 0;
    let nonTrivial = 0;
    let pastFirstItem = 0;
    const player = fc.record({
      bootAgoMs: fc.integer({ min: 10_000, max: 3 * HOUR }),
      clockOffMs: fc.double({ min: -24 * HOUR, max: 24 * HOUR, noNaN: true }),
      seed: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(scenario, player, player, async (s, a, b) => {
        const query = BASE + s.queryMs;
        const manifest = manifestFor(s, query);
        const [first, second] = a.bootAgoMs >= b.bootAgoMs ? [a, b] : [b, a];
        const sim = simulatedTime(query - first.bootAgoMs);
        const boot = (p: typeof a) =>
          createPlayerClock({ local: sim.machine(p.clockOffMs), exchange: network(sim, seeded(p.seed)) });
        const clockA = boot(first);
        await sim.runUntil(query - second.bootAgoMs);
        const clockB = boot(second);
        await sim.runUntil(query);

        // Each clock is honest: the controller's time is within its own bound.
        const estimates = [clockA.estimate(), clockB.estimate()];
        for (const [i, clock] of [clockA, clockB].entries()) {
          expect(Math.abs(clock.timers.now() - sim.now())).toBeLessThanOrEqual(estimates[i]?.errorMs ?? -1);
        }
        const margin = (estimates[0]?.errorMs ?? 0) + (estimates[1]?.errorMs ?? 0);
        const onA = resolveOn(clockA, manifest);
        const onB = resolveOn(clockB, manifest);
        const truth = onScreenAt(manifest, query);
        clockA.dispose();
        clockB.dispose();

        // Where the instant is further than the two bounds from any change, the players cannot disagree.
        const near = (t: number) => Math.abs(t - query) <= margin;
        if (near(truth.playlist.since) || near(truth.playlist.until)) return;
        runs += 1;
        let trivial = true;
        for (const zone of truth.zones) {
          const key = `${zone.programme}/${zone.zone}`;
          const [x, y] = [onA.get(key), onB.get(key)];
          expect(x?.cycle).toEqual(zone.cycle);
          expect(y?.cycle).toEqual(zone.cycle);
          const p = zone.position;
          if (!p || near(p.startedAt) || near(p.dueAt)) continue;
          expect([x?.index, y?.index]).toEqual([p.index, p.index]);
          expect(Math.abs((x?.offsetMs ?? NaN) - (y?.offsetMs ?? NaN))).toBeLessThanOrEqual(margin);
          expect(Math.abs((x?.offsetMs ?? NaN) - p.offsetMs)).toBeLessThanOrEqual(margin);
          if (itemsIn(manifest, zone.programme, zone.zone) >= 2 && p.offsetMs >= 1) trivial = false;
          if (p.index > 0) pastFirstItem += 1;
        }
        if (!trivial) nonTrivial += 1;
      }),
      { numRuns: 120 },
    );
    // The runs were about something: several items, some way into one, often past the first item.
    expect(nonTrivial).toBeGreaterThan(runs * 0.6);
    expect(pastFirstItem).toBeGreaterThan(runs * 0.3);
  });
});
