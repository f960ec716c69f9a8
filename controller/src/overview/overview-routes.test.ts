import { type Changes, type Overview, type ScreenOverview, topics } from '@baruga/protocol';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

describe('the overview: every screen at a glance', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startTestController({ BARUGA_SEED_DEMO: '1' });
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
  const overview = async () => (await inject('GET', '/api/overview')).json<Overview>();
  const screen = async (id: string) => (await overview()).screens.find((s) => s.screenId === id) as ScreenOverview;

  it('lists every screen with what plays and why, the walls with their tiles, and the groups', async () => {
    await inject('PUT', '/api/screens/videotron-1/groups', { groups: ['luar-ruang'] });
    const o = await overview();
    expect(o.screens.map((s) => s.screenId)).toEqual(['lounge-1', 'lounge-2', 'lounge-3', 'lounge-4', 'videotron-1']);
    expect(o.walls).toEqual([
      {
        id: 'baruga-lounge',
        name: 'Baruga Lounge',
        columns: 2,
        rows: 2,
        screenIds: ['lounge-1', 'lounge-2', 'lounge-3', 'lounge-4'],
      },
    ]);
    expect(o.groups).toEqual(['luar-ruang']);
    const videotron = o.screens[4];
    expect(videotron).toMatchObject({
      name: 'Videotron Jl. Ahmad Yani',
      public: false,
      groups: ['luar-ruang'],
      health: 'unknown',
      onScreen: [],
      unpublishedChanges: false,
      now: { playlistId: 'default', playlistKind: 'default', playlistName: null, source: { kind: 'default' } },
    });
  });

  it('names the announcement that plays, and the items a player reports on screen', async () => {
    await inject('POST', '/api/announcements', {
      kind: 'text',
      title: 'Donor darah',
      text: 'Donor darah di aula, pukul 09.00',
      targets: { screens: ['videotron-1'] },
    });
    const playing = (await screen('videotron-1')).now;
    expect(playing).toMatchObject({ playlistKind: 'announcement', playlistName: 'Pengumuman: Donor darah' });

    // A browser tab playing the videotron reports its clock item on screen.
    const items = (await inject('GET', '/api/screens/videotron-1/items')).json<{ id: string; type: string }[]>();
    const clock = items.find((i) => i.type === 'clock')?.id ?? '';
    const player = await mqtt.connectAsync(`mqtt://127.0.0.1:${t.controller.mqttPort}`, { reconnectPeriod: 0 });
    const since = new Date().toISOString();
    await player.publishAsync(
      topics.heartbeat('videotron-1'),
      JSON.stringify({
        playerId: 'web-uji',
        screenId: 'videotron-1',
        at: since,
        seq: 1,
        uptimeS: 3,
        manifestVersion: 2,
        manifestExpiresAt: null,
        stale: false,
        pendingVersion: null,
        zones: [{ zoneId: 'main', itemId: clock, since }],
        cache: { usedBytes: 10, quotaBytes: null, assets: 1 },
        jsHeapBytes: null,
        fps: 60,
        clockOffsetMs: 2,
        blackout: false,
        host: { kind: 'browser', version: '', platform: 'linux', userAgent: 'test' },
        lastRejection: null,
        popBacklog: 0,
      }),
      { qos: 1 },
    );
    await player.endAsync();
    await expect.poll(async () => (await screen('videotron-1')).health, { timeout: 3000 }).toBe('online');
    expect(await screen('videotron-1')).toMatchObject({
      hostKind: 'browser',
      runningVersion: 2,
      onScreen: [{ zoneId: 'main', itemId: clock, type: 'clock', label: 'Kota Makassar', since }],
    });
  });

  it('says when a screen’s loop has changes it does not show yet, until they are published', async () => {
    const added = await inject('POST', '/api/screens/lounge-1/items', { type: 'text', props: { body: 'Baru' } });
    expect((await screen('lounge-1')).unpublishedChanges).toBe(true);
    await inject('POST', '/api/screens/lounge-1/publish');
    expect((await screen('lounge-1')).unpublishedChanges).toBe(false);
    await inject('DELETE', `/api/screens/lounge-1/items/${added.json<{ id: string }>().id}`);
    expect((await screen('lounge-1')).unpublishedChanges).toBe(true);
  });

  it('moves the change counter on a write, and wakes a waiting request when it does', async () => {
    const changes = async (query: string) => (await inject('GET', `/api/changes?${query}`)).json<Changes>();
    const { seq } = await changes('after=0');
    expect(await changes(`after=${seq}`)).toEqual({ seq, topics: [] });
    // 1. A long poll waits …
    const started = Date.now();
    const waiting = changes(`after=${seq}&waitMs=10000`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // 2. … until an operator changes something: it answers at once, with what kind of thing changed.
    await inject('PUT', '/api/screens/lounge-2/groups', { groups: ['lobi'] });
    const woken = await waiting;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(woken.seq).toBeGreaterThan(seq);
    expect(woken.topics).toEqual(['schedule']);
    // 3. A read changes nothing; a refused write changes nothing.
    await inject('GET', '/api/screens');
    await inject('POST', '/api/screens/lounge-2/items', { type: 'nope', props: {} });
    expect((await changes(`after=${woken.seq}`)).topics).toEqual([]);
  });
});
