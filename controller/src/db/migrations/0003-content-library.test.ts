import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from '../database';
import { migration0003 } from './0003-content-library';
import { migrations } from './index';

/** The version before 0003 in the list (numbers may have gaps while work lands in parallel). */
const previous = migrations[migrations.indexOf(migration0003) - 1]?.version ?? 0;

const tables = (db: ReturnType<typeof openDatabase>) =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name);

describe('migration 0003: content library', () => {
  it('0003: blobs stored before it stay public; library items, tags and renditions follow their rules', () => {
    // 1. A database at the version before 0003, holding a blob and a screen with an image.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m3-')), 'baruga.sqlite');
    const db = openDatabase(file, { upTo: previous });
    expect(schemaVersion(db)).toBe(previous);
    const now = new Date().toISOString();
    const sha = 'a'.repeat(64);
    db.prepare('INSERT INTO blobs (sha256, size, mime, created_at) VALUES (?, 10, ?, ?)').run(sha, 'image/jpeg', now);

    // 2. Take the step.
    migrate(db, [migration0003]);
    expect(schemaVersion(db)).toBe(3);
    expect(tables(db)).toEqual(expect.arrayContaining(['library_items', 'library_tags', 'renditions', 'blob_parts']));
    expect(db.prepare('SELECT private FROM blobs WHERE sha256 = ?').get(sha)).toEqual({ private: 0 });

    // 3. The rules hold: a stream has a URL and no source, a file the reverse; tags go with their item.
    const insert = db.prepare(
      `INSERT INTO library_items (id, kind, name, source_sha256, url, mime, size, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    );
    insert.run('img', 'image', 'Foto', sha, null, 'image/jpeg', now, now);
    insert.run('cam', 'stream', 'CCTV', null, 'http://10.0.0.9/live.m3u8', 'application/vnd.apple.mpegurl', now, now);
    expect(() => insert.run('bad', 'stream', 'x', null, null, 'x', now, now)).toThrow(/CHECK/);
    expect(() => insert.run('bad', 'image', 'x', null, null, 'x', now, now)).toThrow(/CHECK/);
    expect(() => insert.run('bad', 'audio', 'x', 'b'.repeat(64), null, 'x', now, now)).toThrow(/CHECK|FOREIGN/);
    expect(() => insert.run('dup', 'image', 'Foto 2', sha, null, 'image/jpeg', now, now)).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO library_tags (item_id, tag) VALUES ('img', 'lebaran')").run();
    db.prepare("DELETE FROM library_items WHERE id = 'img'").run();
    expect(db.prepare('SELECT count(*) AS n FROM library_tags').get()).toEqual({ n: 0 });
    expect(() =>
      db
        .prepare(
          `INSERT INTO renditions (source_sha256, width, height, fit, focal, background, sha256, created_at)
           VALUES (?, 1920, 640, 'stretch', '', '#000000', ?, ?)`,
        )
        .run(sha, sha, now),
    ).toThrow(/CHECK/);
    db.close();
  });
});
