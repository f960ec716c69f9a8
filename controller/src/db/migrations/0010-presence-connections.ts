import type { Migration } from './migration';

/**
 * Scale (docs/deployment.md): a screen's presence remembers which connection of its player spoke last, so the
 * last will of an abandoned connection attempt, published by the broker after a newer connection said "online",
 * cannot mark a live screen offline, even across a controller restart that replays the broker's retained status.
 * Rows from before keep NULL and take the next status as it comes. Numbered 10: 9 is taken by walls on its branch.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'presence-connections',
  up: `
    ALTER TABLE screen_presence ADD COLUMN connection_seq INTEGER CHECK (connection_seq IS NULL OR connection_seq >= 0);
    -- The screen list sorts by name; the players list by creation.
    CREATE INDEX screens_by_name ON screens(name, id);
    CREATE INDEX players_by_created ON players(created_at, id);
  `,
};
