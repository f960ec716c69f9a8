import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from '../database';
import { migration0005 } from './0005-layouts';
import { migrations } from './index';

/** The version before 0005 in the list. */
const previous = migrations[migrations.indexOf(migration0005) - 1]?.version ?? 0;

describe('migration 0005: layouts', () => {
  it('takes a database to 5 keeping its rows; layouts and playlists share ids; zones go with their owner', () => {
    // 1. A database at the version before, with a screen and a playlist.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m5-')), 'baruga.sqlite');
    const db = openDatabase(file, { upTo: previous });
    expect(schemaVersion(db)).toBe(previous);
    db.prepare(
      "INSERT INTO screens (id, name, width, height, timezone, locale, public, created_at) VALUES ('lobi', 'Lobi', 1920, 1080, 'Asia/Makassar', 'id-ID', 0, 'x')",
    ).run();
    db.prepare("INSERT INTO playlists (id, name, created_at, updated_at) VALUES ('psa', 'PSA', 'x', 'x')").run();

    // 2. Take the step: the rows are still there.
    migrate(db, [migration0005]);
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT id FROM screens').all()).toEqual([{ id: 'lobi' }]);
    expect(db.prepare('SELECT id FROM playlists').all()).toEqual([{ id: 'psa' }]);

    // 3. One id space: a layout cannot take a playlist's id, nor a playlist a layout's.
    const layout = db.prepare(
      "INSERT INTO layouts (id, name, width, height, background, created_at, updated_at) VALUES (?, 'L', 1920, 1080, '#000000', 'x', 'x')",
    );
    expect(() => layout.run('psa')).toThrow(/playlists and layouts share ids/);
    layout.run('lobi-utama');
    expect(() =>
      db.prepare("INSERT INTO playlists (id, name, created_at, updated_at) VALUES ('lobi-utama', 'P', 'x', 'x')").run(),
    ).toThrow(/playlists and layouts share ids/);
    expect(() => layout.run('default')).toThrow(/CHECK/);

    // 4. A zone with an item; an unknown transition is refused; deleting the layout takes its zones and items.
    const zone = db.prepare(
      `INSERT INTO layout_zones (layout_id, id, position, x, y, width, height, z, background, transition_kind, transition_ms)
       VALUES ('lobi-utama', ?, 0, 0, 0, 100, 100, 0, NULL, ?, 600)`,
    );
    zone.run('main', 'fade');
    expect(() => zone.run('side', 'wipe')).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO layout_items (id, layout_id, zone_id, position, type, type_version, duration_ms, props, sample)
       VALUES ('i1', 'lobi-utama', 'main', 0, 'text', 1, 10000, '{"body":"Halo"}', 0)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO layout_items (id, layout_id, zone_id, position, type, type_version, duration_ms, props, sample)
           VALUES ('i2', 'lobi-utama', 'no-such-zone', 0, 'text', 1, 10000, '{}', 0)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM layouts WHERE id = 'lobi-utama'").run();
    expect(db.prepare('SELECT count(*) AS n FROM layout_zones').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM layout_items').get()).toEqual({ n: 0 });

    // 5. Overlays belong to their screen and go with it.
    db.prepare(
      `INSERT INTO overlay_zones (screen_id, id, position, x, y, width, height, z, background, transition_kind, transition_ms)
       VALUES ('lobi', 'ticker', 0, 0, 1000, 1920, 80, 10, '#0b3d91', 'cut', 0)`,
    ).run();
    db.prepare(
      `INSERT INTO overlay_items (id, screen_id, zone_id, position, type, type_version, duration_ms, props, sample)
       VALUES ('o1', 'lobi', 'ticker', 0, 'running-text', 1, 20000, '{"text":"Selamat datang"}', 0)`,
    ).run();
    db.prepare("DELETE FROM screens WHERE id = 'lobi'").run();
    expect(db.prepare('SELECT count(*) AS n FROM overlay_items').get()).toEqual({ n: 0 });
    db.close();
  });
});
