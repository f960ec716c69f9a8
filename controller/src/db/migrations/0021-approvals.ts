import type { Migration } from './migration';

/**
 * The two-person rule (docs/security.md): requests to approve what goes to a public screen (or a manual alert),
 * each with its authors, its decision, and once approved the record whose hash the manifest carries. A screen has
 * at most one pending publication at a time; a newer change supersedes it. `approval_contributors` collects, per
 * public screen, who changed what it will show since its last approval, so no one approves their own change.
 */
export const migration0021: Migration = {
  version: 21,
  name: 'approvals',
  up: `
    CREATE TABLE approval_requests (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('publication', 'alert')),
      screen_id TEXT REFERENCES screens(id) ON DELETE CASCADE,
      content_digest TEXT NOT NULL CHECK (length(content_digest) = 64),
      content TEXT NOT NULL CHECK (json_valid(content)),
      summary TEXT NOT NULL,
      authors TEXT NOT NULL CHECK (json_valid(authors) AND json_array_length(authors) >= 1),
      state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'superseded')),
      requested_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      decided_at TEXT,
      decided_by TEXT CHECK (decided_by IS NULL OR json_valid(decided_by)),
      note TEXT NOT NULL DEFAULT '',
      record TEXT CHECK (record IS NULL OR json_valid(record)),
      record_hash TEXT CHECK (record_hash IS NULL OR length(record_hash) = 64),
      CHECK ((kind = 'publication') = (screen_id IS NOT NULL)),
      CHECK ((state = 'approved') = (record IS NOT NULL AND record_hash IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX approval_one_pending_per_screen ON approval_requests(screen_id)
      WHERE state = 'pending' AND kind = 'publication';
    CREATE INDEX approval_approved_content ON approval_requests(screen_id, content_digest) WHERE state = 'approved';
    CREATE INDEX approval_by_state ON approval_requests(state, requested_at);

    CREATE TABLE approval_contributors (
      screen_id TEXT NOT NULL REFERENCES screens(id) ON DELETE CASCADE,
      actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'system')),
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (screen_id, actor_kind, actor_id)
    ) STRICT;
  `,
};
