import type { Migration } from './migration';

/**
 * One table for every content item, whoever holds it: a screen's loop, a playlist, a layout's zone or a screen's
 * overlay zone. Before this, four tables (loop_items, playlist_items, layout_items, overlay_items) held the same
 * columns, so every rule about items (validation, approval for public screens, library usage, garbage
 * collection) had to be written four times. Rows move here with their ids (proof of play and players name items
 * by id) and positions; they were random UUIDs in all four tables, so they stay unique together (a collision
 * would abort the step and leave version 5 as it was).
 *
 * An item names its owner as (owner_kind, owner_id, zone_id): what the repository reads and writes. The old
 * tables' integrity came from foreign keys, and one column cannot be a foreign key to four tables. Rather than
 * triggers (a dozen of them, for inserts, updates and every owner's deletes, re-implementing what SQLite already
 * does) or an `item_lists` table between owners and items (a row per owner to keep in step, and a new column on
 * four owner tables), the owner is spread into one generated column per kind of parent, null unless the item
 * belongs to that kind. Real foreign keys hang on those columns, and SQLite skips a foreign key whose child
 * columns hold a null, so each item is checked against its own owner only. That keeps everything the old tables
 * had: an item for a missing owner is refused, deleting a screen, playlist, layout, layout zone or overlay zone
 * deletes its items, an owner's key cannot change under its items, and `PRAGMA foreign_key_check` sees them all.
 * Generated columns may be child keys in PostgreSQL too (STORED there), should it replace SQLite.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'items',
  up: `
    CREATE TABLE items (
      id TEXT PRIMARY KEY,
      owner_kind TEXT NOT NULL CHECK (owner_kind IN ('loop', 'playlist', 'layout', 'overlay')),
      -- The screen (loop, overlay), playlist or layout.
      owner_id TEXT NOT NULL,
      -- The zone within a layout or a screen's overlays; a loop and a playlist have none.
      zone_id TEXT,
      position INTEGER NOT NULL CHECK (position >= 0),
      type TEXT NOT NULL,
      type_version INTEGER NOT NULL,
      duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
      props TEXT NOT NULL CHECK (json_valid(props)),
      sample INTEGER NOT NULL CHECK (sample IN (0, 1)),
      -- Only loop items recorded it before this migration.
      created_at TEXT,
      screen_id TEXT GENERATED ALWAYS AS (CASE WHEN owner_kind IN ('loop', 'overlay') THEN owner_id END) VIRTUAL
        REFERENCES screens(id) ON DELETE CASCADE,
      playlist_id TEXT GENERATED ALWAYS AS (CASE owner_kind WHEN 'playlist' THEN owner_id END) VIRTUAL
        REFERENCES playlists(id) ON DELETE CASCADE,
      layout_id TEXT GENERATED ALWAYS AS (CASE owner_kind WHEN 'layout' THEN owner_id END) VIRTUAL,
      CHECK ((zone_id IS NULL) = (owner_kind IN ('loop', 'playlist'))),
      FOREIGN KEY (layout_id, zone_id) REFERENCES layout_zones(layout_id, id) ON DELETE CASCADE,
      -- A loop item has no zone, so this key is null for it and only the screen's key above applies.
      FOREIGN KEY (screen_id, zone_id) REFERENCES overlay_zones(screen_id, id) ON DELETE CASCADE
    ) STRICT;

    INSERT INTO items (id, owner_kind, owner_id, zone_id, position, type, type_version, duration_ms, props, sample,
        created_at)
      SELECT id, 'loop', screen_id, NULL, position, type, type_version, duration_ms, props, sample, created_at
      FROM loop_items;
    INSERT INTO items (id, owner_kind, owner_id, zone_id, position, type, type_version, duration_ms, props, sample)
      SELECT id, 'playlist', playlist_id, NULL, position, type, type_version, duration_ms, props, sample
      FROM playlist_items;
    INSERT INTO items (id, owner_kind, owner_id, zone_id, position, type, type_version, duration_ms, props, sample)
      SELECT id, 'layout', layout_id, zone_id, position, type, type_version, duration_ms, props, sample
      FROM layout_items;
    INSERT INTO items (id, owner_kind, owner_id, zone_id, position, type, type_version, duration_ms, props, sample)
      SELECT id, 'overlay', screen_id, zone_id, position, type, type_version, duration_ms, props, sample
      FROM overlay_items;

    DROP TABLE loop_items;
    DROP TABLE playlist_items;
    DROP TABLE layout_items;
    DROP TABLE overlay_items;

    -- Every read and write of the repository names one owner and walks its items in order.
    CREATE INDEX items_by_owner ON items(owner_kind, owner_id, zone_id, position, id);
    -- The foreign keys' child columns: without these, deleting any screen, playlist or zone scans every item.
    CREATE INDEX items_by_screen ON items(screen_id, zone_id);
    CREATE INDEX items_by_playlist ON items(playlist_id);
    CREATE INDEX items_by_layout ON items(layout_id, zone_id);
  `,
};
