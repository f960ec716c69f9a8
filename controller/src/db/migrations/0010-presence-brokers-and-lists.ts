import type { Migration } from './migration';

/**
 * Scale: a screen's presence remembers which connection of its player spoke last, so the
 * last will of an abandoned connection attempt, published by the broker after a newer connection said "online",
 * cannot mark a live screen offline, even across a controller restart that replays the broker's retained status.
 * Rows from before keep NULL and take the next status as it comes. Players keep a second hash of their secret for
 * an external broker's password file. Indexes for the lists that grow with the fleet. Numbered 10: 9 is taken by walls on its branch.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'presence-brokers-and-lists',
  up: `
    ALTER TABLE screen_presence ADD COLUMN connection_seq INTEGER CHECK (connection_seq IS NULL OR connection_seq >= 0);
    -- The player's secret hashed as Mosquitto's password file wants it (PBKDF2-SHA512), so an external broker can
    -- be given per-player credentials (npm run mosquitto:acl). Players enrolled before have none.
    ALTER TABLE players ADD COLUMN broker_hash TEXT CHECK (broker_hash IS NULL OR broker_hash LIKE '$7$%');
    -- Lists read a screen's published version without touching the manifest's body, sort screens by name and
    -- players by creation, and find each screen's newest screenshot without walking every command.
    CREATE INDEX manifests_versions ON manifests(screen_id, version);
    CREATE INDEX screens_by_name ON screens(name, id);
    CREATE INDEX players_by_created ON players(created_at, id);
    -- Enrolling walks the pending players (expired codes, forgotten players): with thousands of enrolled ones,
    -- only the pending few.
    CREATE INDEX players_pending_by_expiry ON players(code_expires_at) WHERE state = 'pending';
    CREATE INDEX players_pending_by_created ON players(created_at) WHERE state = 'pending';
    CREATE INDEX commands_screenshots ON commands(screen_id, issued_at) WHERE screenshot_sha256 IS NOT NULL;
  `,
};
