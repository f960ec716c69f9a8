import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the portals data sources read, answering as they do: CKAN's `datastore_search` (success and
 * error envelopes, paging through `_links.next`, numbers as text, a token-protected resource), plain JSON and CSV,
 * and the ways servers fail (a timeout, a 500 page, malformed JSON, a 50 MB answer). Loopback only; it counts
 * requests so tests can see what was fetched.
 */

/** APBD realisation by sector, as a Satu Data portal publishes it: amounts as Indonesian text. */
export const CKAN_RECORDS = [
  { _id: 1, tahun: '2025', urusan: 'Pendidikan', anggaran: '3.120.450.000.000', realisasi: '2.496.360.000.000,50' },
  { _id: 2, tahun: '2025', urusan: 'Kesehatan', anggaran: '1.250.000.000.000', realisasi: '1.012.500.000.000' },
  { _id: 3, tahun: '2025', urusan: 'Pekerjaan Umum', anggaran: '980.300.000.000', realisasi: '588.180.000.000' },
  { _id: 4, tahun: '2025', urusan: 'Sosial', anggaran: '210.000.000.000', realisasi: '189.000.000.000' },
  { _id: 5, tahun: '2025', urusan: 'Pariwisata', anggaran: '95.500.000.000', realisasi: '-' },
];
const CKAN_FIELDS = [
  { id: '_id', type: 'int' },
  { id: 'tahun', type: 'text' },
  { id: 'urusan', type: 'text' },
  { id: 'anggaran', type: 'text' },
  { id: 'realisasi', type: 'text' },
];
export const CKAN_TOKEN = 'rahasia-ckan-token';

export interface SourceFixtures {
  url: string;
  /** Requests by path (without the query). */
  hits: Map<string, number>;
  /** Changes what `/ckan` serves for the APBD resource (a portal publishing new figures). */
  setRecords(records: typeof CKAN_RECORDS): void;
  /** Makes every answer a 500 (the portal down) until set back. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function ckanError(res: http.ServerResponse, status: number, type: string, message: string): void {
  json(res, status, {
    help: 'http://localhost/api/3/action/help_show?name=datastore_search',
    success: false,
    error: { message, __type: type },
  });
}

export async function startSourceFixtures(): Promise<SourceFixtures> {
  const hits = new Map<string, number>();
  let records = CKAN_RECORDS;
  let down = false;
  const pending = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    if (down) {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html><body><h1>500 Internal Server Error</h1></body></html>');
      return;
    }
    switch (url.pathname) {
      case '/api/3/action/datastore_search': {
        const id = url.searchParams.get('resource_id') ?? '';
        if (id === 'tidak-ada') {
          ckanError(res, 404, 'Not Found Error', `Not found: Resource "${id}" was not found.`);
          return;
        }
        if (id === 'rahasia' && req.headers.authorization !== CKAN_TOKEN) {
          ckanError(res, 403, 'Authorization Error', 'Access denied: User not authorized to read resource');
          return;
        }
        const limit = Number(url.searchParams.get('limit') ?? '100');
        const offset = Number(url.searchParams.get('offset') ?? '0');
        const page = records.slice(offset, offset + limit);
        const nextQuery = new URLSearchParams({
          offset: String(offset + limit),
          limit: String(limit),
          resource_id: id,
        });
        json(res, 200, {
          help: 'http://localhost/api/3/action/help_show?name=datastore_search',
          success: true,
          result: {
            include_total: true,
            limit,
            records_format: 'objects',
            resource_id: id,
            total_estimation_threshold: null,
            records: page,
            fields: CKAN_FIELDS,
            _links: {
              start: `/api/3/action/datastore_search?limit=${limit}&resource_id=${id}`,
              next:
                id === 'ke-luar'
                  ? `http://127.0.0.2:9/api/3/action/datastore_search?${nextQuery}`
                  : `/api/3/action/datastore_search?${nextQuery}`,
            },
            total: records.length,
            total_was_estimated: false,
          },
        });
        return;
      }
      case '/pengaduan.json':
        json(res, 200, {
          status: 'ok',
          data: {
            periode: '2025-02',
            ringkasan: [
              {
                dimension: 'total',
                name: 'Total',
                received: '1.240',
                in_process: '212',
                resolved: '968',
                stalled: '60',
              },
              { dimension: 'topic', name: 'Kesehatan', received: 260, in_process: 40, resolved: 210, stalled: 10 },
            ],
          },
        });
        return;
      case '/tabel.json':
        json(res, 200, [
          ['wilayah', 'penduduk'],
          ['Kota Makassar', '1.474.393'],
          ['Kabupaten Gowa', '765.836'],
        ]);
        return;
      case '/rusak.json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data": [{"a": 1}, {"a": 2}');
        return;
      case '/ipm.csv':
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
        res.end(
          '\uFEFFKabupaten/Kota;IPM 2024;Pertumbuhan (%)\r\nKota Makassar;83,51;0,62\r\nKota Parepare;79,80;0,55\r\n',
        );
        return;
      case '/lambat':
        // Never answers: the source's timeout must end it. Closed with the server.
        pending.add(res);
        return;
      case '/raksasa': {
        // 50 MB of valid JSON, streamed: a source must stop reading at its limit, not buffer it all.
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.from(`${'{"x":"'.padEnd(1024 * 64 - 3, 'a')}"},`);
        let sent = 0;
        res.write('[');
        const pump = () => {
          while (sent < 50 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end('{}]');
        };
        res.on('error', () => {});
        pump();
        return;
      }
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    setRecords: (next) => {
      records = next;
    },
    setDown: (value) => {
      down = value;
    },
    close: async () => {
      for (const res of pending) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
