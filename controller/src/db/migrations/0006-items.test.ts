import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Db, migrate, openDatabase, schemaVersion } from '../database';
import { migration0006 } from './0006-items';
import { migrations } from './index';

/** The version before 0006 in the list. */
const previous = migrations[migrations.indexOf(migration0006) - 1]?.version ?? 0;

const tables = (db: Db) =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name);

const count = (db: Db, where = '1') =>
  db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM items WHERE ${where}`).get()?.n;

const zoneColumns = 'position, x, y, width, height, z, background, transition_kind, transition_ms';

/** A database at version 5: two screens, a playlist, a layout with two zones, an overlay zone, items in each. */
function oldDatabase(): Db {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m6-')), 'baruga.sqlite');
  const db = openDatabase(file, { upTo: previous });
  expect(schemaVersion(db)).toBe(previous);
  const screen = db.prepare(
    "INSERT INTO screens (id, name, width, height, timezone, locale, public, created_at) VALUES (?, ?, 1920, 1080, 'Asia/Makassar', 'id-ID', 0, 'x')",
  );
  screen.run('lobi', 'Lobi');
  screen.run('kiosk', 'Kiosk');
  db.prepare("INSERT INTO playlists (id, name, created_at, updated_at) VALUES ('psa', 'PSA', 'x', 'x')").run();
  db.prepare(
    "INSERT INTO layouts (id, name, width, height, background, created_at, updated_at) VALUES ('lobi-utama', 'L', 1920, 1080, '#000000', 'x', 'x')",
  ).run();
  const layoutZone = db.prepare(
    `INSERT INTO layout_zones (layout_id, id, ${zoneColumns}) VALUES ('lobi-utama', ?, ?, 0, 0, 100, 100, 0, NULL, 'cut', 0)`,
  );
  layoutZone.run('main', 0);
  layoutZone.run('side', 1);
  db.prepare(
    `INSERT INTO overlay_zones (screen_id, id, ${zoneColumns}) VALUES ('lobi', 'ticker', 0, 0, 1000, 1920, 80, 10, NULL, 'cut', 0)`,
  ).run();

  // Positions are written out of id order, so the test sees order kept by position, not by chance.
  const loop = db.prepare(
    `INSERT INTO loop_items (id, screen_id, position, type, type_version, duration_ms, props, sample, created_at)
     VALUES (?, ?, ?, 'text', 1, 10000, ?, 0, '2026-01-02T03:04:05.000Z')`,
  );
  loop.run('loop-b', 'lobi', 0, '{"body":"Satu"}');
  loop.run('loop-a', 'lobi', 1, '{"body":"Dua"}');
  loop.run('loop-k', 'kiosk', 0, '{"body":"Kios"}');
  const playlist = db.prepare(
    `INSERT INTO playlist_items (id, playlist_id, position, type, type_version, duration_ms, props, sample)
     VALUES (?, 'psa', ?, 'image', 1, 8000, ?, 1)`,
  );
  playlist.run('pl-2', 0, `{"asset":"${'a'.repeat(64)}"}`);
  playlist.run('pl-1', 1, `{"asset":"${'b'.repeat(64)}"}`);
  const layout = db.prepare(
    `INSERT INTO layout_items (id, layout_id, zone_id, position, type, type_version, duration_ms, props, sample)
     VALUES (?, 'lobi-utama', ?, ?, 'clock', 1, 20000, '{}', 0)`,
  );
  layout.run('ly-main-1', 'main', 1);
  layout.run('ly-main-0', 'main', 0);
  layout.run('ly-side-0', 'side', 0);
  db.prepare(
    `INSERT INTO overlay_items (id, screen_id, zone_id, position, type, type_version, duration_ms, props, sample)
     VALUES ('ov-0', 'lobi', 'ticker', 0, 'running-text', 1, 30000, '{"text":"Selamat datang"}', 0)`,
  ).run();
  return db;
}

describe('migration 0006: one items table', () => {
  it('moves every item of the four old tables with its id, owner, order and props, and drops them', () => {
    // 1. A version 5 database with items in a loop, a playlist, two layout zones and an overlay zone.
    const db = oldDatabase();
    const fields = 'id, type, type_version, duration_ms, props, sample';
    const before = ['loop_items', 'playlist_items', 'layout_items', 'overlay_items']
      .flatMap((table) => db.prepare<[], { id: string }>(`SELECT ${fields} FROM ${table}`).all())
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(before).toHaveLength(9);

    // 2. Take the step: the old tables are gone.
    migrate(db, [migration0006]);
    expect(schemaVersion(db)).toBe(6);
    expect(tables(db)).toContain('items');
    for (const old of ['loop_items', 'playlist_items', 'layout_items', 'overlay_items']) {
      expect(tables(db)).not.toContain(old);
    }

    // 3. Every row is there, once, as it was: same id, type, version, duration, props and sample flag.
    expect(db.prepare(`SELECT ${fields} FROM items ORDER BY id`).all()).toEqual(before);

    // 4. Each with its owner, in its owner's order; only loop items knew when they were made.
    const owners = db
      .prepare<[], { id: string; kind: string; owner: string; zone: string | null; at: string | null }>(
        `SELECT id, owner_kind AS kind, owner_id AS owner, zone_id AS zone, created_at AS at
         FROM items ORDER BY owner_kind, owner_id, zone_id, position`,
      )
      .all()
      .map((r) => [r.kind, r.owner, r.zone, r.id, r.at]);
    const made = '2026-01-02T03:04:05.000Z';
    expect(owners).toEqual([
      ['layout', 'lobi-utama', 'main', 'ly-main-0', null],
      ['layout', 'lobi-utama', 'main', 'ly-main-1', null],
      ['layout', 'lobi-utama', 'side', 'ly-side-0', null],
      ['loop', 'kiosk', null, 'loop-k', made],
      ['loop', 'lobi', null, 'loop-b', made],
      ['loop', 'lobi', null, 'loop-a', made],
      ['overlay', 'lobi', 'ticker', 'ov-0', null],
      ['playlist', 'psa', null, 'pl-2', null],
      ['playlist', 'psa', null, 'pl-1', null],
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('keeps what the old foreign keys promised: no item without its owner, and an owner takes its items along', () => {
    const db = oldDatabase();
    migrate(db, [migration0006]);

    // 1. An item for an owner that does not exist is refused, whichever kind of owner it names.
    const insert = db.prepare(
      `INSERT INTO items (id, owner_kind, owner_id, zone_id, position, type, type_version, duration_ms, props, sample)
       VALUES (?, ?, ?, ?, 0, 'text', 1, 10000, '{}', 0)`,
    );
    expect(() => insert.run('x1', 'loop', 'no-such-screen', null)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('x2', 'playlist', 'no-such-playlist', null)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('x3', 'layout', 'lobi-utama', 'no-such-zone')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('x4', 'layout', 'no-such-layout', 'main')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('x5', 'overlay', 'kiosk', 'ticker')).toThrow(/FOREIGN KEY/); // lobi's zone, not kiosk's
    // A loop or playlist item has no zone; a zone item always has one; the kinds are the four.
    expect(() => insert.run('x6', 'loop', 'lobi', 'ticker')).toThrow(/CHECK/);
    expect(() => insert.run('x7', 'layout', 'lobi-utama', null)).toThrow(/CHECK/);
    expect(() => insert.run('x8', 'wall', 'lobi', null)).toThrow(/CHECK/);
    // Moving an item to a missing owner is refused as well, and an owner's key cannot change under its items.
    expect(() => db.prepare("UPDATE items SET owner_id = 'nowhere' WHERE id = 'pl-1'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE playlists SET id = 'psa-2' WHERE id = 'psa'").run()).toThrow(/FOREIGN KEY/);
    expect(count(db)).toBe(9);

    // 2. A layout zone takes its items, and the layout the rest.
    db.prepare("DELETE FROM layout_zones WHERE layout_id = 'lobi-utama' AND id = 'side'").run();
    expect(count(db, "owner_kind = 'layout'")).toBe(2);
    db.prepare("DELETE FROM layouts WHERE id = 'lobi-utama'").run();
    expect(count(db, "owner_kind = 'layout'")).toBe(0);

    // 3. A playlist takes its items.
    db.prepare("DELETE FROM playlists WHERE id = 'psa'").run();
    expect(count(db, "owner_kind = 'playlist'")).toBe(0);

    // 4. An overlay zone takes its items and leaves the screen's loop alone.
    db.prepare("DELETE FROM overlay_zones WHERE screen_id = 'lobi' AND id = 'ticker'").run();
    expect(count(db, "owner_kind = 'overlay'")).toBe(0);
    expect(count(db, "owner_id = 'lobi'")).toBe(2);

    // 5. A screen takes its loop (and its overlays, through their zones), and only its own.
    db.prepare(
      `INSERT INTO overlay_zones (screen_id, id, ${zoneColumns}) VALUES ('lobi', 'clock', 0, 0, 0, 200, 80, 10, NULL, 'cut', 0)`,
    ).run();
    insert.run('ov-1', 'overlay', 'lobi', 'clock');
    db.prepare("DELETE FROM screens WHERE id = 'lobi'").run();
    expect(db.prepare('SELECT id FROM items').all()).toEqual([{ id: 'loop-k' }]);
    db.close();
  });
});
