import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations/index';
import type { Migration } from './migrations/migration';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the controller database in WAL mode and brings it to the newest schema.
 * `upTo` exists for the migration tests, which stop one step short and then take the last step.
 */
export function openDatabase(file: string, options: { upTo?: number; migrations?: readonly Migration[] } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash may lose the last commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, options.migrations ?? allMigrations, options.upTo);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The migrations this database has taken, by number. */
export function appliedMigrations(db: Db): number[] {
  ensureLedger(db);
  return db
    .prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    .all()
    .map((r) => r.version);
}

/**
 * Applied migrations are recorded by number, not only as a high-water mark: a migration merged after a higher
 * one (two branches, a renumbering) is still applied to a database that took the higher one first. A database
 * from before the ledger existed counts every migration up to its `user_version` as taken.
 */
function ensureLedger(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
}

export function migrate(db: Db, migrations: readonly Migration[], upTo = Number.POSITIVE_INFINITY): void {
  ensureLedger(db);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const known = new Set(appliedMigrations(db));
  if (known.size === 0 && schemaVersion(db) > 0) {
    const before = schemaVersion(db);
    db.transaction(() => {
      for (const m of migrations) {
        if (m.version > before) continue;
        record.run(m.version, m.name, 'before the ledger');
        known.add(m.version);
      }
    })();
  }
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (known.has(m.version) || m.version > upTo) continue;
    // Each step, its ledger row and the version mark commit together: a crash mid-migration leaves the rest intact.
    db.transaction(() => {
      db.exec(m.up);
      record.run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${Math.max(schemaVersion(db), m.version)}`);
    })();
  }
}
