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

export function migrate(db: Db, migrations: readonly Migration[], upTo = Number.POSITIVE_INFINITY): void {
  const current = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= current || m.version > upTo) continue;
    // Each step and its version bump commit together: a crash mid-migration leaves version N−1 intact.
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
