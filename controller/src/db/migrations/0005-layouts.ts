import type { Migration } from './migration';

/**
 * Zoned layouts and each screen's overlay zones (protocol/src/layout.ts). Zones and their items are rows, as
 * playlist items are: an item keeps its id (proof of play reports it) and the library and the garbage
 * collector read props without parsing whole layouts.
 *
 * Layouts and playlists share one id space, because an event's `playlist_id` names either; the two triggers
 * keep that true whatever writes the tables.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'layouts',
  up: `
    CREATE TABLE layouts (
      id TEXT PRIMARY KEY CHECK (id <> 'default'),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      width INTEGER NOT NULL CHECK (width BETWEEN 16 AND 16384),
      height INTEGER NOT NULL CHECK (height BETWEEN 16 AND 16384),
      background TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER layouts_id_not_a_playlist BEFORE INSERT ON layouts
    WHEN EXISTS (SELECT 1 FROM playlists WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'a playlist has this id; playlists and layouts share ids'); END;

    CREATE TRIGGER playlists_id_not_a_layout BEFORE INSERT ON playlists
    WHEN EXISTS (SELECT 1 FROM layouts WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'a layout has this id; playlists and layouts share ids'); END;

    CREATE TABLE layout_zones (
      layout_id TEXT NOT NULL REFERENCES layouts(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      position INTEGER NOT NULL,
      x INTEGER NOT NULL CHECK (x >= 0),
      y INTEGER NOT NULL CHECK (y >= 0),
      width INTEGER NOT NULL CHECK (width >= 1),
      height INTEGER NOT NULL CHECK (height >= 1),
      z INTEGER NOT NULL,
      background TEXT,
      transition_kind TEXT NOT NULL CHECK (transition_kind IN ('cut', 'fade', 'slide')),
      transition_ms INTEGER NOT NULL CHECK (transition_ms BETWEEN 0 AND 5000),
      PRIMARY KEY (layout_id, id)
    ) STRICT;

    CREATE TABLE layout_items (
      id TEXT PRIMARY KEY,
      layout_id TEXT NOT NULL,
      zone_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      type TEXT NOT NULL,
      type_version INTEGER NOT NULL,
      duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
      props TEXT NOT NULL CHECK (json_valid(props)),
      sample INTEGER NOT NULL CHECK (sample IN (0, 1)),
      FOREIGN KEY (layout_id, zone_id) REFERENCES layout_zones(layout_id, id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX layout_items_by_zone ON layout_items(layout_id, zone_id, position);

    -- A screen's overlays: zones in screen pixels, painted above whatever its schedule plays.
    CREATE TABLE overlay_zones (
      screen_id TEXT NOT NULL REFERENCES screens(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      position INTEGER NOT NULL,
      x INTEGER NOT NULL CHECK (x >= 0),
      y INTEGER NOT NULL CHECK (y >= 0),
      width INTEGER NOT NULL CHECK (width >= 1),
      height INTEGER NOT NULL CHECK (height >= 1),
      z INTEGER NOT NULL,
      background TEXT,
      transition_kind TEXT NOT NULL CHECK (transition_kind IN ('cut', 'fade', 'slide')),
      transition_ms INTEGER NOT NULL CHECK (transition_ms BETWEEN 0 AND 5000),
      PRIMARY KEY (screen_id, id)
    ) STRICT;

    CREATE TABLE overlay_items (
      id TEXT PRIMARY KEY,
      screen_id TEXT NOT NULL,
      zone_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      type TEXT NOT NULL,
      type_version INTEGER NOT NULL,
      duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
      props TEXT NOT NULL CHECK (json_valid(props)),
      sample INTEGER NOT NULL CHECK (sample IN (0, 1)),
      FOREIGN KEY (screen_id, zone_id) REFERENCES overlay_zones(screen_id, id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX overlay_items_by_zone ON overlay_items(screen_id, zone_id, position);
  `,
};
