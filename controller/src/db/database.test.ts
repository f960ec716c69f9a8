import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, migrate, openDatabase, schemaVersion } from './database';
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
});
