import { ErrorCode, type ScheduleEvent } from '@baruga/protocol';
import { type Segment, createSchedule, forScreen, timeline } from '@baruga/schedules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';
import { joinRuns, timelinePreview } from './timeline-preview';

const event = (fields: Partial<ScheduleEvent> & Pick<ScheduleEvent, 'id' | 'start'>): ScheduleEvent => ({
  name: fields.id,
  playlistId: 'pl',
  targets: { screens: ['s1'], groups: [], walls: [], all: false },
  priority: 0,
  timezone: null,
  end: null,
  rrule: null,
  exdates: [],
  durationMinutes: null,
  daypartId: null,
  interrupt: null,
  maxPlaysPerHour: null,
  enabled: true,
  ...fields,
});

/** Overnight dayparts, an interrupt's share of voice, a cap on plays per hour and an event over the DST change. */
const schedules = ['Asia/Makassar', 'America/New_York'].map((timezone) =>
  forScreen(
    createSchedule({
      events: [
        event({ id: 'malam', start: '2025-03-01T00:00', rrule: 'FREQ=DAILY', daypartId: 'malam', playlistId: 'm' }),
        event({ id: 'jumat', start: '2025-03-07T11:30', rrule: 'FREQ=WEEKLY;BYDAY=FR', durationMinutes: 90 }),
        event({
          id: 'sela',
          start: '2025-03-01T08:00',
          rrule: 'FREQ=DAILY',
          durationMinutes: 600,
          interrupt: { percent: 10 },
          playlistId: 'iklan',
          priority: 5,
        }),
        event({
          id: 'jam',
          start: '2025-03-01T00:15',
          rrule: 'FREQ=HOURLY',
          durationMinutes: 20,
          maxPlaysPerHour: 4,
          playlistId: 'kpi',
          priority: 2,
        }),
      ],
      dayparts: [
        {
          id: 'malam',
          name: 'Malam',
          windows: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '22:00', end: '06:00' }],
        },
      ],
      playlistDurations: { default: 30_000, pl: 60_000, m: 120_000, iklan: 30_000, kpi: 45_000 },
    }),
    { id: 's1', timezone, wallId: null, groups: [] },
  ),
);

/** As the API writes a segment (the engine's may be class instances with `hides` as a getter). */
const plain = (list: readonly Segment[]) =>
  list.map((s) => ({ start: s.start, end: s.end, playlistId: s.playlistId, source: s.source, hides: [...s.hides] }));

describe('a timeline computed a local day at a time', () => {
  it('is the engine’s timeline of the whole range, neighbours that say the same joined', async () => {
    const start = Date.parse('2025-03-01T00:00:00Z');
    for (const schedule of schedules) {
      for (let i = 0; i < 12; i++) {
        // Ranges from 5 hours to 9 days, starting at odd minutes, some across the US change to daylight time.
        const from = start + i * 37 * 3_600_000 + i * 7 * 60_000;
        const to = from + (5 + i * 17) * 3_600_000;
        const whole = timeline(schedule, from, to);
        const daily = await timelinePreview(schedule, from, to, 100_000);
        expect(daily.ok).toBe(true);
        if (!daily.ok) return;
        expect(plain(daily.segments), `${schedule.screen.timezone} ${i}`).toEqual(plain(joinRuns(whole.segments)));
        expect(new Set(daily.warnings.map((w) => JSON.stringify(w)))).toEqual(
          new Set(whole.warnings.map((w) => JSON.stringify(w))),
        );
      }
    }
  });

  it('lets the event loop turn between days', async () => {
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const schedule = schedules[0] as (typeof schedules)[number];
    await timelinePreview(schedule, Date.parse('2025-03-01T00:00:00Z'), Date.parse('2025-03-31T00:00:00Z'), 100_000);
    ticking = false;
    expect(turns).toBeGreaterThanOrEqual(29);
  });
});

describe('the timeline preview route stays bounded', () => {
  let t: Awaited<ReturnType<typeof startTestController>>;
  beforeAll(async () => {
    t = await startTestController();
    await inject('POST', '/api/screens', { id: 'lounge-1', name: 'Lounge', width: 640, height: 360 });
    await inject('POST', '/api/playlists', { id: 'p', name: 'P', items: [{ type: 'text', props: { body: 'x' } }] });
    // The screen: 59 frequent events (one a minute past each hour, every hour).
    for (let i = 0; i < 59; i++) {
      const created = await inject('POST', '/api/events', {
        name: `Acara ${i}`,
        playlistId: 'p',
        targets: { screens: ['lounge-1'] },
        start: `2026-01-01T00:${String(i).padStart(2, '0')}`,
        rrule: 'FREQ=HOURLY',
        durationMinutes: 1,
      });
      expect(created.statusCode).toBe(201);
    }
  }, 60_000);
  afterAll(async () => {
    await t.controller.close();
  });

  function inject(method: 'GET' | 'POST', url: string, payload?: object) {
    return t.controller.app.inject({ method, url, headers: t.auth, ...(payload ? { payload } : {}) });
  }
  const month = '/api/screens/lounge-1/timeline?from=2026-02-01T00:00:00Z&to=2026-03-04T00:00:00Z';

  it('refuses a month of 88,000 segments with a stable code and a range that fits, in a small answer', async () => {
    const response = await inject('GET', month);
    expect(response.statusCode).toBe(422);
    const { error } = response.json<{ error: { code: string; details: { fitsUntil: string } } }>();
    expect(error.code).toBe(ErrorCode.timelineTooLarge);
    expect(response.body.length).toBeLessThan(1000);
    const fits = await inject(
      'GET',
      `/api/screens/lounge-1/timeline?from=2026-02-01T00:00:00Z&to=${error.details.fitsUntil}`,
    );
    expect(fits.statusCode).toBe(200);
  });

  it('keeps /api/health answering while three such previews run', async () => {
    const previews = Promise.all([1, 2, 3].map(() => inject('GET', month)));
    let slowest = 0;
    let done = false;
    void previews.then(() => (done = true));
    while (!done) {
      const asked = performance.now();
      await inject('GET', '/api/health');
      slowest = Math.max(slowest, performance.now() - asked);
      await new Promise((r) => setTimeout(r, 5));
    }
    // One day of one screen's schedule at a time between answers: well under what a person notices.
    expect(slowest).toBeLessThan(250);
    expect((await previews).map((r) => r.statusCode)).toEqual([422, 422, 422]);
  });
});
