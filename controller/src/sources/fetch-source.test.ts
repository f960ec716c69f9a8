import { ErrorCode, UpdateSource } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CKAN_TOKEN, type SourceFixtures, startSourceFixtures } from '../testing/source-fixtures';
import { fetchSource } from './fetch-source';

let portal: SourceFixtures;
beforeAll(async () => {
  portal = await startSourceFixtures();
});
afterAll(async () => {
  await portal.close();
});

const ckan = (over: Record<string, unknown> = {}) =>
  UpdateSource.parse({
    kind: 'ckan',
    name: 'APBD per urusan',
    url: portal.url,
    resourceId: 'apbd',
    pageSize: 2,
    ...over,
  });

describe('a CKAN source', () => {
  it('pages through _links.next until total, reading amounts sent as Indonesian text', async () => {
    const before = portal.hits.get('/api/3/action/datastore_search') ?? 0;
    const result = await fetchSource(ckan(), null);
    if (!result.ok) throw new Error(result.error.message);
    // Five records, two per page: three pages, and no request past the total.
    expect((portal.hits.get('/api/3/action/datastore_search') ?? 0) - before).toBe(3);
    expect(result.value.columns.map((c) => `${c.key}:${c.type}`)).toEqual([
      'tahun:number',
      'urusan:text',
      'anggaran:number',
      'realisasi:number',
    ]);
    expect(result.value.rows[0]).toEqual({
      tahun: 2025,
      urusan: 'Pendidikan',
      anggaran: 3_120_450_000_000,
      realisasi: 2_496_360_000_000.5,
    });
    // "-" is no number: a blank cell, not zero.
    expect(result.value.rows[4]?.realisasi).toBeNull();
  });

  it('takes the columns an operator declared, renamed and typed', async () => {
    const result = await fetchSource(
      ckan({
        columns: [
          { key: 'label', field: 'urusan', label: 'Urusan' },
          { key: 'value', field: 'anggaran', type: 'number' },
        ],
      }),
      null,
    );
    expect(result.ok && result.value.rows[2]).toEqual({ label: 'Pekerjaan Umum', value: 980_300_000_000 });
  });

  it('reports CKAN’s own error envelope, with its reason', async () => {
    const result = await fetchSource(ckan({ resourceId: 'tidak-ada' }), null);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.sourceCkanError } });
    expect(!result.ok && result.error.message).toMatch(/Not Found Error: Not found: Resource "tidak-ada"/);
  });

  it('sends the API token, and only to the portal itself', async () => {
    expect((await fetchSource(ckan({ resourceId: 'rahasia' }), null)).ok).toBe(false);
    expect((await fetchSource(ckan({ resourceId: 'rahasia' }), CKAN_TOKEN)).ok).toBe(true);
    const offsite = await fetchSource(ckan({ resourceId: 'ke-luar' }), CKAN_TOKEN);
    expect(offsite).toMatchObject({ ok: false, error: { code: ErrorCode.sourceMalformed } });
    expect(!offsite.ok && offsite.error.message).toMatch(/off the portal/);
  });

  it('refuses a resource with more rows than the source allows, rather than cut the totals', async () => {
    const result = await fetchSource(ckan({ maxRows: 3 }), null);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.sourceTooManyRows } });
  });
});

describe('a JSON source', () => {
  it('selects the rows by path, objects or a header row, numbers as text or not', async () => {
    const nested = await fetchSource(
      UpdateSource.parse({
        kind: 'json',
        name: 'Pengaduan',
        url: `${portal.url}/pengaduan.json`,
        path: 'data.ringkasan',
      }),
      null,
    );
    expect(nested.ok && nested.value.rows[0]).toMatchObject({ name: 'Total', received: 1240, resolved: 968 });
    const arrays = await fetchSource(
      UpdateSource.parse({ kind: 'json', name: 'Penduduk', url: `${portal.url}/tabel.json` }),
      null,
    );
    expect(arrays.ok && arrays.value.rows).toEqual([
      { wilayah: 'Kota Makassar', penduduk: 1_474_393 },
      { wilayah: 'Kabupaten Gowa', penduduk: 765_836 },
    ]);
  });

  it('says where the path found nothing', async () => {
    const result = await fetchSource(
      UpdateSource.parse({ kind: 'json', name: 'x', url: `${portal.url}/pengaduan.json`, path: 'data.tidak[0]' }),
      null,
    );
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.sourceNoTable } });
  });
});

describe('a CSV source', () => {
  it('reads a semicolon file with decimal commas, from a URL or an upload', async () => {
    const fetched = await fetchSource(
      UpdateSource.parse({ kind: 'csv', name: 'IPM', url: `${portal.url}/ipm.csv` }),
      null,
    );
    expect(fetched.ok && fetched.value.rows[0]).toEqual({
      'Kabupaten/Kota': 'Kota Makassar',
      'IPM 2024': 83.51,
      'Pertumbuhan (%)': 0.62,
    });
    const uploaded = await fetchSource(
      UpdateSource.parse({ kind: 'csv', name: 'IPM', text: 'wilayah,nilai\nGowa,"1,5"\n', numberFormat: 'id' }),
      null,
    );
    expect(uploaded.ok && uploaded.value.rows).toEqual([{ wilayah: 'Gowa', nilai: 1.5 }]);
  });
});

describe('a source that fails', () => {
  const json = (path: string, over: Record<string, unknown> = {}) =>
    UpdateSource.parse({ kind: 'json', name: 'x', url: `${portal.url}${path}`, ...over });

  it('times out on a server that never answers', async () => {
    const started = Date.now();
    const result = await fetchSource(json('/lambat', { timeoutMs: 1000 }), null);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.sourceTimeout } });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports a 500 page, malformed JSON and an unreachable host with their own codes', async () => {
    portal.setDown(true);
    expect(await fetchSource(json('/tabel.json'), null)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.sourceHttpStatus },
    });
    expect(await fetchSource(ckan(), null)).toMatchObject({ ok: false, error: { code: ErrorCode.sourceHttpStatus } });
    portal.setDown(false);
    expect(await fetchSource(json('/rusak.json'), null)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.sourceMalformed },
    });
    const closed = UpdateSource.parse({ kind: 'json', name: 'x', url: 'http://127.0.0.1:9/', timeoutMs: 2000 });
    expect(await fetchSource(closed, null)).toMatchObject({ ok: false, error: { code: ErrorCode.sourceUnreachable } });
  });

  it('stops reading a 50 MB answer at its size limit, without holding it', async () => {
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const result = await fetchSource(json('/raksasa', { maxBytes: 1024 * 1024 }), null);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.sourceTooLarge } });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });
});
