import crypto from 'node:crypto';
import type { Heartbeat, PlayRecordView, PlayerView, Screen, ScreenDelivery } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

/** A district's fleet: 30 kiosks in two agencies' groups, a third of them online, a few players. */
const KIOSKS = Array.from({ length: 30 }, (_, i) => `kiosk-${String(i + 1).padStart(2, '0')}`);

function heartbeat(screenId: string): Heartbeat {
  const at = new Date().toISOString();
  return {
    playerId: 'web-lists',
    screenId,
    at,
    seq: 1,
    uptimeS: 3,
    manifestVersion: 1,
    manifestExpiresAt: null,
    stale: false,
    pendingVersion: null,
    zones: [{ zoneId: 'main', itemId: 'a', since: at }],
    cache: { usedBytes: 10, quotaBytes: null, assets: 1 },
    jsHeapBytes: null,
    fps: 60,
    clockOffsetMs: 2,
    blackout: false,
    host: { kind: 'browser', version: '', platform: 'linux', userAgent: 'test' },
    lastRejection: null,
    popBacklog: 0,
  };
}

describe('lists that scale', () => {
  let t: Started;
  const get = (url: string) => t.controller.app.inject({ method: 'GET', url, headers: t.auth });

  beforeAll(async () => {
    t = await startTestController();
    const { repos } = t.controller;
    for (const [i, id] of KIOSKS.entries()) {
      const created = await t.controller.app.inject({
        method: 'POST',
        url: '/api/screens',
        headers: t.auth,
        payload: { id, name: `Kiosk ${i % 2 === 0 ? 'Bappeda' : 'Dinkes'} ${i + 1}`, width: 1280, height: 720 },
      });
      expect(created.statusCode).toBe(201);
      const groups = await t.controller.app.inject({
        method: 'PUT',
        url: `/api/screens/${id}/groups`,
        headers: t.auth,
        payload: { groups: [i % 2 === 0 ? 'opd-bappeda' : 'opd-dinkes'] },
      });
      expect(groups.statusCode, groups.body).toBe(200);
      if (i % 3 === 0) {
        repos.presence.record(id, {
          connected: true,
          playerId: 'web-lists',
          lastSeenAt: new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString(),
          manifestVersion: 1,
        });
        repos.heartbeats.record(heartbeat(id));
      }
    }
    for (let p = 0; p < 4; p++) {
      const pending = repos.players.createPending(
        { host: 'chromium', hostVersion: '1', platform: 'linux' },
        new Date(Date.UTC(2026, 0, 1, 0, p)),
      );
      repos.players.approve(pending.playerId, `Pemutar ${p + 1}`, [KIOSKS[p * 2] ?? '', KIOSKS[p * 2 + 1] ?? '']);
    }
  });
  afterAll(async () => {
    await t.controller.close();
  });

  it('pages screens with the total in X-Total-Count, and answers as before without parameters', async () => {
    const all = await get('/api/screens');
    expect(all.headers['x-total-count']).toBe('30');
    const everyone = all.json<Screen[]>();
    expect(everyone.map((s) => s.id)).toEqual(KIOSKS);
    // A published version (setting the groups published each) and presence come with each row, in one query.
    expect(everyone[0]).toMatchObject({ connected: true, publishedVersion: 1 });
    expect(everyone[1]).toMatchObject({ connected: false, lastSeenAt: null, publishedVersion: 1 });

    const page = await get('/api/screens?limit=10&offset=20');
    expect(page.headers['x-total-count']).toBe('30');
    expect(page.json<Screen[]>().map((s) => s.id)).toEqual(KIOSKS.slice(20));
  });

  it('filters screens by name, group and presence, and sorts them', async () => {
    const dinkes = await get('/api/screens?group=opd-dinkes&connected=true');
    // Dinkes kiosks are the odd indexes; online ones every third: 3, 9, 15, 21, 27.
    expect(dinkes.json<Screen[]>().map((s) => s.id)).toEqual([
      'kiosk-04',
      'kiosk-10',
      'kiosk-16',
      'kiosk-22',
      'kiosk-28',
    ]);
    expect(dinkes.headers['x-total-count']).toBe('5');

    const named = await get('/api/screens?q=BAPPEDA%202&sort=-name');
    expect(named.json<Screen[]>().map((s) => s.name)).toEqual([
      'Kiosk Bappeda 29',
      'Kiosk Bappeda 27',
      'Kiosk Bappeda 25',
      'Kiosk Bappeda 23',
      'Kiosk Bappeda 21',
    ]);
    const lastSeen = (await get('/api/screens?sort=-lastSeenAt&limit=2')).json<Screen[]>();
    expect(lastSeen.map((s) => s.id)).toEqual(['kiosk-28', 'kiosk-25']);
  });

  it('refuses a limit over the maximum and an unknown sort with a stable code', async () => {
    for (const url of [
      '/api/screens?limit=1001',
      '/api/screens?sort=colour',
      '/api/players?limit=0',
      '/api/delivery/screens?health=sleepy',
    ]) {
      const refused = await get(url);
      expect([refused.statusCode, refused.json().error.code], url).toEqual([400, 'BARUGA_ERR_VALIDATION']);
    }
  });

  it('pages players with their screens, and filters by state and screen', async () => {
    const first = await get('/api/players?limit=3');
    expect(first.headers['x-total-count']).toBe('4');
    const players = first.json<PlayerView[]>();
    expect(players.map((p) => [p.name, p.screens])).toEqual([
      ['Pemutar 1', ['kiosk-01', 'kiosk-02']],
      ['Pemutar 2', ['kiosk-03', 'kiosk-04']],
      ['Pemutar 3', ['kiosk-05', 'kiosk-06']],
    ]);
    const driving = (await get('/api/players?screen=kiosk-06')).json<PlayerView[]>();
    expect(driving.map((p) => p.name)).toEqual(['Pemutar 3']);
    expect((await get('/api/players?state=pending')).headers['x-total-count']).toBe('0');
    expect((await get('/api/players?sort=-name&limit=1')).json<PlayerView[]>()[0]?.name).toBe('Pemutar 4');
  });

  it('pages the delivery view and filters it by health', async () => {
    const online = await get('/api/delivery/screens?health=online&limit=3&offset=2');
    expect(online.headers['x-total-count']).toBe('10');
    const rows = online.json<ScreenDelivery[]>();
    expect(rows.map((r) => [r.screenId, r.health])).toEqual([
      ['kiosk-07', 'online'],
      ['kiosk-10', 'online'],
      ['kiosk-13', 'online'],
    ]);
    // The heartbeat comes with each row of the page, and the owner with screens a player drives.
    expect(rows[0]?.heartbeat?.fps).toBe(60);
    const unknown = (await get('/api/delivery/screens?health=unknown&q=kiosk-0')).json<ScreenDelivery[]>();
    expect(unknown.map((r) => [r.screenId, r.player?.name ?? null])).toEqual([
      ['kiosk-02', 'Pemutar 1'],
      ['kiosk-03', 'Pemutar 2'],
      ['kiosk-05', 'Pemutar 3'],
      ['kiosk-06', 'Pemutar 3'],
      ['kiosk-08', 'Pemutar 4'],
      ['kiosk-09', null],
    ]);
    expect((await get('/api/delivery/screens')).json<ScreenDelivery[]>()).toHaveLength(30);
  });

  it('sorts proof of play newest first and filters it by player', async () => {
    const record = (minute: number) => ({
      id: crypto.randomUUID(),
      screenId: 'kiosk-01',
      itemId: `item-${minute}`,
      itemType: 'text',
      zoneId: 'main',
      startedAt: new Date(Date.UTC(2026, 2, 1, 0, minute)).toISOString(),
      endedAt: new Date(Date.UTC(2026, 2, 1, 0, minute, 10)).toISOString(),
      manifestVersion: 1,
    });
    t.controller.repos.proofOfPlay.insertBatch('p-satu', [record(0), record(1)]);
    t.controller.repos.proofOfPlay.insertBatch('p-dua', [record(2)]);
    const newest = (await get('/api/proof-of-play?sort=-startedAt&limit=2')).json<{
      records: PlayRecordView[];
      total: number;
    }>();
    expect([newest.total, newest.records.map((r) => r.itemId)]).toEqual([3, ['item-2', 'item-1']]);
    const mine = (await get('/api/proof-of-play?player=p-satu')).json<{ records: PlayRecordView[]; total: number }>();
    expect([mine.total, mine.records.map((r) => r.itemId)]).toEqual([2, ['item-0', 'item-1']]);
  });
});
