import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../database';
import { createWallsRepository } from '../../walls/walls-repository';
import { migrations } from './index';

const screen = (id: string, wall: string | null, column: number | null, row: number | null) =>
  `INSERT INTO screens (id, name, width, height, timezone, locale, public, wall_id, tile_column, tile_row, created_at)
   VALUES ('${id}', '${id}', 1920, 1080, 'Asia/Makassar', 'id-ID', 0, ${wall === null ? 'NULL' : `'${wall}'`},
           ${column ?? 'NULL'}, ${row ?? 'NULL'}, '2026-01-01')`;

describe('migration 0009: walls', () => {
  it('keeps an old wall as its plain grid, lets one screen keep a doubly claimed tile, and adds brightness', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m9-')), 'baruga.sqlite');
    const db = openDatabase(file, { upTo: 8 });
    db.prepare(
      `INSERT INTO walls (id, name, columns, rows, tile_width, tile_height, created_at)
       VALUES ('lounge', 'Lounge', 2, 1, 1920, 1080, '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(screen('a', 'lounge', 0, 0)).run();
    db.prepare(screen('b', 'lounge', 1, 0)).run();
    // Before this step nothing kept two screens off one tile.
    db.prepare(screen('c', 'lounge', 1, 0)).run();
    db.prepare(screen('d', null, 3, 3)).run();

    migrate(db, migrations, 9);
    // The repositories of this step only (later steps' statements need their own tables and indexes).
    const repos = { walls: createWallsRepository(db) };
    const wall = repos.walls.get('lounge');
    // No bezels, a millimetre a pixel: the same 3840 × 1080 grid it drew before.
    expect(wall?.panel).toEqual({
      widthPx: 1920,
      heightPx: 1080,
      activeWidthMm: 1920,
      activeHeightMm: 1080,
      bezelMm: { top: 0, right: 0, bottom: 0, left: 0 },
    });
    expect(wall?.tiles.map((t) => [t.column, t.screenId])).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
    expect(wall?.updatedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(repos.walls.wallOf('c')).toBeNull();
    expect(db.prepare(`SELECT tile_column, tile_row FROM screens WHERE id = 'd'`).get()).toEqual({
      tile_column: null,
      tile_row: null,
    });
    // A tile is one screen's from now on.
    expect(() =>
      db.prepare(`UPDATE screens SET wall_id = 'lounge', tile_column = 0, tile_row = 0 WHERE id = 'c'`).run(),
    ).toThrow(/UNIQUE/);
    // No schedule yet: the screen is at full brightness (screens-repository reads NULL so).
    expect(db.prepare(`SELECT brightness FROM screens WHERE id = 'a'`).get()).toEqual({ brightness: null });
    expect(() => db.prepare(`UPDATE screens SET brightness = 'dim' WHERE id = 'a'`).run()).toThrow(/CHECK/);
    db.close();
  });
});
