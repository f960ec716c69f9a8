import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AlertView, ScreenAlerts, topics } from '@baruga/protocol';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autogempa, gempaterkini } from '../testing/bmkg-fixtures';
import {
  CAP_ENTITY_EXPANSION,
  CAP_EXTERNAL_ENTITY,
  CAP_MISSING_ELEMENTS,
  CAP_WRONG_NAMESPACE,
  capHugePolygon,
  capXml,
} from '../testing/cap-fixtures';
import { connectTestClient, nextMessage } from '../testing/mqtt-test-client';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

/** Screens of a province: two in Makassar (one public), one public in Jakarta, one without a location. */
const SCREENS = [
  { id: 'videotron-pantai', public: true, location: { lat: -5.14, lon: 119.41 } },
  { id: 'lounge-kantor', public: false, location: { lat: -5.15, lon: 119.43 } },
  { id: 'videotron-jakarta', public: true, location: { lat: -6.2, lon: 106.82 } },
  { id: 'kiosk-baru', public: false, location: null },
];

describe('alerts on the controller', () => {
  let t: Started;
  let player: MqttClient;
  let playerId = '';
  beforeAll(async () => {
    t = await startTestController();
    for (const s of SCREENS) {
      const created = await t.controller.app.inject({
        method: 'POST',
        url: '/api/screens',
        headers: t.auth,
        payload: { id: s.id, name: s.id, width: 1280, height: 720, public: s.public, location: s.location },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    // One enrolled player drives every screen here (public screens play on enrolled players only).
    const { repos } = t.controller;
    const enrolled = repos.players.createPending({ host: 'chromium', hostVersion: '', platform: '' });
    repos.players.approve(
      enrolled.playerId,
      'Pemutar uji',
      SCREENS.map((s) => s.id),
    );
    playerId = enrolled.playerId;
    player = await connectTestClient(t.controller.mqttPort ?? 0, {
      username: enrolled.playerId,
      password: enrolled.secret,
    });
    for (const s of SCREENS) await player.subscribeAsync(topics.alert(s.id), { qos: 1 });
  });
  afterAll(async () => {
    player.end(true);
    await t.controller.close();
  });

  const cap = (xml: string, type = 'application/cap+xml') =>
    t.controller.app.inject({
      method: 'POST',
      url: '/api/alerts/cap',
      headers: { ...t.auth, 'content-type': type },
      payload: xml,
    });
  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.controller.app.inject({
      method,
      url,
      headers: t.auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const alertsOn = async (screen: string) =>
    ScreenAlerts.parse(JSON.parse((await nextMessage(player, topics.alert(screen))).toString()));
  /** The first set of notices on a screen, from now, that satisfies `seen` (earlier sends may still be arriving). */
  const alertsUntil = (screen: string, seen: (a: ScreenAlerts) => boolean, timeoutMs = 5000) =>
    new Promise<ScreenAlerts>((resolve, reject) => {
      const timer = setTimeout(() => {
        player.off('message', onMessage);
        reject(new Error(`no matching alert set on ${screen}`));
      }, timeoutMs);
      const onMessage = (topic: string, payload: Buffer) => {
        if (topic !== topics.alert(screen) || payload.length === 0) return;
        const set = ScreenAlerts.parse(JSON.parse(payload.toString()));
        if (!seen(set)) return;
        clearTimeout(timer);
        player.off('message', onMessage);
        resolve(set);
      };
      player.on('message', onMessage);
    });
  const view = async (id: string) => AlertView.parse((await inject('GET', `/api/alerts/${id}`)).json());

  it('puts a pushed CAP alert on the screens inside its area, and hears each acknowledgement', async () => {
    const onBeach = alertsOn('videotron-pantai');
    const inOffice = alertsOn('lounge-kantor');
    const accepted = await cap(capXml({ identifier: 'BMKG-1' }));
    expect(accepted.statusCode, accepted.body).toBe(202);
    expect(accepted.json()).toMatchObject({ identifier: 'BMKG-1', msgType: 'Alert', screens: 2, duplicate: false });
    const id = accepted.json().id as string;

    const shown = await onBeach;
    expect(shown.alerts.map((a) => a.id)).toEqual([id]);
    expect(shown.alerts[0]?.texts.map((x) => x.event)).toEqual(['Gempa bumi', 'Earthquake']);
    expect((await inOffice).alerts[0]?.id).toBe(id);

    // The player painted it: its acknowledgement reaches the alert's record with the time it took.
    await player.publishAsync(
      topics.alertAck('videotron-pantai'),
      JSON.stringify({ alertId: id, screenId: 'videotron-pantai', playerId, shownAt: new Date().toISOString() }),
      { qos: 1 },
    );
    await expect.poll(async () => (await view(id)).acknowledged, { timeout: 3000 }).toBe(1);
    const record = await view(id);
    expect(record.screens.map((s) => s.screenId)).toEqual(['lounge-kantor', 'videotron-pantai']);
    const beach = record.screens.find((s) => s.screenId === 'videotron-pantai');
    expect(beach?.latencyMs).toBeGreaterThan(0);
    expect(beach?.latencyMs).toBeLessThan(2000);
    const listed = (await inject('GET', '/api/alerts')).json() as AlertView[];
    expect(listed.find((a) => a.id === id)?.identifier).toBe('BMKG-1');

    // The same message again changes nothing.
    expect(
      (
        await cap(capXml({ identifier: 'BMKG-1', sent: record.sentAt.replace('Z', '+00:00').replace('.000', '') }))
      ).json(),
    ).toMatchObject({
      id,
      duplicate: true,
    });
  });

  it('a Cancel takes it off every screen, and the retained message goes with it', async () => {
    const id = (
      await cap(
        capXml({
          identifier: 'BMKG-2',
          sent: '2025-03-01T08:00:00+08:00',
          expires: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      )
    ).json().id;
    const cleared = alertsUntil('videotron-pantai', (set) => !set.alerts.some((a) => a.id === id));
    const cancel = await cap(
      capXml({
        identifier: 'BMKG-2-C',
        msgType: 'Cancel',
        references: 'inatews@bmkg.go.id,BMKG-2,2025-03-01T08:00:00+08:00',
      }),
    );
    expect(cancel.json()).toMatchObject({ msgType: 'Cancel', screens: 0, ended: [id] });
    const left = await cleared;
    expect(left.alerts.map((a) => a.id)).not.toContain(id);
    expect((await view(id)).endedReason).toBe('cancelled');
  });

  it('an Update replaces the alert it names', async () => {
    const first = (await cap(capXml({ identifier: 'BMKG-3', sent: '2025-03-01T09:00:00+08:00' }))).json().id;
    const update = await cap(
      capXml({
        identifier: 'BMKG-3-U',
        msgType: 'Update',
        references: 'inatews@bmkg.go.id,BMKG-3,2025-03-01T09:00:00+08:00',
        headline: 'Tsunami tiba 08.30 WITA',
      }),
    );
    expect(update.json()).toMatchObject({ msgType: 'Update', screens: 2, ended: [first] });
    expect((await view(first)).endedReason).toBe('superseded');
  });

  it('keeps drills and tests off public screens, and says why nothing showed', async () => {
    const drill = (await cap(capXml({ identifier: 'LATIHAN-1', status: 'Exercise' }))).json();
    expect(drill.screens).toBe(1);
    expect((await view(drill.id)).screens.map((s) => s.screenId)).toEqual(['lounge-kantor']);
    const test = (await cap(capXml({ identifier: 'TES-1', status: 'Test' }))).json();
    expect(test.screens).toBe(0);
    expect((await view(test.id)).notShownBecause).toMatch(/Test is never shown/);
    const far = (await cap(capXml({ identifier: 'JAUH-1', polygon: '1,100 1,101 2,101 2,100 1,100' }))).json();
    expect((await view(far.id)).notShownBecause).toMatch(/no screen with a location lies in its area/);
    const circle = (await cap(capXml({ identifier: 'LINGKAR-1', polygon: null, circle: '-6.2,106.8 25' }))).json();
    expect((await view(circle.id)).screens.map((s) => s.screenId)).toEqual(['videotron-jakarta']);
  });

  it.each([
    ['entity expansion', CAP_ENTITY_EXPANSION, 400, 'BARUGA_ERR_CAP_FORBIDDEN_MARKUP'],
    ['an external entity', CAP_EXTERNAL_ENTITY, 400, 'BARUGA_ERR_CAP_FORBIDDEN_MARKUP'],
    ['the wrong namespace', CAP_WRONG_NAMESPACE, 400, 'BARUGA_ERR_CAP_NAMESPACE'],
    ['missing elements', CAP_MISSING_ELEMENTS, 422, 'BARUGA_ERR_CAP_INVALID'],
    ['a polygon of 100,000 points', capHugePolygon(), 413, 'BARUGA_ERR_CAP_LIMIT'],
  ])('refuses %s with its status and a stable code, storing nothing', async (_what, xml, status, code) => {
    const before = (await inject('GET', '/api/alerts?limit=500')).json().length;
    const response = await cap(xml, 'application/xml');
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect((await inject('GET', '/api/alerts?limit=500')).json().length).toBe(before);
  });

  it('takes CAP only as XML, and only from a signed-in caller', async () => {
    expect((await inject('POST', '/api/alerts/cap', { identifier: 'x' })).statusCode).toBe(415);
    const anonymous = await t.controller.app.inject({
      method: 'POST',
      url: '/api/alerts/cap',
      headers: { 'content-type': 'application/cap+xml' },
      payload: capXml({ identifier: 'ANON-1' }),
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('an operator’s alert from a template reaches the screens named, and clears with an all-clear', async () => {
    const templates = (await inject('GET', '/api/alerts/templates')).json();
    const evacuation = templates.find((x: { id: string }) => x.id === 'evakuasi');
    await inject('PUT', '/api/screens/lounge-kantor/groups', { groups: ['gedung-a'] });
    const arriving = alertsOn('lounge-kantor');
    const created = await inject('POST', '/api/alerts', {
      template: 'evakuasi',
      severity: evacuation.severity,
      event: evacuation.event,
      headline: evacuation.headline,
      instruction: evacuation.instruction,
      en: evacuation.en,
      targets: { groups: ['gedung-a'] },
    });
    expect(created.statusCode, created.body).toBe(202);
    const { id } = created.json();
    expect((await arriving).alerts[0]?.texts[1]?.headline).toBe('Please leave the building by the evacuation route');

    const allClear = alertsUntil('lounge-kantor', (set) => set.alerts.some((a) => a.kind === 'all-clear'));
    const cleared = await inject('DELETE', `/api/alerts/${id}?allClear=true`);
    expect(cleared.json()).toMatchObject({ state: 'ended', endedReason: 'cleared' });
    const after = await allClear;
    expect(after.alerts.map((a) => a.kind)).toContain('all-clear');
    expect(after.alerts.map((a) => a.id)).not.toContain(id);
    expect((await inject('DELETE', `/api/alerts/${id}`)).json().error.code).toBe('BARUGA_ERR_ALERT_ENDED');
  });

  it('ends an alert when it expires, and the screens hear it', async () => {
    // Listening before the push: the notice can reach the screen before the push is answered.
    const shown = alertsOn('videotron-pantai');
    const accepted = (
      await cap(capXml({ identifier: 'SINGKAT-1', expires: new Date(Date.now() + 1500).toISOString() }))
    ).json();
    await shown;
    const emptied = await nextMessage(player, topics.alert('videotron-pantai'), 5000);
    expect(ScreenAlerts.parse(JSON.parse(emptied.toString())).alerts.map((a) => a.id)).not.toContain(accepted.id);
    expect((await view(accepted.id)).endedReason).toBe('expired');
  });

  it('polls a CAP feed an operator lists: an Atom index whose entries link to CAP messages', async () => {
    const feeds = http.createServer((req, res) => {
      if (req.url === '/cap/index.atom') {
        res.writeHead(200, { 'content-type': 'application/atom+xml' });
        res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Peringatan</title>
          <entry><title>Gempa</title><link href="/cap/umpan-1.xml" type="application/cap+xml"/></entry></feed>`);
      } else {
        res.writeHead(200, { 'content-type': 'application/cap+xml' });
        res.end(capXml({ identifier: 'UMPAN-1', sender: 'peringatan@bpbd.example.id' }));
      }
    });
    await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
    try {
      const settings = (await inject('GET', '/api/alerts/settings')).json();
      await inject('PUT', '/api/alerts/settings', {
        ...settings,
        capFeeds: [{ url: `${base}/cap/index.atom`, pollS: 30 }],
      });
      await expect
        .poll(
          async () =>
            ((await inject('GET', '/api/alerts')).json() as AlertView[]).find((a) => a.identifier === 'UMPAN-1')
              ?.origin,
          {
            timeout: 8000,
          },
        )
        .toBe('cap-feed');
    } finally {
      const settings = (await inject('GET', '/api/alerts/settings')).json();
      await inject('PUT', '/api/alerts/settings', { ...settings, capFeeds: [] });
      await new Promise<void>((resolve) => feeds.close(() => resolve()));
    }
  });

  it('polls BMKG when enabled: a strong quake near Makassar alerts its screens, old and far ones do not', async () => {
    const now = new Date();
    const feeds = http.createServer((req, res) => {
      const body = req.url === '/autogempa.json' ? autogempa(new Date(now.getTime() - 60_000)) : gempaterkini(now);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
    try {
      const settings = (await inject('GET', '/api/alerts/settings')).json();
      const put = await inject('PUT', '/api/alerts/settings', {
        ...settings,
        bmkg: {
          ...settings.bmkg,
          enabled: true,
          pollS: 5,
          autogempaUrl: `${base}/autogempa.json`,
          gempaterkiniUrl: `${base}/gempaterkini.json`,
        },
      });
      expect(put.statusCode, put.body).toBe(200);
      await expect
        .poll(
          async () =>
            ((await inject('GET', '/api/alerts?state=active')).json() as AlertView[]).filter((a) => a.origin === 'bmkg')
              .length,
          {
            timeout: 8000,
          },
        )
        .toBe(2);
      const quakes = ((await inject('GET', '/api/alerts?state=active')).json() as AlertView[]).filter(
        (a) => a.origin === 'bmkg',
      );
      const tsunami = quakes.find((a) => a.notice.severity === 'Extreme');
      // Within 1,000 km a tsunami reaches Jakarta's list too; the M5.3 near Jeneponto only Makassar's screens.
      expect(tsunami?.screens.map((s) => s.screenId)).toEqual(['lounge-kantor', 'videotron-pantai']);
      expect(tsunami?.notice.credit).toBe('Sumber · Source: BMKG');
    } finally {
      await inject('PUT', '/api/alerts/settings', { bmkg: { enabled: false } });
      await new Promise<void>((resolve) => feeds.close(() => resolve()));
    }
  });
});
