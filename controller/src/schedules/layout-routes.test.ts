import { makePhoto } from '@baruga/content/fixtures';
import { type LayoutView, type TimelineView, type UploadResult, parseManifest } from '@baruga/protocol';
import { explain, playlistAt, screenScheduleFromManifest, timeline } from '@baruga/schedules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../testing/multipart';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

/**
 * Layouts and overlays as an operator authors them: a lobby layout with a text zone and a picture zone, put on
 * screens by events, a running-text overlay, and the previews, which must count a layout's pass as the player does.
 */
describe('layouts API', () => {
  let t: Started;
  let photo = '';
  let photoId = '';
  beforeAll(async () => {
    t = await startTestController();
    for (const id of ['lobby', 'lobby-2']) {
      const screen = await inject('POST', '/api/screens', { id, name: id, width: 1920, height: 1080 });
      expect(screen.statusCode).toBe(201);
    }
    const upload = multipartBody({ fileName: 'gubernur.jpg', data: await makePhoto({ width: 800, height: 600 }) });
    const uploaded = await t.controller.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: { ...t.auth, ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const item = uploaded.json<UploadResult>().item;
    photo = item.asset ?? '';
    photoId = item.id;
    const psa = await inject('POST', '/api/playlists', {
      id: 'psa',
      name: 'Layanan masyarakat',
      items: [{ type: 'text', props: { body: 'Lapor!' }, durationMs: 10_000 }],
    });
    expect(psa.statusCode).toBe(201);
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

  const tables = ['layouts', 'layout_zones', 'overlay_zones', 'playlists', 'items', 'events', 'manifests'];
  const snapshot = () => tables.map((table) => t.controller.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());

  /** Lobby: announcements on the left two thirds (20 s + 10 s), the governor's photo on the right. */
  const lobbyLayout = (photoMs = 15_000) => ({
    id: 'lobi-utama',
    name: 'Lobi utama',
    width: 1920,
    height: 1080,
    background: '#101820',
    zones: [
      {
        id: 'main',
        x: 0,
        y: 0,
        width: 1280,
        height: 1080,
        transition: { kind: 'fade', durationMs: 400 },
        items: [
          { type: 'text', props: { body: 'APBD 2025' }, durationMs: 20_000 },
          { type: 'clock', props: {}, durationMs: 10_000 },
        ],
      },
      {
        id: 'side',
        x: 1280,
        y: 0,
        width: 640,
        height: 1080,
        z: 1,
        items: [{ type: 'image', props: { asset: photo }, durationMs: photoMs }],
      },
    ],
  });
  let created: LayoutView;
  const eventIds: string[] = [];
  const at = (local: string) => encodeURIComponent(`${local}+08:00`);

  it('1. creates a layout: the server gives every zone item an id, and one pass lasts as long as its longest zone', async () => {
    const response = await inject('POST', '/api/layouts', lobbyLayout());
    expect(response.statusCode, response.body).toBe(201);
    created = response.json<LayoutView>();
    expect(created).toMatchObject({
      id: 'lobi-utama',
      name: 'Lobi utama',
      background: '#101820',
      durationMs: 30_000,
      zones: [
        {
          id: 'main',
          z: 0,
          transition: { kind: 'fade', durationMs: 400 },
          items: [
            { position: 0, type: 'text', typeVersion: 1, durationMs: 20_000, sample: false },
            { position: 1, type: 'clock', durationMs: 10_000 },
          ],
        },
        { id: 'side', z: 1, transition: { kind: 'cut', durationMs: 600 }, items: [{ type: 'image' }] },
      ],
    });
    const ids = created.zones.flatMap((z) => z.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(3);
    expect((await inject('GET', '/api/layouts/lobi-utama')).json()).toEqual(created);
    expect((await inject('GET', '/api/layouts')).json()).toEqual([created]);
    expect((await inject('GET', '/api/layouts/tidak-ada')).json().error.code).toBe('BARUGA_ERR_LAYOUT_NOT_FOUND');
  });

  /** A new layout like the lobby's, one zone changed. */
  const withZone = (index: number, change: object) => {
    const body = lobbyLayout();
    const zones: object[] = body.zones.map((zone, i) => (i === index ? { ...zone, ...change } : zone));
    return { ...body, id: 'baru', zones };
  };
  // Bodies are made when the test runs, once the photo is uploaded.
  it.each<[string, () => object, number, string]>([
    ['a zone outside the canvas', () => withZone(1, { x: 1400 }), 400, 'BARUGA_ERR_VALIDATION'],
    ['two zones with one id', () => withZone(1, { id: 'main' }), 400, 'BARUGA_ERR_VALIDATION'],
    [
      'an unknown content type',
      () => withZone(0, { items: [{ type: 'hologram', props: {} }] }),
      400,
      'BARUGA_ERR_UNKNOWN_CONTENT_TYPE',
    ],
    [
      'a picture that is not in the store',
      () => withZone(1, { items: [{ type: 'image', props: { asset: 'f'.repeat(64) } }] }),
      400,
      'BARUGA_ERR_ASSET_NOT_FOUND',
    ],
    [
      'props the type refuses',
      () => withZone(0, { items: [{ type: 'text', props: {} }] }),
      400,
      'BARUGA_ERR_INVALID_PROPS',
    ],
    ['the id of a playlist', () => ({ ...lobbyLayout(), id: 'psa' }), 409, 'BARUGA_ERR_PLAYLIST_EXISTS'],
    ['the id of a layout', () => lobbyLayout(), 409, 'BARUGA_ERR_LAYOUT_EXISTS'],
    ["the screen's own loop", () => ({ ...lobbyLayout(), id: 'default' }), 400, 'BARUGA_ERR_VALIDATION'],
  ])('2. refuses %s with a stable code, and changes nothing', async (_what, body, status, code) => {
    const before = snapshot();
    const response = await inject('POST', '/api/layouts', body());
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect(snapshot()).toEqual(before);
  });

  it('2b. names the bad item, refuses a playlist under a layout id, and a bad edit changes nothing', async () => {
    const before = snapshot();
    const unknown = await inject('POST', '/api/layouts', withZone(0, { items: [{ type: 'hologram', props: {} }] }));
    expect(unknown.json().error.message).toContain('zones[0].items[0]');
    const playlist = await inject('POST', '/api/playlists', { id: 'lobi-utama', name: 'Lobi' });
    expect(playlist.statusCode).toBe(409);
    expect(playlist.json().error.code).toBe('BARUGA_ERR_LAYOUT_EXISTS');
    const { id: _id, ...update } = withZone(1, { x: 1800 });
    const badEdit = await inject('PUT', '/api/layouts/lobi-utama', update);
    expect(badEdit.statusCode).toBe(400);
    expect(snapshot()).toEqual(before);
  });

  it('3. an event naming the layout publishes it with delivered items, and "now" answers the layout', async () => {
    // 1. The operator schedules the layout on the lobby, Monday mornings.
    const morning = {
      name: 'Lobi pagi',
      playlistId: 'lobi-utama',
      targets: { screens: ['lobby'] },
      priority: 5,
      start: '2025-03-03T08:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      durationMinutes: 120,
    };
    const event = await inject('POST', '/api/events', morning);
    expect(event.statusCode, event.body).toBe(201);
    expect(event.json()).toMatchObject({ republished: ['lobby'], event: { warnings: [] } });
    eventIds.push(event.json().event.event.id);

    // 2. The manifest carries the layout; the picture goes out cut for its 640×1080 zone, never as the original.
    const raw = (await inject('GET', '/api/screens/lobby/manifest')).json();
    const parsed = parseManifest(JSON.parse(JSON.stringify(raw)));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const manifest = parsed.value;
    expect(Object.keys(manifest.layouts)).toEqual(['lobi-utama']);
    const layout = manifest.layouts['lobi-utama'];
    expect(layout).toMatchObject({ id: 'lobi-utama', width: 1920, height: 1080, background: '#101820' });
    expect(layout?.zones.map((z) => [z.id, z.items.map((i) => i.id)])).toEqual(
      created.zones.map((z) => [z.id, z.items.map((i) => i.id)]),
    );
    const picture = layout?.zones[1]?.items[0]?.props.asset;
    const rendition = t.controller.repos.library.renditionsOf(photo).find((r) => r.sha256 === picture);
    expect(rendition).toMatchObject({ width: 640, height: 1080 });
    const assets = manifest.assets.map((a) => a.sha256);
    expect(assets).toContain(picture);
    expect(assets).not.toContain(photo);

    // 3. The preview and the player both say the layout plays at 09:10.
    const now = await inject('GET', `/api/screens/lobby/now?at=${at('2025-03-03T09:10:00')}`);
    expect(now.statusCode, now.body).toBe(200);
    expect(now.json()).toMatchObject({ playlistId: 'lobi-utama', source: { kind: 'event' } });
    expect(playlistAt(manifest, Date.parse('2025-03-03T09:10:00+08:00')).playlistId).toBe('lobi-utama');

    // 4. An event naming neither a playlist nor a layout is refused, as before.
    const unknown = await inject('POST', '/api/events', { ...morning, playlistId: 'tidak-ada' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'BARUGA_ERR_PLAYLIST_NOT_FOUND',
      message: expect.stringContaining('layout'),
    });
  });

  it('3b. a layout on a screen of another size is played, with a warning: it is drawn unscaled', async () => {
    expect(
      (await inject('POST', '/api/screens', { id: 'kiosk', name: 'Kios', width: 1080, height: 1920 })).statusCode,
    ).toBe(201);
    const event = await inject('POST', '/api/events', {
      name: 'Lobi di kios',
      playlistId: 'lobi-utama',
      targets: { screens: ['kiosk', 'lobby-2'] },
      start: '2025-03-03T08:00',
    });
    expect(event.statusCode, event.body).toBe(201);
    const id = event.json().event.event.id as string;
    expect(event.json().event.warnings).toEqual([
      {
        code: 'layout-size-mismatch',
        message: 'layout "lobi-utama" is 1920×1080, drawn unscaled on kiosk (1080×1920)',
        eventIds: [id],
      },
    ]);
    const kiosk = (
      await inject('GET', `/api/screens/kiosk/timeline?from=${at('2025-03-03T09:00:00')}`)
    ).json<TimelineView>();
    expect(kiosk.warnings.filter((w) => w.code === 'layout-size-mismatch')).toHaveLength(1);
    const lobby = (
      await inject('GET', `/api/screens/lobby-2/timeline?from=${at('2025-03-03T09:00:00')}`)
    ).json<TimelineView>();
    expect(lobby.warnings.filter((w) => w.code === 'layout-size-mismatch')).toEqual([]);
    // Taken off again: the tests below count the lobby's own events and screens.
    expect((await inject('DELETE', `/api/events/${id}`)).statusCode).toBe(204);
  });

  it("4. the preview counts a layout's pass as the player does: 60 s an hour of a 30 s layout is two slots", async () => {
    const interrupt = await inject('POST', '/api/events', {
      name: 'Lobi tiap setengah jam',
      playlistId: 'lobi-utama',
      targets: { screens: ['lobby-2'] },
      priority: 5,
      start: '2025-01-01T00:00',
      interrupt: { secondsPerHour: 60 },
    });
    expect(interrupt.statusCode, interrupt.body).toBe(201);
    eventIds.push(interrupt.json().event.event.id);

    const view = (
      await inject(
        'GET',
        `/api/screens/lobby-2/timeline?from=${at('2025-03-04T12:00:00')}&to=${at('2025-03-04T13:00:00')}`,
      )
    ).json<TimelineView>();
    const slots = view.segments.filter((s) => s.playlistId === 'lobi-utama');
    expect(slots.map((s) => [s.start, s.end])).toEqual([
      ['2025-03-04T04:00:00.000Z', '2025-03-04T04:00:30.000Z'],
      ['2025-03-04T04:30:00.000Z', '2025-03-04T04:30:30.000Z'],
    ]);

    // What a player computes from its manifest alone is the same, segment for segment.
    for (const screenId of ['lobby', 'lobby-2']) {
      const parsed = parseManifest((await inject('GET', `/api/screens/${screenId}/manifest`)).json());
      if (!parsed.ok) throw new Error(parsed.error.message);
      const from = Date.parse('2025-03-03T07:00:00+08:00');
      const to = Date.parse('2025-03-04T14:00:00+08:00');
      const preview = (
        await inject(
          'GET',
          `/api/screens/${screenId}/timeline?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`,
        )
      ).json<TimelineView>();
      const playerSide = timeline(screenScheduleFromManifest(parsed.value), from, to).segments.map((s) => ({
        start: new Date(s.start).toISOString(),
        end: new Date(s.end).toISOString(),
        playlistId: s.playlistId,
        source: s.source,
        hides: s.hides,
        explanation: explain(s),
      }));
      expect(playerSide).toEqual(preview.segments);
      expect(preview.segments.some((s) => s.playlistId === 'lobi-utama')).toBe(true);
    }
  });

  it('5. an edit republishes the screens whose events play the layout; untouched items keep their ids', async () => {
    const versions = () => ['lobby', 'lobby-2'].map((s) => t.controller.repos.manifests.latestVersion(s));
    const before = versions();
    // The photo shows 12 s instead of 15 s; the announcements zone is as it was.
    const { id: _id, ...update } = { ...lobbyLayout(12_000), name: 'Lobi utama (Ramadan)' };
    const response = await inject('PUT', '/api/layouts/lobi-utama', update);
    expect(response.statusCode, response.body).toBe(200);
    const edited = response.json<LayoutView>();
    expect(edited.durationMs).toBe(30_000);
    expect(edited.zones[0]?.items.map((i) => i.id)).toEqual(created.zones[0]?.items.map((i) => i.id));
    expect(edited.zones[1]?.items[0]?.id).not.toBe(created.zones[1]?.items[0]?.id);
    expect(versions()).toEqual(before.map((v) => v + 1));
    const manifest = (await inject('GET', '/api/screens/lobby-2/manifest')).json();
    expect(manifest.layouts['lobi-utama']).toMatchObject({
      name: 'Lobi utama (Ramadan)',
      zones: [{ id: 'main' }, { id: 'side', items: [{ durationMs: 12_000 }] }],
    });
    expect((await inject('PUT', '/api/layouts/tidak-ada', update)).json().error.code).toBe(
      'BARUGA_ERR_LAYOUT_NOT_FOUND',
    );
  });

  it('6. overlays: running text over everything and a logo, in screen pixels, in the manifest at once', async () => {
    const before = t.controller.repos.manifests.latestVersion('lobby');
    const overlays = {
      zones: [
        {
          id: 'ticker',
          x: 0,
          y: 1000,
          width: 1920,
          height: 80,
          z: 10,
          items: [{ type: 'running-text', props: { text: 'Selamat datang di Kantor Gubernur' } }],
        },
        { id: 'logo', x: 1720, y: 0, width: 200, height: 120, items: [{ type: 'image', props: { asset: photo } }] },
      ],
    };
    const put = await inject('PUT', '/api/screens/lobby/overlays', overlays);
    expect(put.statusCode, put.body).toBe(200);
    const saved = put.json();
    expect(saved).toMatchObject({
      screenId: 'lobby',
      zones: [
        { id: 'ticker', y: 1000, z: 10, items: [{ type: 'running-text', durationMs: 20_000 }] },
        { id: 'logo', items: [{ type: 'image' }] },
      ],
    });
    expect((await inject('GET', '/api/screens/lobby/overlays')).json()).toEqual(saved);
    expect((await inject('GET', '/api/screens/tidak-ada/overlays')).json().error.code).toBe(
      'BARUGA_ERR_SCREEN_NOT_FOUND',
    );

    expect(t.controller.repos.manifests.latestVersion('lobby')).toBe(before + 1);
    const manifest = (await inject('GET', '/api/screens/lobby/manifest')).json();
    expect(manifest.overlays).toMatchObject([
      { id: 'ticker', width: 1920, height: 80, items: [{ id: saved.zones[0].items[0].id, type: 'running-text' }] },
      { id: 'logo', items: [{ id: saved.zones[1].items[0].id }] },
    ]);
    const logo = manifest.overlays[1].items[0].props.asset;
    expect(t.controller.repos.library.renditionsOf(photo).find((r) => r.sha256 === logo)).toMatchObject({
      width: 200,
      height: 120,
    });

    // The library knows where the photo is used: a layout, and the lobby's overlays.
    const usage = (await inject('GET', `/api/content/${photoId}`)).json().usage;
    expect(usage).toMatchObject({ layouts: ['lobi-utama'], screens: ['lobby'], playlists: [], items: 2 });
    expect(usage.summary).toMatch(/^used by 2 items on 1 screen and in 1 layout; published on 2 screens$/);
  });

  it.each([
    ['a zone past the screen edge', { zones: [{ id: 'ticker', x: 0, y: 1050, width: 1920, height: 80, items: [] }] }],
    [
      'two zones with one id',
      {
        zones: [
          { id: 'a', x: 0, y: 0, width: 10, height: 10, items: [] },
          { id: 'a', x: 10, y: 0, width: 10, height: 10, items: [] },
        ],
      },
    ],
    [
      'an item without its asset',
      {
        zones: [
          { id: 'a', x: 0, y: 0, width: 10, height: 10, items: [{ type: 'image', props: { asset: 'e'.repeat(64) } }] },
        ],
      },
    ],
  ])('6b. refuses overlays with %s, and changes nothing', async (_what, body) => {
    const before = snapshot();
    const response = await inject('PUT', '/api/screens/lobby/overlays', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toMatch(/^BARUGA_ERR_(VALIDATION|ASSET_NOT_FOUND)$/);
    expect(snapshot()).toEqual(before);
  });

  it('7. a layout an event plays cannot be deleted; once no event plays it, it can', async () => {
    const before = snapshot();
    const refused = await inject('DELETE', '/api/layouts/lobi-utama');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'BARUGA_ERR_LAYOUT_IN_USE',
      details: { eventIds: [...eventIds].sort() },
    });
    expect(snapshot()).toEqual(before);

    for (const id of eventIds) expect((await inject('DELETE', `/api/events/${id}`)).statusCode).toBe(204);
    expect((await inject('DELETE', '/api/layouts/lobi-utama')).statusCode).toBe(204);
    expect((await inject('GET', '/api/layouts/lobi-utama')).json().error.code).toBe('BARUGA_ERR_LAYOUT_NOT_FOUND');
    expect(t.controller.db.prepare("SELECT count(*) AS n FROM items WHERE owner_kind = 'layout'").get()).toEqual({
      n: 0,
    });
    expect((await inject('DELETE', '/api/layouts/lobi-utama')).statusCode).toBe(404);
  });
});
