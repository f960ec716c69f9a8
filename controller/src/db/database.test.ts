import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, appliedMigrations, migrate, openDatabase, schemaVersion } from './database';
import { migration0001 } from './migrations/0001-initial';
import { migrations } from './migrations/index';

const open: Db[] = [];
function tmpDb(upTo: number): { db: Db; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-db-'));
  const file = path.join(dir, 'baruga.sqlite');
  const db = openDatabase(file, { upTo });
  open.push(db);
  return { db, file };
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const tables = (db: Db) =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name);

describe('migrations', () => {
  it('are listed in increasing order', () => {
    const versions = migrations.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('0001: an empty file becomes the initial schema, with STRICT tables', () => {
    const { db } = tmpDb(0);
    expect(schemaVersion(db)).toBe(0);
    migrate(db, [migration0001]);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['users', 'sessions', 'walls', 'screens', 'loop_items', 'manifests', 'blobs', 'settings']),
    );
    expect(() =>
      db.prepare("INSERT INTO blobs (sha256, size, mime, created_at) VALUES ('a', 'big', 'x', 'y')").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('a fresh database reaches the newest version in one open', () => {
    const { db } = tmpDb(Number.POSITIVE_INFINITY);
    expect(schemaVersion(db)).toBe(migrations.at(-1)?.version);
  });

  it('are tracked by number: one merged below the newest still runs, and none runs twice', () => {
    const { db } = tmpDb(0);
    const step = (version: number) => ({
      version,
      name: `step-${version}`,
      up: `CREATE TABLE t${version} (id INTEGER PRIMARY KEY) STRICT;`,
    });
    // A database that took 1 and 3 (a branch where 2 did not exist yet) ...
    migrate(db, [step(1), step(3)]);
    expect(appliedMigrations(db)).toEqual([1, 3]);
    expect(schemaVersion(db)).toBe(3);
    // ... gets 2 once 2 is merged, and nothing twice.
    migrate(db, [step(1), step(2), step(3)]);
    expect(appliedMigrations(db)).toEqual([1, 2, 3]);
    expect(tables(db)).toEqual(expect.arrayContaining(['t1', 't2', 't3']));
    migrate(db, [step(1), step(2), step(3)]);
    expect(appliedMigrations(db)).toEqual([1, 2, 3]);
  });

  it('a database from before the ledger counts what its user_version says it took', () => {
    const { db } = tmpDb(0);
    db.exec('CREATE TABLE t1 (id INTEGER PRIMARY KEY) STRICT; PRAGMA user_version = 1;');
    const step = (version: number) => ({
      version,
      name: `s${version}`,
      up: `CREATE TABLE t${version} (id INTEGER) STRICT;`,
    });
    migrate(db, [step(1), step(2)]);
    expect(appliedMigrations(db)).toEqual([1, 2]);
    expect(tables(db)).toEqual(expect.arrayContaining(['t1', 't2']));
  });
});
