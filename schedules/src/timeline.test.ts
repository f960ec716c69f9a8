import { describe, expect, it } from 'vitest';
import type { Daypart } from '@baruga/protocol';
import { at, describeSegment, event, scheduleFor } from './test-support';
import { explain, resolve, timeline } from './timeline';

const HOUR = 3_600_000;

const officeHours: Daypart = {
  id: 'office',
  name: 'Jam kantor',
  windows: [
    { days: ['MO', 'TU', 'WE', 'TH'], start: '08:00', end: '16:00' },
    { days: ['FR'], start: '08:00', end: '11:30' },
  ],
};

describe('timeline', () => {
  it('plays the default loop when nothing is scheduled, and says so', () => {
    const s = scheduleFor([]);
    const t = timeline(s, at('2025-03-07T00:00+08:00'), at('2025-03-08T00:00+08:00'));
    expect(t.segments.map((x) => describeSegment(x))).toEqual(['00:00–00:00 default (default)']);
    expect(explain(t.segments[0]!)).toBe('Nothing is scheduled: the default loop plays.');
  });

  it('budget data during office hours, Friday prayer above it, the loop otherwise (a lounge Friday)', () => {
    const s = scheduleFor(
      [
        event({
          id: 'budget',
          name: 'Data APBD',
          playlistId: 'budget',
          start: '2024-01-01T00:00',
          daypartId: 'office',
          priority: 5,
        }),
        event({
          id: 'friday',
          name: 'Pengumuman salat Jumat',
          playlistId: 'prayer',
          start: '2020-01-03T11:00',
          rrule: 'FREQ=WEEKLY;BYDAY=FR',
          durationMinutes: 90,
          priority: 10,
        }),
      ],
      { dayparts: [officeHours] },
    );
    // 2025-03-07 is a Friday.
    const t = timeline(s, at('2025-03-07T06:00+08:00'), at('2025-03-07T14:00+08:00'));
    expect(t.segments.map((x) => describeSegment(x))).toEqual([
      '06:00–08:00 default (default)',
      '08:00–11:00 budget (event budget)',
      '11:00–11:30 prayer (event friday)',
      '11:30–12:30 prayer (event friday)',
      '12:30–14:00 default (default)',
    ]);
    // Split at 11:30 because what it hides changes there: the budget event ends.
    expect(explain(t.segments[2]!)).toBe(
      'Event "Pengumuman salat Jumat" (priority 10) plays; it hides "Data APBD" (priority 5).',
    );
    expect(explain(t.segments[3]!)).toBe('Event "Pengumuman salat Jumat" (priority 10) plays.');
  });

  it('covers [from, to) exactly, from any start to any end', () => {
    const s = scheduleFor([event({ id: 'e', start: '2025-03-07T09:17', end: '2025-03-07T10:43' })]);
    const from = at('2025-03-07T09:00:01.5+08:00');
    const to = at('2025-03-07T10:59:59.25+08:00');
    const segs = timeline(s, from, to).segments;
    expect(segs[0]!.start).toBe(from);
    expect(segs[segs.length - 1]!.end).toBe(to);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBe(segs[i - 1]!.end);
  });

  it('breaks a tie of priority by id, and warns that it did', () => {
    const s = scheduleFor([
      event({ id: 'b-news', start: '2025-03-07T09:00', end: '2025-03-07T10:00', playlistId: 'news' }),
      event({ id: 'a-ads', start: '2025-03-07T09:30', end: '2025-03-07T10:30', playlistId: 'ads' }),
    ]);
    const t = timeline(s, at('2025-03-07T09:00+08:00'), at('2025-03-07T11:00+08:00'));
    expect(t.segments.map((x) => describeSegment(x))).toEqual([
      '09:00–09:30 news (event b-news)',
      '09:30–10:00 ads (event a-ads)', // hiding b-news
      '10:00–10:30 ads (event a-ads)', // hiding nothing
      '10:30–11:00 default (default)',
    ]);
    expect(t.warnings.map((w) => w.code)).toContain('same-priority-overlap');
    expect(explain(t.segments[1]!)).toContain('"b-news" (priority 0, same priority, later by id)');
  });

  it('plays an overnight daypart window from its evening into the next morning', () => {
    const night: Daypart = {
      id: 'night',
      name: 'Malam Sabtu',
      windows: [{ days: ['FR'], start: '22:00', end: '02:00' }],
    };
    const s = scheduleFor([event({ id: 'late', start: '2025-01-01T00:00', daypartId: 'night', playlistId: 'late' })], {
      dayparts: [night],
    });
    const t = timeline(s, at('2025-03-07T20:00+08:00'), at('2025-03-08T04:00+08:00'));
    expect(t.segments.map((x) => describeSegment(x))).toEqual([
      '20:00–22:00 default (default)',
      '22:00–02:00 late (event late)',
      '02:00–04:00 default (default)',
    ]);
    // And not Saturday night: the window belongs to Friday.
    const saturday = timeline(s, at('2025-03-08T20:00+08:00'), at('2025-03-09T04:00+08:00'));
    expect(saturday.segments.map((x) => x.playlistId)).toEqual(['default']);
  });

  it('leaves out EXDATE occurrences', () => {
    const s = scheduleFor([
      event({
        id: 'morning',
        start: '2025-03-03T07:00',
        rrule: 'FREQ=DAILY',
        durationMinutes: 60,
        exdates: ['2025-03-05T07:00'],
      }),
    ]);
    const days = ['2025-03-04', '2025-03-05', '2025-03-06'].map((d) => resolve(s, at(`${d}T07:30+08:00`)).playlistId);
    expect(days).toEqual(['pl', 'default', 'pl']);
  });

  it('a one-off with a length plays once, for that long', () => {
    const s = scheduleFor([event({ id: 'hut', start: '2025-08-17T08:00', durationMinutes: 120, playlistId: 'hut' })]);
    const t = timeline(s, at('2025-08-17T07:00+08:00'), at('2025-08-17T11:00+08:00'));
    expect(t.segments.map((x) => describeSegment(x))).toEqual([
      '07:00–08:00 default (default)',
      '08:00–10:00 hut (event hut)',
      '10:00–11:00 default (default)',
    ]);
  });

  it('skips disabled events and events whose playlist is gone, with a warning for the latter', () => {
    const s = scheduleFor(
      [
        event({ id: 'off', start: '2025-01-01T00:00', enabled: false }),
        event({ id: 'orphan', start: '2025-01-01T00:00', playlistId: 'gone' }),
      ],
      { playlists: {} },
    );
    // scheduleFor registers every event's playlist; drop "gone" to simulate a deleted one.
    const t = timeline(
      scheduleFor([event({ id: 'orphan', start: '2025-01-01T00:00', playlistId: 'gone' })], { playlists: { gone: 0 } }),
      at('2025-03-07T00:00+08:00'),
      at('2025-03-07T01:00+08:00'),
    );
    expect(t.segments.map((x) => x.playlistId)).toEqual(['default']);
    expect(t.warnings.map((w) => w.code)).toEqual(['empty-playlist']);
    expect(timeline(s, at('2025-03-07T00:00+08:00'), at('2025-03-07T01:00+08:00')).segments[0]!.source).toMatchObject({
      eventId: 'orphan',
    });
  });
});

describe('time rules', () => {
  it('"local to each screen": 09:00 is 09:00 on every screen\'s own clock', () => {
    const e = event({ id: 'apel', start: '2025-03-03T09:00', rrule: 'FREQ=DAILY', durationMinutes: 30 });
    const wita = scheduleFor([e], { screen: { timezone: 'Asia/Makassar' } });
    const wib = scheduleFor([e], { screen: { timezone: 'Asia/Jakarta' } });
    expect(resolve(wita, at('2025-03-04T09:10+08:00')).playlistId).toBe('pl');
    expect(resolve(wib, at('2025-03-04T09:10+07:00')).playlistId).toBe('pl');
    expect(resolve(wib, at('2025-03-04T09:10+08:00')).playlistId).toBe('default'); // 08:10 in Jakarta
  });

  it('"the same instant everywhere": a WIB event plays at 10:00 on a WITA screen', () => {
    const e = event({
      id: 'upacara',
      start: '2025-08-17T09:00',
      durationMinutes: 60,
      timezone: 'Asia/Jakarta',
    });
    const wita = scheduleFor([e], { screen: { timezone: 'Asia/Makassar' } });
    const t = timeline(wita, at('2025-08-17T09:00+08:00'), at('2025-08-17T12:00+08:00'));
    expect(t.segments.map((x) => describeSegment(x))).toEqual([
      '09:00–10:00 default (default)',
      '10:00–11:00 pl (event upacara)',
      '11:00–12:00 default (default)',
    ]);
  });

  describe('DST, in a zone that has it (Europe/Amsterdam)', () => {
    const ams = { timezone: 'Europe/Amsterdam' };

    it('spring forward: a window inside the missing hour does not fire that day', () => {
      // 2025-03-30 02:00 CET → 03:00 CEST.
      const s = scheduleFor([event({ id: 'e', start: '2025-03-01T02:15', rrule: 'FREQ=DAILY', durationMinutes: 30 })], {
        screen: ams,
      });
      const day = timeline(s, at('2025-03-30T00:00+01:00'), at('2025-03-31T00:00+02:00'));
      expect(day.segments.map((x) => x.playlistId)).toEqual(['default']);
      const dayBefore = timeline(s, at('2025-03-29T00:00+01:00'), at('2025-03-30T00:00+01:00'));
      expect(dayBefore.segments.map((x) => describeSegment(x, 1))).toContain('02:15–02:45 pl (event e)');
    });

    it('spring forward: a window across the missing hour is shortened, not moved', () => {
      const s = scheduleFor(
        [event({ id: 'e', start: '2025-03-01T01:30', rrule: 'FREQ=DAILY', durationMinutes: 120 })],
        {
          screen: ams,
        },
      );
      const t = timeline(s, at('2025-03-30T00:00+01:00'), at('2025-03-30T12:00+02:00'));
      const played = t.segments.find((x) => x.playlistId === 'pl')!;
      expect(new Date(played.start).toISOString()).toBe('2025-03-30T00:30:00.000Z'); // 01:30 CET
      expect(new Date(played.end).toISOString()).toBe('2025-03-30T01:30:00.000Z'); // 03:30 CEST
    });

    it('fall back: an occurrence inside the repeated hour plays once, on its first pass (RFC 5545 3.3.5)', () => {
      // 2025-10-26 03:00 CEST → 02:00 CET: the clock reads 02:15 twice, and an occurrence starts at the first.
      const s = scheduleFor([event({ id: 'e', start: '2025-10-01T02:15', rrule: 'FREQ=DAILY', durationMinutes: 30 })], {
        screen: ams,
      });
      const t = timeline(s, at('2025-10-26T00:00+02:00'), at('2025-10-27T00:00+01:00'));
      const played = t.segments.filter((x) => x.playlistId === 'pl').map((x) => new Date(x.start).toISOString());
      expect(played).toEqual(['2025-10-26T00:15:00.000Z']);
    });

    it('a daily 09:00 event stays at 09:00 on the wall across both changes', () => {
      const s = scheduleFor([event({ id: 'e', start: '2025-01-01T09:00', rrule: 'FREQ=DAILY', durationMinutes: 60 })], {
        screen: ams,
      });
      expect(resolve(s, at('2025-03-29T09:30+01:00')).playlistId).toBe('pl');
      expect(resolve(s, at('2025-03-31T09:30+02:00')).playlistId).toBe('pl');
      expect(resolve(s, at('2025-10-27T09:30+01:00')).playlistId).toBe('pl');
      expect(resolve(s, at('2025-10-27T08:30+01:00')).playlistId).toBe('default');
    });
  });
});

describe('interrupts', () => {
  it('spreads a share of voice evenly over the hour, not in one block (every 10 minutes)', () => {
    const s = scheduleFor(
      [event({ id: 'psa', start: '2025-01-01T00:00', playlistId: 'psa', interrupt: { secondsPerHour: 60 } })],
      { playlists: { psa: 10_000 } },
    );
    const t = timeline(s, at('2025-03-07T09:00+08:00'), at('2025-03-07T10:00+08:00'));
    const slots = t.segments.filter((x) => x.source.kind === 'interrupt');
    expect(slots.map((x) => describeSegment(x))).toEqual(
      ['09:00', '09:10', '09:20', '09:30', '09:40', '09:50'].map((h) => `${h}–${h.slice(0, 4)}0 psa (interrupt psa)`),
    );
    expect(slots.every((x) => x.end - x.start === 10_000)).toBe(true);
    expect(explain(slots[2]!)).toBe('Interrupt "psa" (priority 0) plays, slot 3 of 6 this hour.');
  });

  it('takes a percentage of the hour, over a scheduled event it interrupts', () => {
    const s = scheduleFor(
      [
        event({ id: 'ad', start: '2025-01-01T00:00', playlistId: 'ad', interrupt: { percent: 10 } }),
        event({ id: 'kpi', start: '2025-01-01T00:00', playlistId: 'kpi', priority: 0 }),
      ],
      { playlists: { ad: 60_000 } },
    );
    const t = timeline(s, at('2025-03-07T09:00+08:00'), at('2025-03-07T10:00+08:00'));
    const ad = t.segments.filter((x) => x.playlistId === 'ad');
    expect(ad).toHaveLength(6);
    expect(ad.reduce((sum, x) => sum + x.end - x.start, 0)).toBe(360_000);
    expect(ad[0]!.hides).toEqual([expect.objectContaining({ eventId: 'kpi', reason: 'interrupted' })]);
  });

  it('is held back by a scheduled event of higher priority, and listed as hidden', () => {
    const s = scheduleFor(
      [
        event({ id: 'ad', start: '2025-01-01T00:00', playlistId: 'ad', interrupt: { secondsPerHour: 60 } }),
        event({
          id: 'emergency',
          start: '2025-03-07T09:00',
          end: '2025-03-07T09:30',
          playlistId: 'alert',
          priority: 50,
        }),
      ],
      { playlists: { ad: 10_000 } },
    );
    const t = timeline(s, at('2025-03-07T09:00+08:00'), at('2025-03-07T10:00+08:00'));
    expect(t.segments[0]!.playlistId).toBe('alert');
    expect(t.segments[0]!.end).toBe(at('2025-03-07T09:30+08:00'));
    expect(explain(t.segments[0]!)).toBe(
      'Event "emergency" (priority 50) plays; it hides interrupt "ad" (priority 0).',
    );
    expect(t.segments.filter((x) => x.playlistId === 'ad')).toHaveLength(3); // 09:30, 09:40, 09:50
  });

  it('two interrupts take turns instead of colliding', () => {
    const s = scheduleFor(
      [
        event({ id: 'a', start: '2025-01-01T00:00', playlistId: 'a', interrupt: { secondsPerHour: 120 } }),
        event({ id: 'b', start: '2025-01-01T00:00', playlistId: 'b', interrupt: { secondsPerHour: 60 } }),
      ],
      { playlists: { a: 30_000, b: 30_000 } },
    );
    const t = timeline(s, at('2025-03-07T09:00+08:00'), at('2025-03-07T10:00+08:00'));
    const time = (id: string) =>
      t.segments.filter((x) => x.playlistId === id).reduce((sum, x) => sum + x.end - x.start, 0);
    expect(time('a')).toBe(120_000);
    expect(time('b')).toBe(60_000);
    // "a" comes first (id order at equal priority): b's slots start where a's end.
    const seconds = (id: string) =>
      t.segments
        .filter((x) => x.playlistId === id)
        .map((x) => new Date(x.start + 8 * HOUR).toISOString().slice(11, 19));
    expect(seconds('a')).toEqual(['09:00:00', '09:15:00', '09:30:00', '09:45:00']);
    expect(seconds('b')).toEqual(['09:00:30', '09:30:30']);
  });

  it('warns when interrupts ask for more than the whole hour, or more plays than allowed', () => {
    const s = scheduleFor(
      [
        event({ id: 'a', start: '2025-01-01T00:00', playlistId: 'a', interrupt: { percent: 70 } }),
        event({ id: 'b', start: '2025-01-01T00:00', playlistId: 'b', interrupt: { percent: 50 } }),
        event({
          id: 'c',
          start: '2025-01-01T00:00',
          playlistId: 'c',
          interrupt: { secondsPerHour: 600 },
          maxPlaysPerHour: 2,
        }),
      ],
      { playlists: { a: 60_000, b: 60_000, c: 60_000 } },
    );
    const codes = timeline(s, at('2025-03-07T09:00+08:00'), at('2025-03-07T10:00+08:00')).warnings.map((w) => w.code);
    expect(codes).toContain('share-over-100');
    expect(codes).toContain('plays-per-hour-cannot-fit');
  });
});

describe('max plays per hour', () => {
  it('plays a scheduled event that many passes an hour, evenly spaced, and the lower layer between', () => {
    const s = scheduleFor(
      [
        event({ id: 'promo', start: '2025-01-01T00:00', playlistId: 'promo', maxPlaysPerHour: 2, priority: 3 }),
        event({ id: 'base', start: '2025-01-01T00:00', playlistId: 'base' }),
      ],
      { playlists: { promo: 300_000 } },
    );
    const t = timeline(s, at('2025-03-07T09:00+08:00'), at('2025-03-07T10:00+08:00'));
    expect(t.segments.map((x) => describeSegment(x))).toEqual([
      '09:00–09:05 promo (event promo)',
      '09:05–09:30 base (event base)',
      '09:30–09:35 promo (event promo)',
      '09:35–10:00 base (event base)',
    ]);
  });
});

describe('resolve', () => {
  it('answers what timeline says, with why, and the run it belongs to', () => {
    const s = scheduleFor([
      event({ id: 'e', start: '2025-03-07T09:00', end: '2025-03-07T17:00', playlistId: 'day', priority: 2 }),
      event({ id: 'low', start: '2025-03-07T00:00', end: '2025-03-08T00:00', playlistId: 'low' }),
    ]);
    const r = resolve(s, at('2025-03-07T12:00+08:00'));
    expect(r.playlistId).toBe('day');
    expect(r.explanation).toBe('Event "e" (priority 2) plays; it hides "low" (priority 0).');
    expect(r.since).toBe(at('2025-03-07T09:00+08:00'));
    expect(r.until).toBe(at('2025-03-07T17:00+08:00'));
  });

  it('gives the same answer whenever it is asked (the local day is the window)', () => {
    const s = scheduleFor([
      event({ id: 'psa', start: '2025-01-01T00:00', playlistId: 'psa', interrupt: { secondsPerHour: 30 } }),
    ]);
    const instant = at('2025-03-07T13:00:05+08:00'); // one 30 s slot at the top of each hour
    const first = resolve(s, instant);
    resolve(s, at('2025-03-09T00:00+08:00')); // another day in between
    expect(resolve(s, instant)).toEqual(first);
    expect(first.playlistId).toBe('psa');
  });

  it('uses a fresh answer after an edit', () => {
    const s = scheduleFor([]);
    const instant = at('2025-03-07T12:00+08:00');
    expect(resolve(s, instant).playlistId).toBe('default');
    s.schedule.upsertEvent(event({ id: 'new', start: '2025-03-07T11:00', durationMinutes: 120 }));
    expect(resolve(s, instant).playlistId).toBe('pl');
  });

  it('ignores events for other screens, and matches walls and groups', () => {
    const events = [
      event({
        id: 'other',
        start: '2025-01-01T00:00',
        targets: { screens: ['s2'], groups: [], walls: [], all: false },
      }),
      event({
        id: 'wall',
        start: '2025-01-01T00:00',
        playlistId: 'wall',
        priority: 1,
        targets: { screens: [], groups: [], walls: ['lounge'], all: false },
      }),
      event({
        id: 'group',
        start: '2025-01-01T00:00',
        playlistId: 'group',
        priority: 2,
        targets: { screens: [], groups: ['opd-bappeda'], walls: [], all: false },
      }),
    ];
    const noon = at('2025-03-07T12:00+08:00');
    expect(resolve(scheduleFor(events), noon).playlistId).toBe('default');
    expect(resolve(scheduleFor(events, { screen: { wallId: 'lounge' } }), noon).playlistId).toBe('wall');
    expect(
      resolve(scheduleFor(events, { screen: { wallId: 'lounge', groups: ['opd-bappeda'] } }), noon).playlistId,
    ).toBe('group');
  });
});
