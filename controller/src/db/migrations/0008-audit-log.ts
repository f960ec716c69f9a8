import type { Migration } from './migration';

/**
 * The audit trail: who did what, when, to what. Append-only (triggers refuse updates and deletes through SQL) and
 * hash-chained (each entry's hash covers the previous entry's hash and its own fields), so a row changed or
 * removed by other means, even with the triggers dropped, is found by `npm run audit:verify`.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'audit-log',
  up: `
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'player', 'system', 'anonymous')),
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
      target TEXT,
      outcome INTEGER NOT NULL,
      detail TEXT NOT NULL CHECK (json_valid(detail)),
      prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
      hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
    ) STRICT;
    CREATE INDEX audit_log_by_action ON audit_log(action, seq);

    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
};
