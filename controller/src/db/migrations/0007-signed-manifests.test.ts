import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../database';
import { migrations } from './index';

describe('migration 0007: signed manifests', () => {
  it('keeps stored manifests, with no signed bytes until they are published again', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m7-')), 'baruga.sqlite');
    const db = openDatabase(file, { upTo: 6 });
    db.prepare(
      "INSERT INTO screens (id, name, width, height, timezone, locale, public, created_at) VALUES ('s1', 'S', 100, 100, 'Asia/Makassar', 'id-ID', 0, '2026-01-01')",
    ).run();
    db.prepare(
      `INSERT INTO manifests (screen_id, version, body, published_at) VALUES ('s1', 3, '{"version":3}', '2026-01-01')`,
    ).run();

    migrate(db, migrations, 7);
    expect(db.prepare('SELECT screen_id, version, body, signed FROM manifests').all()).toEqual([
      { screen_id: 's1', version: 3, body: '{"version":3}', signed: null },
    ]);
    // Only JSON is kept as signed bytes.
    expect(() => db.prepare(`UPDATE manifests SET signed = 'not json'`).run()).toThrow(/CHECK/);
    db.close();
  });
});
