import type { Migration } from './migration';

/**
 * Scheduling: playlists (what events put on screens), dayparts, events and whom they target, and screen groups.
 * An event's full definition is its protocol shape in `body` (ScheduleEvent, parsed on the way in); the columns
 * beside it exist for lookups and for the foreign keys that keep a playlist or daypart from vanishing under it.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'schedules',
  up: `
    CREATE TABLE playlists (
      id TEXT PRIMARY KEY CHECK (id <> 'default'),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE playlist_items (
      id TEXT PRIMARY KEY,
      playlist_id TEXT NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      type TEXT NOT NULL,
      type_version INTEGER NOT NULL,
      duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
      props TEXT NOT NULL CHECK (json_valid(props)),
      sample INTEGER NOT NULL CHECK (sample IN (0, 1))
    ) STRICT;
    CREATE INDEX playlist_items_by_playlist ON playlist_items(playlist_id, position);

    CREATE TABLE dayparts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      windows TEXT NOT NULL CHECK (json_valid(windows)),
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE events (
      id TEXT PRIMARY KEY,
      body TEXT NOT NULL CHECK (json_valid(body)),
      -- 'default' (the screen's own loop) is no row of playlists, hence no foreign key here.
      playlist_id TEXT NOT NULL,
      daypart_id TEXT REFERENCES dayparts(id) ON DELETE RESTRICT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX events_by_playlist ON events(playlist_id);
    CREATE INDEX events_by_daypart ON events(daypart_id);

    CREATE TABLE event_targets (
      event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('screen', 'group', 'wall', 'all')),
      target_id TEXT NOT NULL,
      PRIMARY KEY (event_id, kind, target_id)
    ) STRICT;
    CREATE INDEX event_targets_by_target ON event_targets(kind, target_id);

    CREATE TABLE screen_groups (
      screen_id TEXT NOT NULL REFERENCES screens(id) ON DELETE CASCADE,
      group_id TEXT NOT NULL,
      PRIMARY KEY (screen_id, group_id)
    ) STRICT;
    CREATE INDEX screen_groups_by_group ON screen_groups(group_id);
  `,
};
