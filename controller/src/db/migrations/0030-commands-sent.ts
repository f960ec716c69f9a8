import type { Migration } from './migration';

/**
 * A command can now be `sent`: delivered to a screen no enrolled player drives, whose anonymous browser tabs may
 * not acknowledge (the broker refuses their acks, docs/security.md). The console shows it as sent without an
 * answer instead of waiting for one that cannot come. SQLite cannot change a CHECK in place, so the table is
 * rebuilt with its rows and indexes.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'commands-sent',
  up: `
    CREATE TABLE commands_new (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      params TEXT NOT NULL CHECK (json_valid(params)),
      target_kind TEXT NOT NULL CHECK (target_kind IN ('screen', 'player')),
      target_id TEXT NOT NULL,
      issued_by TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'ok', 'failed', 'expired')),
      acked_at TEXT,
      code TEXT,
      message TEXT,
      screen_id TEXT,
      screenshot_sha256 TEXT
    ) STRICT;
    INSERT INTO commands_new SELECT id, name, params, target_kind, target_id, issued_by, issued_at, expires_at, state,
      acked_at, code, message, screen_id, screenshot_sha256 FROM commands;
    DROP TABLE commands;
    ALTER TABLE commands_new RENAME TO commands;
    CREATE INDEX commands_by_target ON commands(target_kind, target_id, issued_at);
    CREATE INDEX commands_pending ON commands(state, expires_at) WHERE state = 'pending';
  `,
};
