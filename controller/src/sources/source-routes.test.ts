import { FeedSnapshot, FeedUpdate, topics } from '@baruga/protocol';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, nextMessage, subscribeGranted } from '../testing/mqtt-test-client';
import { CKAN_RECORDS, CKAN_TOKEN, type SourceFixtures, startSourceFixtures } from '../testing/source-fixtures';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

describe('data sources on the controller', () => {
  let t: Started;
  let portal: SourceFixtures;
  const clients: MqttClient[] = [];
  beforeAll(async () => {
    portal = await startSourceFixtures();
    t = await startTestController();
  });
  afterAll(async () => {
    for (const c of clients) c.end(true);
    await t.controller.close();
    await portal.close();
  });

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.controller.app.inject({
      method,
      url,
      headers: t.auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  const apbd = () => ({
    id: 'apbd-urusan',
    name: 'Realisasi APBD per urusan',
    kind: 'ckan',
    url: portal.url,
    resourceId: 'rahasia',
    apiToken: CKAN_TOKEN,
    pageSize: 2,
    credit: 'BPKAD Sulawesi Selatan',
  });

  it('adds a CKAN source, fetches it at once, and keeps its token to itself', async () => {
    const created = await inject('POST', '/api/sources', apbd());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.body).not.toContain(CKAN_TOKEN);
    expect(created.json()).toMatchObject({
      id: 'apbd-urusan',
      kind: 'ckan',
      apiTokenSet: true,
      status: { stale: false, error: null, rows: 5, version: 1 },
    });
    const data = (await inject('GET', '/api/sources/apbd-urusan/data')).json();
    expect(data).toMatchObject({ stale: false, fetchedAt: expect.any(String) });
    expect(data.rows[1]).toEqual({
      tahun: 2025,
      urusan: 'Kesehatan',
      anggaran: 1_250_000_000_000,
      realisasi: 1_012_500_000_000,
    });
    expect(data).not.toHaveProperty('error');
  });

  it('sends the feed to players whose screen shows it, and only to them', async () => {
    await inject('POST', '/api/screens', { id: 'lobi-data', name: 'Lobi', width: 1280, height: 720 });
    const item = await inject('POST', '/api/screens/lobi-data/items', {
      type: 'kpi',
      props: {
        feedId: 'apbd-urusan',
        tiles: [{ label: 'Anggaran', column: 'anggaran', aggregate: 'sum', format: 'rupiah' }],
      },
    });
    expect(item.statusCode, item.body).toBe(201);
    expect((await inject('POST', '/api/screens/lobi-data/publish')).statusCode).toBe(200);

    const player = await connectTestClient(t.controller.mqttPort ?? 0);
    clients.push(player);
    // A browser tab: bound to the screen it plays by its first subscription, it reads the feeds that screen shows.
    expect(await subscribeGranted(player, topics.manifest('lobi-data'))).toBe(true);
    const arriving = nextMessage(player, topics.feed('apbd-urusan'));
    expect(await subscribeGranted(player, topics.feed('apbd-urusan'))).toBe(true);
    const snapshot = FeedSnapshot.parse(JSON.parse((await arriving).toString()));
    expect(snapshot).toMatchObject({
      sourceId: 'apbd-urusan',
      version: 1,
      credit: 'BPKAD Sulawesi Selatan',
      stale: false,
    });
    expect(snapshot.rows).toHaveLength(5);
    // A feed no screen shows is not for this client.
    expect(await subscribeGranted(player, topics.feed('lain'))).toBe(false);
  });

  it('a failing source keeps its rows, marked stale with the reason, and recovers', async () => {
    const player = await connectTestClient(t.controller.mqttPort ?? 0);
    clients.push(player);
    await player.subscribeAsync(topics.manifest('lobi-data'), { qos: 1 });
    await player.subscribeAsync(topics.feed('apbd-urusan'), { qos: 1 });
    await nextMessage(player, topics.feed('apbd-urusan')); // the retained snapshot

    portal.setDown(true);
    const staleArrives = nextMessage(player, topics.feed('apbd-urusan'));
    const failed = (await inject('POST', '/api/sources/apbd-urusan/refresh')).json();
    expect(failed.status).toMatchObject({ stale: true, rows: 5, error: { code: 'BARUGA_ERR_SOURCE_HTTP_STATUS' } });
    expect(FeedSnapshot.parse(JSON.parse((await staleArrives).toString()))).toMatchObject({ stale: true, version: 1 });
    const data = (await inject('GET', '/api/sources/apbd-urusan/data')).json();
    expect(data).toMatchObject({ stale: true, error: { code: 'BARUGA_ERR_SOURCE_HTTP_STATUS' } });
    expect(data.rows).toHaveLength(5);

    portal.setDown(false);
    const freshArrives = nextMessage(player, topics.feed('apbd-urusan'));
    await inject('POST', '/api/sources/apbd-urusan/refresh');
    expect(FeedSnapshot.parse(JSON.parse((await freshArrives).toString()))).toMatchObject({ stale: false, version: 1 });

    // The same rows again: only an update, with the new "as of".
    const updateArrives = nextMessage(player, topics.feedUpdate('apbd-urusan'));
    await player.subscribeAsync(topics.feedUpdate('apbd-urusan'), { qos: 0 });
    await inject('POST', '/api/sources/apbd-urusan/refresh');
    expect(FeedUpdate.parse(JSON.parse((await updateArrives).toString()))).toMatchObject({ version: 1, stale: false });

    // New figures: version 2, sent whole.
    portal.setRecords(CKAN_RECORDS.map((r) => (r._id === 2 ? { ...r, realisasi: '1.100.000.000.000' } : r)));
    const changed = nextMessage(player, topics.feed('apbd-urusan'));
    await inject('POST', '/api/sources/apbd-urusan/refresh');
    const next = FeedSnapshot.parse(JSON.parse((await changed).toString()));
    expect(next.version).toBe(2);
    expect(next.rows[1]?.realisasi).toBe(1_100_000_000_000);
    portal.setRecords(CKAN_RECORDS);
  });

  it('tests a definition without storing it, and says why one fails', async () => {
    const ok = await inject('POST', '/api/sources/test', { kind: 'csv', name: 'IPM', url: `${portal.url}/ipm.csv` });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().rows[1]).toMatchObject({ 'Kabupaten/Kota': 'Kota Parepare', 'IPM 2024': 79.8 });
    const bad = await inject('POST', '/api/sources/test', { kind: 'json', name: 'x', url: `${portal.url}/rusak.json` });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('BARUGA_ERR_SOURCE_MALFORMED');
    expect((await inject('GET', '/api/sources')).json()).toHaveLength(1);
  });

  it('refuses what it cannot hold, and forgets a removed source', async () => {
    expect((await inject('POST', '/api/sources', apbd())).json().error.code).toBe('BARUGA_ERR_SOURCE_EXISTS');
    const both = await inject('POST', '/api/sources', {
      id: 'x',
      name: 'x',
      kind: 'csv',
      url: `${portal.url}/ipm.csv`,
      text: 'a\n1',
    });
    expect(both.statusCode).toBe(400);
    expect((await inject('GET', '/api/sources/tidak-ada')).json().error.code).toBe('BARUGA_ERR_SOURCE_NOT_FOUND');

    const upload = await inject('POST', '/api/sources', {
      id: 'ipm',
      name: 'IPM',
      kind: 'csv',
      text: 'wilayah;ipm\nMakassar;83,51\n',
    });
    expect(upload.json()).toMatchObject({ uploaded: true, url: null, status: { rows: 1 } });
    const changed = await inject('PUT', '/api/sources/ipm', {
      name: 'IPM',
      kind: 'csv',
      text: 'wilayah;ipm\nGowa;72,9\nMaros;73,1\n',
    });
    expect(changed.json().status.rows).toBe(2);
    expect((await inject('DELETE', '/api/sources/ipm')).statusCode).toBe(204);
    expect((await inject('GET', '/api/sources/ipm')).statusCode).toBe(404);
  });
});
