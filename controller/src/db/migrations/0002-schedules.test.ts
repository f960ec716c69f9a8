import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from '../database';
import { migrations } from './index';

describe('migration 0002: schedules', () => {
  it('takes a version 1 database to 2, keeping its rows, and guards what events lean on', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m2-')), 'baruga.sqlite');
    const db = openDatabase(file, { upTo: 1 });
    expect(schemaVersion(db)).toBe(1);
    db.prepare(
      "INSERT INTO screens (id, name, width, height, timezone, locale, public, created_at) VALUES ('s1', 'S', 100, 100, 'Asia/Makassar', 'id-ID', 0, '2026-01-01')",
    ).run();

    migrate(db, migrations, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT id FROM screens').all()).toEqual([{ id: 's1' }]);

    // "default" is the screen's own loop, never a playlist row.
    expect(() =>
      db.prepare("INSERT INTO playlists (id, name, created_at, updated_at) VALUES ('default', 'x', 'x', 'x')").run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO dayparts (id, name, windows, updated_at) VALUES ('office', 'Office', '[]', 'x')").run();
    db.prepare(
      "INSERT INTO events (id, body, playlist_id, daypart_id, created_at, updated_at) VALUES ('e1', '{}', 'p', 'office', 'x', 'x')",
    ).run();
    db.prepare("INSERT INTO event_targets (event_id, kind, target_id) VALUES ('e1', 'screen', 's1')").run();
    // A daypart in use cannot vanish under its event; deleting the event takes its targets along.
    expect(() => db.prepare("DELETE FROM dayparts WHERE id = 'office'").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM events WHERE id = 'e1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM event_targets').get()).toEqual({ n: 0 });
    // Groups go with their screen.
    db.prepare("INSERT INTO screen_groups (screen_id, group_id) VALUES ('s1', 'opd-bappeda')").run();
    db.prepare("DELETE FROM screens WHERE id = 's1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM screen_groups').get()).toEqual({ n: 0 });
    db.close();
  });
});
