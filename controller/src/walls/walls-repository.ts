import { PanelModel, type UpdateWall, WallTileInput } from '@baruga/protocol';
import { z } from 'zod';
import type { Db } from '../db/database';

/** A wall as stored: its grid, panel models and mountings, and which screen drives each tile. */
export interface WallRecord {
  id: string;
  name: string;
  columns: number;
  rows: number;
  panel: PanelModel;
  /** The cells that differ from the default or have a screen; the rest have the wall's panel, upright, no screen. */
  tiles: WallTileInput[];
  updatedAt: string;
}

/** The `geometry` column: everything of a wall but its name, grid size and screens. */
const StoredGeometry = z.object({
  panel: PanelModel,
  tiles: z.array(WallTileInput.omit({ screenId: true })),
});

interface RawWall {
  id: string;
  name: string;
  columns: number;
  rows: number;
  tile_width: number;
  tile_height: number;
  geometry: string | null;
  created_at: string;
  updated_at: string | null;
}

interface RawTile {
  id: string;
  wall_id: string;
  tile_column: number | null;
  tile_row: number | null;
}

/**
 * A wall from before walls had geometry is its old grid of tile pixels: 1 mm per pixel and no bezels, so its
 * canvas is the plain grid it always drew.
 */
function legacyPanel(r: RawWall): PanelModel {
  const none = { top: 0, right: 0, bottom: 0, left: 0 };
  return {
    widthPx: r.tile_width,
    heightPx: r.tile_height,
    activeWidthMm: r.tile_width,
    activeHeightMm: r.tile_height,
    bezelMm: none,
  };
}

export function createWallsRepository(db: Db) {
  const all = db.prepare<[], RawWall>('SELECT * FROM walls ORDER BY id');
  const one = db.prepare<[string], RawWall>('SELECT * FROM walls WHERE id = ?');
  const tilesOf = db.prepare<[string], RawTile>(
    'SELECT id, wall_id, tile_column, tile_row FROM screens WHERE wall_id = ? ORDER BY tile_row, tile_column, id',
  );
  const insert = db.prepare(
    `INSERT INTO walls (id, name, columns, rows, tile_width, tile_height, geometry, created_at, updated_at)
     VALUES (@id, @name, @columns, @rows, @tileWidth, @tileHeight, @geometry, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE walls SET name = @name, columns = @columns, rows = @rows, tile_width = @tileWidth,
       tile_height = @tileHeight, geometry = @geometry, updated_at = @at WHERE id = @id`,
  );
  const release = db.prepare(
    'UPDATE screens SET wall_id = NULL, tile_column = NULL, tile_row = NULL WHERE wall_id = ?',
  );
  const assign = db.prepare('UPDATE screens SET wall_id = ?, tile_column = ?, tile_row = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM walls WHERE id = ?');
  const eventsTargeting = db.prepare<[string], { event_id: string }>(
    "SELECT event_id FROM event_targets WHERE kind = 'wall' AND target_id = ? ORDER BY event_id",
  );
  const wallOfScreen = db.prepare<[string], { wall_id: string | null }>('SELECT wall_id FROM screens WHERE id = ?');

  function read(r: RawWall): WallRecord {
    // Written only through write() below; a hand-edited row that no longer parses reads as the plain grid.
    const parsed = r.geometry === null ? null : StoredGeometry.safeParse(JSON.parse(r.geometry));
    const geometry = parsed?.success ? parsed.data : { panel: legacyPanel(r), tiles: [] };
    const cells = new Map(
      geometry.tiles.map((t) => [`${t.column},${t.row}`, { ...t, screenId: null as string | null }]),
    );
    for (const s of tilesOf.all(r.id)) {
      if (s.tile_column === null || s.tile_row === null) continue;
      const key = `${s.tile_column},${s.tile_row}`;
      const cell = cells.get(key) ?? { column: s.tile_column, row: s.tile_row, rotation: 0 as const, screenId: null };
      cells.set(key, { ...cell, screenId: s.id });
    }
    const tiles = [...cells.values()]
      .filter((t) => t.column < r.columns && t.row < r.rows)
      .sort((a, b) => a.row - b.row || a.column - b.column);
    return {
      id: r.id,
      name: r.name,
      columns: r.columns,
      rows: r.rows,
      panel: geometry.panel,
      tiles,
      updatedAt: r.updated_at ?? r.created_at,
    };
  }

  function row(id: string, wall: UpdateWall, at: string) {
    const geometry = {
      panel: wall.panel,
      tiles: wall.tiles.map(({ screenId: _screen, ...cell }) => cell),
    };
    return {
      id,
      name: wall.name,
      columns: wall.columns,
      rows: wall.rows,
      tileWidth: wall.panel.widthPx,
      tileHeight: wall.panel.heightPx,
      geometry: JSON.stringify(geometry),
      at,
    };
  }

  function assignTiles(id: string, wall: UpdateWall) {
    release.run(id);
    for (const t of wall.tiles) if (t.screenId !== null) assign.run(id, t.column, t.row, t.screenId);
  }

  return {
    list: (): WallRecord[] => all.all().map(read),
    get: (id: string): WallRecord | null => {
      const r = one.get(id);
      return r ? read(r) : null;
    },
    /** The wall a screen is a tile of, if any. */
    wallOf: (screenId: string): string | null => wallOfScreen.get(screenId)?.wall_id ?? null,
    /** The events that name this wall among their targets. */
    eventsTargeting: (id: string): string[] => eventsTargeting.all(id).map((r) => r.event_id),
    /** The screens driving a wall's tiles, in row order. */
    screensOf: (id: string): string[] => tilesOf.all(id).map((t) => t.id),
    create(id: string, wall: UpdateWall, at = new Date().toISOString()): void {
      db.transaction(() => {
        insert.run(row(id, wall, at));
        assignTiles(id, wall);
      })();
    },
    replace(id: string, wall: UpdateWall, at = new Date().toISOString()): void {
      db.transaction(() => {
        update.run(row(id, wall, at));
        assignTiles(id, wall);
      })();
    },
    delete(id: string): void {
      db.transaction(() => {
        release.run(id);
        remove.run(id);
      })();
    },
  };
}
export type WallsRepository = ReturnType<typeof createWallsRepository>;
