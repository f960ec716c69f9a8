import type { Migration } from './migration';

/**
 * Walls in physical units. A wall's panel models, bezels and rotations are one document (`geometry`, the protocol's
 * wall shape without screens) because they are only ever read and written whole, and the viewports are computed
 * from all of them together (protocol wallGeometry). Which screen drives which tile stays on the screens table
 * (`wall_id`, `tile_column`, `tile_row`), where the schedule engine already looks; a unique index now keeps two
 * screens off one tile. A wall from before this migration has no geometry: it reads as its old grid of
 * `tile_width` × `tile_height` pixels with no bezels, which is what it showed before.
 *
 * (Where two screens claimed one tile before, the smaller id keeps it.)
 *
 * Screens gain a brightness schedule (night dimming), also a document: rules of daypart windows and a percent.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'walls',
  up: `
    ALTER TABLE walls ADD COLUMN geometry TEXT CHECK (geometry IS NULL OR json_valid(geometry));
    ALTER TABLE walls ADD COLUMN updated_at TEXT;
    UPDATE walls SET updated_at = created_at;

    ALTER TABLE screens ADD COLUMN brightness TEXT CHECK (brightness IS NULL OR json_valid(brightness));

    -- A screen drives one tile, and a tile is driven by one screen: where two claimed a tile before, the smaller id
    -- keeps it and the other leaves the wall (its events still reach it by screen and group).
    UPDATE screens SET tile_column = NULL, tile_row = NULL WHERE wall_id IS NULL;
    UPDATE screens SET wall_id = NULL, tile_column = NULL, tile_row = NULL
      WHERE wall_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM screens other
        WHERE other.wall_id = screens.wall_id AND other.tile_column IS screens.tile_column
          AND other.tile_row IS screens.tile_row AND other.id < screens.id
      );
    CREATE UNIQUE INDEX screens_by_tile ON screens(wall_id, tile_column, tile_row) WHERE wall_id IS NOT NULL;
  `,
};
