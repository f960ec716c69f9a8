import type { Migration } from './migration';

/**
 * Data sources (docs/data.md). A source's definition is one document (its kind's fields, limits and columns, an
 * uploaded CSV's text), read and written whole; its API token sits beside it, never inside the document a client
 * sees. `source_data` is the last good table: a failing fetch changes only `checked_at` and the error, so the rows
 * players show stay what they were, marked stale.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'data-sources',
  up: `
    CREATE TABLE sources (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('ckan', 'json', 'csv')),
      definition TEXT NOT NULL CHECK (json_valid(definition)),
      api_token TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE source_data (
      source_id TEXT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
      version INTEGER NOT NULL CHECK (version >= 0),
      columns TEXT NOT NULL CHECK (json_valid(columns)),
      rows TEXT NOT NULL CHECK (json_valid(rows)),
      row_count INTEGER NOT NULL CHECK (row_count >= 0),
      digest TEXT NOT NULL,
      fetched_at TEXT,
      checked_at TEXT,
      error_code TEXT,
      error_message TEXT,
      CHECK ((error_code IS NULL) = (error_message IS NULL))
    ) STRICT;
  `,
};
