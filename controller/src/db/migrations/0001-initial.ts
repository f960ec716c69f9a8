import type { Migration } from './migration';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE walls (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      columns INTEGER NOT NULL CHECK (columns BETWEEN 1 AND 32),
      rows INTEGER NOT NULL CHECK (rows BETWEEN 1 AND 32),
      tile_width INTEGER NOT NULL,
      tile_height INTEGER NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE screens (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      width INTEGER NOT NULL CHECK (width BETWEEN 16 AND 16384),
      height INTEGER NOT NULL CHECK (height BETWEEN 16 AND 16384),
      timezone TEXT NOT NULL,
      locale TEXT NOT NULL,
      public INTEGER NOT NULL CHECK (public IN (0, 1)),
      wall_id TEXT REFERENCES walls(id) ON DELETE SET NULL,
      tile_column INTEGER,
      tile_row INTEGER,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE loop_items (
      id TEXT PRIMARY KEY,
      screen_id TEXT NOT NULL REFERENCES screens(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      type TEXT NOT NULL,
      type_version INTEGER NOT NULL,
      duration_ms INTEGER NOT NULL,
      props TEXT NOT NULL CHECK (json_valid(props)),
      sample INTEGER NOT NULL CHECK (sample IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX loop_items_by_screen ON loop_items(screen_id, position);

    -- The last manifest published for each screen; version only ever grows.
    CREATE TABLE manifests (
      screen_id TEXT PRIMARY KEY REFERENCES screens(id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      body TEXT NOT NULL CHECK (json_valid(body)),
      published_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE blobs (
      sha256 TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      mime TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE screen_presence (
      screen_id TEXT PRIMARY KEY REFERENCES screens(id) ON DELETE CASCADE,
      connected INTEGER NOT NULL CHECK (connected IN (0, 1)),
      player_id TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      manifest_version INTEGER
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
