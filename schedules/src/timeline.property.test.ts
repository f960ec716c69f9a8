import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Daypart, ScheduleEvent } from '@baruga/protocol';
import { type ScreenSchedule, createSchedule, forScreen } from './schedule';
import { event, screen } from './test-support';
import { type Segment, resolve, timeline } from './timeline';

/**
 * The invariants, over random schedules: the timeline covers its range exactly, the highest priority wins
 * (ties by id), interrupts get their share of each hour within 1 %, and the answer depends on nothing but
 * the inputs. Zones with DST and windows across their changes are in the mix on purpose.
 */

const HOUR = 3_600_000;
const ZONES = ['Asia/Makassar', 'Asia/Jakarta', 'Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe'];
const DAYPARTS: Daypart[] = [
  { id: 'office', name: 'Office', windows: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '08:00', end: '16:00' }] },
  { id: 'night', name: 'Night', windows: [{ days: ['FR', 'SA', 'SU'], start: '22:00', end: '03:00' }] },
  { id: 'dst-hour', name: 'Around 02:00', windows: [{ days: ['SU'], start: '01:30', end: '03:15' }] },
];
const RULES = [
  'FREQ=DAILY',
  'FREQ=WEEKLY;BYDAY=MO,WE,FR,SU',
  'FREQ=HOURLY;INTERVAL=2',
  'FREQ=MINUTELY;INTERVAL=20',
  'FREQ=MONTHLY;BYMONTHDAY=1,15,-1,30',
  'FREQ=DAILY;BYHOUR=2,9,13;BYMINUTE=0,30',
  'FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU',
];
// Around Europe's and the US's DST changes of 2025.
const WINDOW_STARTS = [
  Date.parse('2025-03-29T00:00:00Z'),
  Date.parse('2025-10-25T00:00:00Z'),
  Date.parse('2025-11-01T12:00:00Z'),
];

const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);

const arbEvent = (id: string) =>
  fc
    .record({
      priority: fc.integer({ min: 0, max: 3 }),
      // Mostly near the window, so events overlap and compete; some years old, as DTSTARTs are.
      startOffsetH: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: -48, max: 48 }) },
        { weight: 1, arbitrary: fc.integer({ min: -24 * 400, max: -48 }) },
      ),
      lengthH: fc.option(fc.integer({ min: 1, max: 24 * 30 }), { freq: 1, nil: null }),
      rule: fc.option(fc.constantFrom(...RULES), { nil: null }),
      minutes: fc.integer({ min: 5, max: 180 }),
      daypart: fc.option(fc.constantFrom(...DAYPARTS.map((d) => d.id)), { nil: null }),
      interrupt: fc.option(
        fc.oneof(
          fc.record({ secondsPerHour: fc.integer({ min: 10, max: 900 }) }),
          fc.record({ percent: fc.integer({ min: 1, max: 25 }) }),
        ),
        { freq: 4, nil: null },
      ),
      maxPlays: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 5, nil: null }),
      zone: fc.option(fc.constantFrom('Asia/Jakarta', 'Europe/Amsterdam'), { freq: 4, nil: null }),
      minute: fc.constantFrom(0, 15, 30, 45),
    })
    .map((r) => ({ r, id }));

const arbCase = fc.record({
  zone: fc.constantFrom(...ZONES),
  base: fc.constantFrom(...WINDOW_STARTS),
  fromOffset: fc.integer({ min: 0, max: 36 * HOUR }),
  length: fc.integer({ min: 1, max: 40 * HOUR }),
  events: fc
    .uniqueArray(fc.integer({ min: 0, max: 11 }), { minLength: 2, maxLength: 9 })
    .chain((ids) => fc.tuple(...ids.map((i) => arbEvent(`e${String(i).padStart(2, '0')}`)))),
  durations: fc.array(fc.integer({ min: 5, max: 600 }), { minLength: 12, maxLength: 12 }),
});

type CaseValue = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

function build(c: CaseValue): {
  events: ScheduleEvent[];
  playlists: Record<string, number>;
} {
  const playlists: Record<string, number> = { default: 30_000 };
  const events = c.events.map(({ r, id }, i) => {
    const start = Math.floor((c.base + r.startOffsetH * HOUR) / HOUR) * HOUR + r.minute * 60_000;
    playlists[`pl-${id}`] = (c.durations[i] ?? 60) * 1000;
    return event({
      id,
      playlistId: `pl-${id}`,
      priority: r.priority,
      start: local(start),
      end: r.lengthH === null ? null : local(start + r.lengthH * HOUR),
      rrule: r.rule,
      durationMinutes: r.rule ? r.minutes : null,
      daypartId: r.daypart,
      interrupt: r.interrupt,
      maxPlaysPerHour: r.maxPlays,
      timezone: r.zone,
    });
  });
  return { events, playlists };
}
function screenSchedule(c: CaseValue, shuffle = false): ScreenSchedule {
  const { events, playlists } = build(c);
  const ordered = shuffle ? [...events].reverse() : events;
  return forScreen(
    createSchedule({ events: ordered, dayparts: DAYPARTS, playlistDurations: playlists }),
    screen({ timezone: c.zone }),
  );
}

const range = (c: CaseValue) => {
  const from = c.base + c.fromOffset;
  return { from, to: from + c.length };
};

function segmentAt(segments: readonly Segment[], t: number): Segment | undefined {
  return segments.find((s) => s.start <= t && t < s.end);
}

describe('timeline invariants (property)', () => {
  it('covers [from, to) exactly: in order, no gaps, no overlaps, nothing empty', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const { from, to } = range(c);
        const { segments } = timeline(screenSchedule(c), from, to);
        expect(segments[0]?.start).toBe(from);
        expect(segments[segments.length - 1]?.end).toBe(to);
        for (const [i, s] of segments.entries()) {
          expect(s.end).toBeGreaterThan(s.start);
          if (i > 0) expect(s.start).toBe(segments[i - 1]?.end);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('respects priority: the winner is the highest active event (ties by id); interrupts only over lower or equal', () => {
    let runs = 0;
    let scheduled = 0;
    fc.assert(
      fc.property(arbCase, (c) => {
        const ss = screenSchedule(c);
        const { from, to } = range(c);
        const { segments } = timeline(ss, from, to);
        runs++;
        if (segments.some((s) => s.source.kind !== 'default')) scheduled++;
        const w0 = Math.floor(from / HOUR) * HOUR - HOUR;
        const w1 = Math.ceil(to / HOUR) * HOUR;
        const events = ss.schedule.relevant(ss.screen).filter((e) => e.playable);
        const ivs = new Map(events.map((e) => [e, e.active(e.zone ?? ss.screen.timezone, w0, w1)]));
        const activeAt = (t: number) =>
          events.filter((e) => {
            const iv = ivs.get(e) ?? [];
            for (let i = 0; i < iv.length; i += 2) if (t >= (iv[i] as number) && t < (iv[i + 1] as number)) return true;
            return false;
          });
        for (const s of segments) {
          for (const t of [s.start, Math.floor((s.start + s.end) / 2), s.end - 1]) {
            const on = activeAt(t);
            const normals = on.filter((e) => !e.interrupt);
            // The oracle: the highest priority, and of those the smallest id (not relevant()'s own order).
            const best = Math.max(...normals.map((e) => e.priority));
            const top = normals.filter((e) => e.priority === best).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
            if (s.source.kind === 'default') {
              expect(normals).toEqual([]);
            } else if (s.source.kind === 'event') {
              expect(s.source.eventId).toBe(top?.id);
            } else {
              const id = s.source.eventId;
              const interrupt = on.find((e) => e.id === id);
              expect(interrupt).toBeDefined();
              if (top) expect(interrupt!.priority).toBeGreaterThanOrEqual(top.priority);
            }
          }
        }
      }),
      { numRuns: 80 },
    );
    // Timelines of nothing but the default loop would test no priority at all.
    expect(scheduled).toBeGreaterThan(runs * 0.5);
  });

  it('gives an always-on interrupt its share of every clock hour, within 1 %', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ secondsPerHour: fc.integer({ min: 30, max: 1800 }) }),
          fc.record({ percent: fc.double({ min: 1, max: 50, noNaN: true }) }),
        ),
        fc.integer({ min: 5, max: 120 }),
        fc.constantFrom(...ZONES),
        fc.array(fc.record({ startH: fc.integer({ min: 0, max: 20 }), lengthH: fc.integer({ min: 1, max: 5 }) }), {
          maxLength: 4,
        }),
        (share, passS, zone, others) => {
          const shareMs = 'secondsPerHour' in share ? share.secondsPerHour * 1000 : share.percent * 36_000;
          // A pass no longer than the share: otherwise each slot is cut short, and the warning says so.
          fc.pre(passS * 1000 <= shareMs);
          const base = Date.parse('2025-10-25T00:00:00Z');
          const events = [
            event({ id: 'int', playlistId: 'int', start: '2025-01-01T00:00', interrupt: share, priority: 2 }),
            ...others.map((o, i) =>
              event({
                id: `n${i}`,
                playlistId: `n${i}`,
                priority: i % 3,
                start: local(base + o.startH * HOUR),
                end: local(base + (o.startH + o.lengthH) * HOUR),
              }),
            ),
          ];
          const playlists = { default: 30_000, int: passS * 1000, n0: 60_000, n1: 60_000, n2: 60_000, n3: 60_000 };
          const ss = forScreen(
            createSchedule({ events, dayparts: [], playlistDurations: playlists }),
            screen({ timezone: zone }),
          );
          const { segments } = timeline(ss, base, base + 30 * HOUR);
          for (let h = base; h < base + 30 * HOUR; h += HOUR) {
            let got = 0;
            for (const s of segments) {
              if (s.playlistId !== 'int') continue;
              got += Math.max(0, Math.min(s.end, h + HOUR) - Math.max(s.start, h));
            }
            expect(Math.abs(got - shareMs)).toBeLessThanOrEqual(shareMs * 0.01);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is deterministic: same inputs in any order give the same timeline, warnings included', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const { from, to } = range(c);
        const a = timeline(screenSchedule(c), from, to);
        const b = timeline(screenSchedule(c, true), from, to);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 60 },
    );
  });

  it('resolve() agrees with timeline() at every instant', () => {
    let picked = 0;
    let onEvent = 0;
    fc.assert(
      fc.property(
        arbCase,
        // Integers, not fc.double: fast-check 4 draws doubles in [0, 1] mostly within 1e-9 of 0, which put
        // nearly every instant within a second of `from`.
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 }),
        (c, picks) => {
          const ss = screenSchedule(c);
          const { from, to } = range(c);
          const { segments } = timeline(ss, from, to);
          for (const [i, p] of picks.entries()) {
            // Every other instant inside a segment (most segments are events'), the rest anywhere in the range.
            const inside = segments[p % segments.length];
            const t =
              i % 2 === 0 && inside
                ? inside.start + Math.floor(((p % 997) / 997) * (inside.end - inside.start))
                : Math.min(to - 1, from + Math.floor((p / 1_000_000) * (to - from)));
            const seg = segmentAt(segments, t);
            const r = resolve(ss, t);
            expect(r.playlistId).toBe(seg?.playlistId);
            expect(r.source).toEqual(seg?.source);
            expect(r.hides).toEqual(seg?.hides);
            picked++;
            if (r.source.kind !== 'default') onEvent++;
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(onEvent).toBeGreaterThan(picked * 0.1);
  });
});
