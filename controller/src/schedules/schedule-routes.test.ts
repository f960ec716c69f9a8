import { type TimelineView, parseManifest } from '@baruga/protocol';
import { explain, playlistAt, screenScheduleFromManifest, timeline } from '@baruga/schedules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

/**
 * The schedules API as an operator uses it: a playlist, office hours, an event with a rule, and the previews.
 * The last stories check what matters most: the controller's preview of a screen equals what a player computes
 * from the published manifest alone.
 */
describe('schedules API', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startTestController();
    // A 2×1 wall of two tiles and a kiosk, as demo/seed.ts lays out the lounge.
    const { repos } = t.controller;
    repos.screens.createWall({ id: 'lounge', name: 'Lounge', columns: 2, rows: 1, tileWidth: 1920, tileHeight: 1080 });
    for (const [i, id] of ['lounge-1', 'lounge-2'].entries()) {
      repos.screens.create(
        { id, name: id, width: 1920, height: 1080, timezone: 'Asia/Makassar', locale: 'id-ID', public: false },
        { wallId: 'lounge', column: i, row: 0 },
      );
    }
    const kiosk = await inject('POST', '/api/screens', { id: 'kiosk', name: 'Kiosk', width: 1080, height: 1920 });
    expect(kiosk.statusCode).toBe(201);
    await inject('POST', '/api/screens/kiosk/items', { type: 'text', props: { body: 'Selamat datang' } });
  });
  afterAll(async () => {
    await t.controller.close();
  });

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.controller.app.inject({
      method,
      url,
      headers: t.auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  const tables = ['playlists', 'items', 'dayparts', 'events', 'event_targets', 'screen_groups', 'manifests'];
  const snapshot = () => tables.map((table) => t.controller.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());

  const budgetEvent = {
    name: 'Data APBD',
    playlistId: 'budget',
    targets: { walls: ['lounge'], screens: ['kiosk'] },
    priority: 5,
    start: '2025-03-03T08:00',
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    durationMinutes: 480,
    daypartId: null,
  };
  let budgetId = '';

  it('1. creates a playlist and a daypart', async () => {
    const playlist = await inject('POST', '/api/playlists', {
      id: 'budget',
      name: 'Anggaran',
      items: [
        { type: 'text', props: { body: 'APBD 2025' }, durationMs: 20_000 },
        { type: 'clock', props: {}, durationMs: 8_000 },
      ],
    });
    expect(playlist.statusCode, playlist.body).toBe(201);
    expect(playlist.json()).toMatchObject({
      id: 'budget',
      durationMs: 20_000 + 8_000,
      items: [{ position: 0 }, { position: 1 }],
    });

    const psa = await inject('POST', '/api/playlists', {
      id: 'psa',
      name: 'Layanan masyarakat',
      items: [{ type: 'text', props: { body: 'Lapor!' }, durationMs: 10_000 }],
    });
    expect(psa.statusCode).toBe(201);

    const daypart = await inject('POST', '/api/dayparts', {
      id: 'office',
      name: 'Jam kantor',
      windows: [
        { days: ['MO', 'TU', 'WE', 'TH'], start: '08:00', end: '16:00' },
        { days: ['FR'], start: '08:00', end: '11:30' },
      ],
    });
    expect(daypart.statusCode, daypart.body).toBe(201);
    expect((await inject('POST', '/api/playlists', { id: 'default', name: 'x' })).statusCode).toBe(400);
    expect((await inject('POST', '/api/playlists', { id: 'psa', name: 'x' })).json().error.code).toBe(
      'BARUGA_ERR_PLAYLIST_EXISTS',
    );
  });

  it.each([
    ['an invalid RRULE', { rrule: 'FREQ=WEEKLY;BYDAY=XX' }, 'BARUGA_ERR_INVALID_RRULE'],
    ['a window that ends before it starts', { rrule: null, end: '2025-03-01T00:00' }, 'BARUGA_ERR_INVALID_WINDOW'],
    ['an unknown timezone', { timezone: 'Asia/Kendari' }, 'BARUGA_ERR_UNKNOWN_TIMEZONE'],
    ['a playlist that does not exist', { playlistId: 'tidak-ada' }, 'BARUGA_ERR_PLAYLIST_NOT_FOUND'],
    ['a daypart that does not exist', { daypartId: 'tidak-ada' }, 'BARUGA_ERR_DAYPART_NOT_FOUND'],
    ['a wall that does not exist', { targets: { walls: ['tidak-ada'] } }, 'BARUGA_ERR_WALL_NOT_FOUND'],
    ['a share of voice over 100 %', { interrupt: { percent: 150 } }, 'BARUGA_ERR_VALIDATION'],
  ])('2. refuses %s with a stable code, and changes nothing', async (_what, change, code) => {
    const before = snapshot();
    const response = await inject('POST', '/api/events', { ...budgetEvent, ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe(code);
    expect(response.json().error.message).toEqual(expect.any(String));
    expect(snapshot()).toEqual(before);
  });

  it('3. creates an event, republishes the screens it targets, and says what an operator should know', async () => {
    const response = await inject('POST', '/api/events', budgetEvent);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    budgetId = body.event.event.id;
    expect(body.republished).toEqual(['kiosk', 'lounge-1', 'lounge-2']);
    expect(body.event).toMatchObject({ warnings: [], firstActive: expect.any(String) });

    const manifest = (await inject('GET', '/api/screens/lounge-1/manifest')).json();
    expect(manifest.schemaVersion).toBe(2);
    expect(manifest.schedule).toMatchObject({ wallId: 'lounge', events: [{ id: budgetId, playlistId: 'budget' }] });
    expect(Object.keys(manifest.playlists)).toEqual(['budget']);
    expect(manifest.playlists.budget.map((i: { durationMs: number }) => i.durationMs)).toEqual([20_000, 8_000]);

    const never = await inject('POST', '/api/events', {
      ...budgetEvent,
      name: 'Tanggal 30 Februari',
      rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
      targets: { screens: ['kiosk'] },
    });
    expect(never.statusCode).toBe(201);
    expect(never.json().event.warnings.map((w: { code: string }) => w.code)).toEqual(['never-fires']);
    expect((await inject('DELETE', `/api/events/${never.json().event.event.id}`)).statusCode).toBe(204);

    // A playlist with nothing in it yet: the event is legal, and the answer says it will not play.
    expect((await inject('POST', '/api/playlists', { id: 'kosong', name: 'Kosong' })).statusCode).toBe(201);
    const empty = await inject('POST', '/api/events', {
      ...budgetEvent,
      playlistId: 'kosong',
      targets: { screens: ['kiosk'] },
    });
    expect(empty.statusCode).toBe(201);
    expect(empty.json().event.warnings.map((w: { code: string }) => w.code)).toEqual(['empty-playlist']);
    expect((await inject('DELETE', `/api/events/${empty.json().event.event.id}`)).statusCode).toBe(204);
    expect((await inject('DELETE', '/api/playlists/kosong')).statusCode).toBe(204);
  });

  it('3b. checks an event on its own zone’s clock, and says what is wrong with a malformed rule', async () => {
    // 1. A one-off inside New York's spring-forward gap (2036-03-09, 02:00 → 03:00): that clock never reads it.
    const gap = await inject('POST', '/api/events', {
      ...budgetEvent,
      name: 'Di celah DST',
      targets: { screens: ['kiosk'] },
      timezone: 'America/New_York',
      start: '2036-03-09T02:15',
      end: '2036-03-09T02:45',
      rrule: null,
      durationMinutes: null,
    });
    expect(gap.statusCode, gap.body).toBe(201);
    expect(gap.json().event).toMatchObject({ firstActive: null, warnings: [{ code: 'never-fires' }] });
    // 2. COUNT=1 at a time in the gap: that start does not count, so the one occurrence is the next day's.
    const once = await inject('POST', '/api/events', {
      ...budgetEvent,
      name: 'Sekali',
      targets: { screens: ['kiosk'] },
      timezone: 'America/New_York',
      start: '2036-03-09T02:30',
      rrule: 'FREQ=DAILY;COUNT=1',
      durationMinutes: 10,
    });
    expect(once.json().event).toMatchObject({ firstActive: '2036-03-10T02:30:00', warnings: [] });
    // 3. A UNTIL in UTC, as calendars export it, is accepted.
    const until = await inject('POST', '/api/events', {
      ...budgetEvent,
      targets: { screens: ['kiosk'] },
      timezone: 'America/New_York',
      rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20360331T035959Z',
    });
    expect(until.statusCode, until.body).toBe(201);
    for (const r of [gap, once, until]) {
      expect((await inject('DELETE', `/api/events/${r.json().event.event.id}`)).statusCode).toBe(204);
    }
    // 4. "FREQ" alone: a 400 with the stable code and a sentence, not a TypeError.
    const bare = await inject('POST', '/api/events', { ...budgetEvent, rrule: 'FREQ' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toEqual({
      code: 'BARUGA_ERR_INVALID_RRULE',
      message: expect.stringMatching(/FREQ needs a value/),
    });
  });

  it("4. shows a screen's timeline with explanations, and refuses a range that makes no sense", async () => {
    const psa = await inject('POST', '/api/events', {
      name: 'Layanan masyarakat',
      playlistId: 'psa',
      targets: { walls: ['lounge'] },
      priority: 5,
      start: '2025-01-01T00:00',
      interrupt: { secondsPerHour: 60 },
    });
    expect(psa.statusCode, psa.body).toBe(201);
    const response = await inject(
      'GET',
      '/api/screens/lounge-1/timeline?from=2025-03-07T08:00:00%2B08:00&to=2025-03-07T09:00:00%2B08:00',
    );
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json<TimelineView>();
    expect(view.segments[0]).toMatchObject({
      start: '2025-03-07T00:00:00.000Z',
      playlistId: 'psa',
      explanation:
        'Interrupt "Layanan masyarakat" (priority 5) plays, slot 1 of 6 this hour; it hides "Data APBD" (priority 5).',
    });
    expect(view.segments.filter((s) => s.playlistId === 'psa')).toHaveLength(6);
    expect(view.segments.at(-1)?.end).toBe('2025-03-07T01:00:00.000Z');

    const backwards = await inject(
      'GET',
      '/api/screens/lounge-1/timeline?from=2025-03-07T09:00:00Z&to=2025-03-07T08:00:00Z',
    );
    expect(backwards.json().error.code).toBe('BARUGA_ERR_INVALID_RANGE');
    const tooLong = await inject(
      'GET',
      '/api/screens/lounge-1/timeline?from=2025-03-01T00:00:00Z&to=2025-05-01T00:00:00Z',
    );
    expect(tooLong.json().error.code).toBe('BARUGA_ERR_INVALID_RANGE');
    expect((await inject('GET', '/api/screens/tidak-ada/timeline')).json().error.code).toBe(
      'BARUGA_ERR_SCREEN_NOT_FOUND',
    );
  });

  it('5. the preview equals what a player resolves from the published manifest alone', async () => {
    for (const screenId of ['lounge-1', 'kiosk']) {
      const raw = (await inject('GET', `/api/screens/${screenId}/manifest`)).json();
      // What a player has: the manifest's JSON, parsed, nothing else.
      const parsed = parseManifest(JSON.parse(JSON.stringify(raw)));
      if (!parsed.ok) throw new Error(parsed.error.message);
      const manifest = parsed.value;

      const from = Date.parse('2025-03-06T20:00:00+08:00');
      const to = Date.parse('2025-03-08T02:00:00+08:00');
      const preview = (
        await inject(
          'GET',
          `/api/screens/${screenId}/timeline?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`,
        )
      ).json<TimelineView>();

      // The same timeline, segment for segment…
      const playerSide = timeline(screenScheduleFromManifest(manifest), from, to);
      expect(
        playerSide.segments.map((s) => ({
          start: new Date(s.start).toISOString(),
          end: new Date(s.end).toISOString(),
          playlistId: s.playlistId,
          source: s.source,
          hides: s.hides,
          explanation: explain(s),
        })),
      ).toEqual(preview.segments);
      // …and at every instant a player asks, the same answer.
      for (const seg of preview.segments) {
        for (const at of [Date.parse(seg.start), (Date.parse(seg.start) + Date.parse(seg.end)) / 2]) {
          const played = playlistAt(manifest, Math.floor(at));
          expect(played.playlistId).toBe(seg.playlistId);
          expect(played.source).toEqual(seg.source);
        }
      }
      expect(preview.segments.length).toBeGreaterThan(screenId === 'kiosk' ? 2 : 20);
    }
  });

  it('6. shows a whole wall at one instant, every tile in step', async () => {
    const response = await inject('GET', '/api/walls/lounge/now?at=2025-03-07T09:30:05%2B08:00');
    expect(response.statusCode, response.body).toBe(200);
    const wall = response.json();
    expect(wall.inStep).toBe(true);
    expect(wall.tiles.map((x: { screenId: string; column: number }) => [x.screenId, x.column])).toEqual([
      ['lounge-1', 0],
      ['lounge-2', 1],
    ]);
    expect(wall.tiles[0]).toMatchObject({ playlistId: 'psa', source: { kind: 'interrupt', slot: 3 } });
    expect((await inject('GET', '/api/walls/tidak-ada/now')).json().error.code).toBe('BARUGA_ERR_WALL_NOT_FOUND');

    const now = (await inject('GET', '/api/screens/kiosk/now?at=2025-03-07T10:00:00%2B08:00')).json();
    expect(now).toMatchObject({
      screenId: 'kiosk',
      playlistId: 'budget',
      explanation: 'Event "Data APBD" (priority 5) plays.',
    });
  });

  it('7. an edit republishes the screens it left and the ones it reached', async () => {
    const version = () => t.controller.repos.manifests.latestVersion('lounge-2');
    const before = version();
    const kioskBefore = t.controller.repos.manifests.latestVersion('kiosk');
    const response = await inject('PUT', `/api/events/${budgetId}`, {
      ...budgetEvent,
      targets: { screens: ['kiosk'] },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().republished).toEqual(['kiosk', 'lounge-1', 'lounge-2']);
    expect(version()).toBe(before + 1);
    expect(t.controller.repos.manifests.latestVersion('kiosk')).toBe(kioskBefore + 1);
    const lounge = (await inject('GET', '/api/screens/lounge-2/manifest')).json();
    expect(lounge.schedule.events.map((e: { id: string }) => e.id)).not.toContain(budgetId);
  });

  it('8. groups: an event for a group reaches the screens put in it', async () => {
    const put = await inject('PUT', '/api/screens/kiosk/groups', { groups: ['opd-bappeda'] });
    expect(put.json()).toEqual({ groups: ['opd-bappeda'] });
    const created = await inject('POST', '/api/events', {
      name: 'Rapat',
      playlistId: 'psa',
      targets: { groups: ['opd-bappeda'] },
      priority: 9,
      start: '2025-03-07T13:00',
      durationMinutes: 60,
    });
    expect(created.json().republished).toEqual(['kiosk']);
    const now = (await inject('GET', '/api/screens/kiosk/now?at=2025-03-07T13:30:00%2B08:00')).json();
    expect(now).toMatchObject({ playlistId: 'psa', source: { kind: 'event', priority: 9 } });
  });

  it('9. a playlist or daypart in use cannot be deleted; an event can, and its screens move on', async () => {
    expect((await inject('DELETE', '/api/playlists/budget')).json().error.code).toBe('BARUGA_ERR_PLAYLIST_IN_USE');
    const office = await inject('POST', '/api/events', {
      ...budgetEvent,
      rrule: null,
      durationMinutes: null,
      daypartId: 'office',
    });
    expect(office.statusCode, office.body).toBe(201);
    expect((await inject('DELETE', '/api/dayparts/office')).json().error.code).toBe('BARUGA_ERR_DAYPART_IN_USE');
    expect((await inject('DELETE', `/api/events/${office.json().event.event.id}`)).statusCode).toBe(204);
    expect((await inject('DELETE', '/api/dayparts/office')).statusCode).toBe(204);
    expect((await inject('GET', '/api/events/tidak-ada')).json().error.code).toBe('BARUGA_ERR_EVENT_NOT_FOUND');
    const list = (await inject('GET', '/api/events')).json();
    expect(list.length).toBeGreaterThan(0);
  });
});
