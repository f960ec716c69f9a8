import type { AnnouncementView, AnnouncementWriteResult, Manifest } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

/** `2026-12-06T15:00` for an instant, on the Makassar clock (UTC+8, no daylight saving). */
const wita = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);

describe('announcements: one request, one transaction', () => {
  let t: Started;
  beforeAll(async () => {
    // The demo: the Baruga Lounge wall of four tiles and the videotron.
    t = await startTestController({ BARUGA_SEED_DEMO: '1' });
  });
  afterAll(async () => {
    await t.controller.close();
  });

  const inject = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.controller.app.inject({
      method,
      url,
      headers: t.auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const manifestOf = async (screen: string) =>
    (await inject('GET', `/api/screens/${screen}/manifest`)).json<Manifest>();
  const rows = () =>
    ['playlists', 'items', 'events', 'event_targets'].map((table) =>
      t.controller.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    );

  it('puts a running text on a whole wall until a time, in one step, and every tile gets it', async () => {
    // What the wall plays before (the demo wall's own picture) comes back when the announcement ends.
    const before = (await inject('GET', '/api/screens/lounge-2/now')).json<{ playlistId: string }>().playlistId;
    expect(before).toBe('baruga-lounge-welcome');
    // 1. "Rapat dimulai pukul 14.00" on the Lounge wall until an hour from now, WITA.
    const until = wita(Date.now() + 3_600_000);
    const created = await inject('POST', '/api/announcements', {
      kind: 'running-text',
      text: 'Rapat koordinasi dimulai pukul 14.00 di Ruang Baruga',
      targets: { walls: ['baruga-lounge'] },
      until,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { announcement, republished } = created.json<AnnouncementWriteResult>();

    // 2. It is on now, until the time given, and all four tiles went out again (the videotron did not).
    expect(announcement).toMatchObject({ kind: 'running-text', state: 'on', end: until, timezone: 'Asia/Makassar' });
    expect(announcement.id).toMatch(/^pengumuman-[0-9a-f]{12}$/);
    expect(republished).toEqual(['lounge-1', 'lounge-2', 'lounge-3', 'lounge-4']);

    // 3. Each tile's manifest carries the event (above ordinary programming) and its one running-text item.
    const tile = await manifestOf('lounge-3');
    const event = tile.schedule.events.find((e) => e.id === announcement.id);
    expect(event).toMatchObject({ priority: 90, end: until, targets: { walls: ['baruga-lounge'] } });
    expect(tile.playlists[announcement.id]?.map((i) => [i.type, i.props.text])).toEqual([
      ['running-text', 'Rapat koordinasi dimulai pukul 14.00 di Ruang Baruga'],
    ]);
    expect((await manifestOf('videotron-1')).schedule.events).toEqual([]);

    // 4. What plays on a tile now is the announcement, and the list shows it.
    const now = (await inject('GET', '/api/screens/lounge-2/now')).json<{ playlistId: string }>();
    expect(now.playlistId).toBe(announcement.id);
    const listed = (await inject('GET', '/api/announcements')).json<AnnouncementView[]>();
    expect(listed.map((a) => [a.id, a.state])).toContainEqual([announcement.id, 'on']);

    // 5. Ended early: it stops now, the tiles go back to their loop, and it stays in the list as ended.
    const ended = await inject('POST', `/api/announcements/${announcement.id}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<AnnouncementWriteResult>().announcement.state).toBe('ended');
    expect(ended.json<AnnouncementWriteResult>().republished).toHaveLength(4);
    expect((await inject('GET', '/api/screens/lounge-2/now')).json<{ playlistId: string }>().playlistId).toBe(before);
    const after = (await inject('GET', '/api/announcements')).json<AnnouncementView[]>();
    expect(after.map((a) => [a.id, a.state])).toContainEqual([announcement.id, 'ended']);
  });

  it('ends an announcement at once even in the second it was sent (a window cannot end before its next second)', async () => {
    // Just past a whole second, so sending and ending fall in the same one.
    await new Promise((resolve) => setTimeout(resolve, 1020 - (Date.now() % 1000)));
    const created = await inject('POST', '/api/announcements', {
      kind: 'running-text',
      text: 'Salah kirim',
      targets: { walls: ['baruga-lounge'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<AnnouncementWriteResult>().announcement;
    const ended = await inject('POST', `/api/announcements/${id}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<AnnouncementWriteResult>().announcement.state).toBe('ended');
    // Straight away, not a moment later: the list the console reloads says so, and the tiles play their own again.
    const listed = (await inject('GET', '/api/announcements')).json<AnnouncementView[]>();
    expect(listed.map((a) => [a.id, a.state])).toContainEqual([id, 'ended']);
    expect((await inject('GET', '/api/screens/lounge-1/now')).json<{ playlistId: string }>().playlistId).not.toBe(id);
  });

  it('shows a text card on the videotron from now until ended, and one not started yet never reaches a screen', async () => {
    const card = await inject('POST', '/api/announcements', {
      kind: 'text',
      title: 'Pemadaman listrik',
      text: 'Pemadaman bergilir pukul 10.00–12.00',
      en: { text: 'Rolling power cuts 10:00–12:00' },
      tone: 'warning',
      targets: { screens: ['videotron-1'] },
    });
    expect(card.statusCode, card.body).toBe(201);
    const id = card.json<AnnouncementWriteResult>().announcement.id;
    const item = (await manifestOf('videotron-1')).playlists[id]?.[0];
    expect(item?.props).toMatchObject({
      title: 'Pemadaman listrik',
      body: 'Pemadaman bergilir pukul 10.00–12.00',
      en: { body: 'Rolling power cuts 10:00–12:00' },
      tone: 'warning',
    });
    expect(card.json<AnnouncementWriteResult>().announcement).toMatchObject({ state: 'on', end: null });

    const later = await inject('POST', '/api/announcements', {
      kind: 'text',
      text: 'Besok: upacara bendera',
      targets: { screens: ['videotron-1'] },
      start: wita(Date.now() + 86_400_000),
    });
    const laterId = later.json<AnnouncementWriteResult>().announcement.id;
    expect(later.json<AnnouncementWriteResult>().announcement.state).toBe('scheduled');
    await inject('POST', `/api/announcements/${laterId}/end`);
    const shipped = (await manifestOf('videotron-1')).schedule.events.map((e) => e.id);
    expect(shipped).toContain(id);
    expect(shipped).not.toContain(laterId);
  });

  it('refuses what it cannot do with a stable code, and leaves nothing half-made', async () => {
    const before = rows();
    const refusals: [unknown, string][] = [
      [{ kind: 'text', text: 'Halo', targets: { screens: ['tidak-ada'] } }, 'BARUGA_ERR_SCREEN_NOT_FOUND'],
      [{ kind: 'text', text: 'Halo', targets: { walls: ['tidak-ada'] } }, 'BARUGA_ERR_WALL_NOT_FOUND'],
      [{ kind: 'text', text: 'Halo', targets: { all: true }, daypartId: 'tidak-ada' }, 'BARUGA_ERR_DAYPART_NOT_FOUND'],
      [{ kind: 'text', text: 'x'.repeat(1001), targets: { all: true } }, 'BARUGA_ERR_INVALID_PROPS'],
      [{ kind: 'text', text: 'Halo', targets: { all: true }, until: '2020-01-01T10:00' }, 'BARUGA_ERR_INVALID_WINDOW'],
      [{ kind: 'text', text: 'Halo', targets: {} }, 'BARUGA_ERR_VALIDATION'],
    ];
    for (const [body, code] of refusals) {
      const refused = await inject('POST', '/api/announcements', body);
      expect([refused.statusCode, refused.json().error.code], JSON.stringify(body)).toEqual([400, code]);
    }
    expect(rows()).toEqual(before);
    const missing = await inject('POST', '/api/announcements/pengumuman-000000000000/end');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'BARUGA_ERR_ANNOUNCEMENT_NOT_FOUND']);
  });

  it('the demo videotron’s clock names the city whose time it shows', async () => {
    const clock = (await inject('GET', '/api/screens/videotron-1/items')).json<{ type: string; props: object }[]>();
    const screen = (await inject('GET', '/api/screens/videotron-1')).json<{ timezone: string }>();
    expect(screen.timezone).toBe('Asia/Makassar');
    expect(clock.find((i) => i.type === 'clock')?.props).toMatchObject({ caption: 'Kota Makassar' });
  });
});
