import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../database';
import { migration0012 } from './0012-screen-locations';
import { migrations } from './index';

const previous = migrations[migrations.indexOf(migration0012) - 1]?.version ?? 0;

describe('migration 0012: screen locations', () => {
  it('keeps every screen, with no location until an operator gives one, and only whole locations', () => {
    const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m11-')), 'b.sqlite'), {
      upTo: previous,
    });
    db.prepare(
      "INSERT INTO screens (id, name, width, height, timezone, locale, public, created_at) VALUES ('lobi', 'Lobi', 1920, 1080, 'Asia/Makassar', 'id-ID', 0, 'x')",
    ).run();
    migrate(db, migrations, 12);
    expect(db.prepare('SELECT id, latitude, longitude FROM screens').all()).toEqual([
      { id: 'lobi', latitude: null, longitude: null },
    ]);
    db.prepare("UPDATE screens SET latitude = -5.14, longitude = 119.42 WHERE id = 'lobi'").run();
    expect(() => db.prepare("UPDATE screens SET longitude = NULL WHERE id = 'lobi'").run()).toThrow(/both/);
    expect(() => db.prepare("UPDATE screens SET latitude = 95 WHERE id = 'lobi'").run()).toThrow(/CHECK/);
    db.close();
  });
});
