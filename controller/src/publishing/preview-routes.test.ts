import { type Manifest, PREVIEW_ID, parseManifest } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

describe('previews before going live', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startTestController();
    await t.controller.app.inject({
      method: 'POST',
      url: '/api/screens',
      headers: t.auth,
      payload: { id: 'videotron', name: 'Videotron', width: 960, height: 320, timezone: 'Asia/Jayapura' },
    });
  });
  afterAll(async () => {
    await t.controller.close();
  });

  const post = (url: string, payload: object) =>
    t.controller.app.inject({ method: 'POST', url, headers: t.auth, payload });
  const stored = () =>
    ['manifests', 'playlists', 'layouts', 'events'].map((table) =>
      t.controller.db.prepare(`SELECT count(*) AS n FROM ${table}`).get(),
    );

  it('compiles a playlist for a screen as a manifest the player can play, and stores nothing', async () => {
    const before = stored();
    const answer = await post('/api/preview/manifest', {
      screenId: 'videotron',
      content: { kind: 'playlist', items: [{ type: 'running-text', props: { text: 'Selamat datang' } }] },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const manifest = parseManifest(answer.json());
    expect(manifest.ok).toBe(true);
    const m = (manifest as { value: Manifest }).value;
    expect(m.screen).toMatchObject({ id: 'videotron', width: 960, height: 320, timezone: 'Asia/Jayapura' });
    expect(m.playlists[PREVIEW_ID]?.map((i) => i.props.text)).toEqual(['Selamat datang']);
    expect(m.schedule.events.map((e) => [e.playlistId, e.end])).toEqual([[PREVIEW_ID, null]]);
    expect(stored()).toEqual(before);
  });

  it('compiles an unsaved layout on its own canvas, and refuses a bad item as a save would', async () => {
    const layout = {
      name: 'Dua zona',
      width: 1280,
      height: 720,
      zones: [
        { id: 'kiri', x: 0, y: 0, width: 640, height: 720, items: [{ type: 'text', props: { body: 'Kiri' } }] },
        { id: 'kanan', x: 640, y: 0, width: 640, height: 720, items: [{ type: 'clock', props: {} }] },
      ],
    };
    const answer = await post('/api/preview/manifest', { content: { kind: 'layout', layout } });
    expect(answer.statusCode, answer.body).toBe(200);
    const m = answer.json<Manifest>();
    expect([m.screen.width, m.screen.height]).toEqual([1280, 720]);
    expect(m.layouts[PREVIEW_ID]?.zones.map((z) => [z.id, z.items.length])).toEqual([
      ['kiri', 1],
      ['kanan', 1],
    ]);
    const bad = await post('/api/preview/manifest', {
      content: { kind: 'playlist', items: [{ type: 'image', props: { asset: 'f'.repeat(64) } }] },
    });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'BARUGA_ERR_ASSET_NOT_FOUND']);
  });

  it('shows a screen’s timeline with a draft event before it is saved, and saves nothing', async () => {
    await post('/api/playlists', {
      id: 'siaran',
      name: 'Siaran',
      items: [{ type: 'text', props: { body: 'Siaran' } }],
    });
    const before = stored();
    const from = '2026-12-07T00:00:00+09:00';
    const answer = await post('/api/schedule/preview', {
      screenId: 'videotron',
      from,
      to: '2026-12-08T00:00:00+09:00',
      event: {
        name: 'Pagi',
        playlistId: 'siaran',
        targets: { screens: ['videotron'] },
        start: '2026-12-01T08:00',
        rrule: 'FREQ=DAILY',
        durationMinutes: 540,
      },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const preview = answer.json();
    expect(preview.reachesScreen).toBe(true);
    // 08:00–17:00 on the screen's own clock (WIT, UTC+9).
    expect(
      preview.timeline.segments.map((s: { start: string; playlistId: string }) => [s.start, s.playlistId]),
    ).toEqual([
      ['2026-12-06T15:00:00.000Z', 'default'],
      ['2026-12-06T23:00:00.000Z', 'siaran'],
      ['2026-12-07T08:00:00.000Z', 'default'],
    ]);
    expect(stored()).toEqual(before);
    expect((await t.controller.app.inject({ method: 'GET', url: '/api/events', headers: t.auth })).json()).toEqual([]);
  });
});
