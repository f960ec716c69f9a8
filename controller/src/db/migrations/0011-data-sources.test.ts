import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../database';
import { migration0011 } from './0011-data-sources';
import { migrations } from './index';

const previous = migrations[migrations.indexOf(migration0011) - 1]?.version ?? 0;

describe('migration 0011: data sources', () => {
  it('adds sources and their last good table, which goes with its source', () => {
    const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m10-')), 'b.sqlite'), {
      upTo: previous,
    });
    migrate(db, migrations, 11);
    db.prepare(
      `INSERT INTO sources (id, kind, definition, api_token, created_at, updated_at)
       VALUES ('apbd', 'ckan', '{"kind":"ckan"}', NULL, 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO source_data (source_id, version, columns, rows, row_count, digest, fetched_at, checked_at)
       VALUES ('apbd', 1, '[]', '[]', 0, 'd', 'x', 'x')`,
    ).run();
    // A kind Baruga does not fetch, a definition that is not JSON, and an error without its code are refused.
    expect(() => db.prepare(`INSERT INTO sources VALUES ('x', 'xml', '{}', NULL, 'x', 'x')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO sources VALUES ('y', 'csv', 'nope', NULL, 'x', 'x')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE source_data SET error_message = 'timeout'`).run()).toThrow(/CHECK/);
    db.prepare(`DELETE FROM sources WHERE id = 'apbd'`).run();
    expect(db.prepare('SELECT count(*) AS n FROM source_data').get()).toEqual({ n: 0 });
    db.close();
  });
});
