import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../database';
import { migrations } from './index';

const digest = 'a'.repeat(64);

describe('migration 0021: approvals', () => {
  it('adds the queue beside the screens there are: one pending publication per screen, an approval has its record', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m21-')), 'baruga.sqlite');
    const db = openDatabase(file, { upTo: 20 });
    db.prepare(
      "INSERT INTO screens (id, name, width, height, timezone, locale, public, created_at) VALUES ('v1', 'V', 100, 100, 'Asia/Makassar', 'id-ID', 1, '2026-01-01')",
    ).run();

    migrate(db, migrations, 21);
    const request = db.prepare(
      `INSERT INTO approval_requests (id, kind, screen_id, content_digest, content, summary, authors, state, requested_at, updated_at)
       VALUES (?, 'publication', 'v1', ?, '{}', 's', '[{"kind":"user","id":"2","name":"rina"}]', ?, 'a', 'a')`,
    );
    request.run('r1', digest, 'pending');
    expect(() => request.run('r2', digest, 'pending')).toThrow(/UNIQUE/);
    request.run('r3', digest, 'superseded');
    // Approved only with the record whose hash the manifest carries.
    expect(() => request.run('r4', digest, 'approved')).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO approval_requests (id, kind, screen_id, content_digest, content, summary, authors, state, requested_at, updated_at)
           VALUES ('r5', 'publication', 'v1', ?, '{}', 's', '[]', 'pending', 'a', 'a')`,
        )
        .run(digest),
    ).toThrow(/CHECK/);
    db.prepare("DELETE FROM screens WHERE id = 'v1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM approval_requests').get()).toEqual({ n: 0 });
    db.close();
  });
});
