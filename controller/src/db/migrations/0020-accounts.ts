import type { Migration } from './migration';

/**
 * Accounts with roles (docs/security.md): each user has one role, may be disabled, and may hold API tokens with
 * scopes. The users that exist before this step (the first admin) stay admins; anyone added later gets the role
 * the admin gives, and a row written without one is a viewer, never more.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'accounts',
  up: `
    ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'viewer'
      CHECK (role IN ('admin', 'editor', 'approver', 'viewer'));
    UPDATE users SET role = 'admin';
    ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));
    ALTER TABLE users ADD COLUMN last_sign_in_at TEXT;

    -- Only the token's SHA-256 is kept: a copy of the database signs no script in.
    CREATE TABLE api_tokens (
      id TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
      scopes TEXT NOT NULL CHECK (json_valid(scopes) AND json_type(scopes) = 'array'),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      last_used_at TEXT,
      revoked_at TEXT
    ) STRICT;
    CREATE INDEX api_tokens_by_user ON api_tokens(user_id);
  `,
};
