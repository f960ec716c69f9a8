import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../database';
import { migrations } from './index';

describe('migration 0010: presence connections and list indexes', () => {
  it('keeps every presence row, with no connection known until the next status', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m10-')), 'baruga.sqlite');
    const db = openDatabase(file, { upTo: 8 });
    db.prepare(
      "INSERT INTO screens (id, name, width, height, timezone, locale, public, created_at) VALUES ('s1', 'S', 100, 100, 'Asia/Makassar', 'id-ID', 0, '2026-01-01')",
    ).run();
    db.prepare(
      "INSERT INTO screen_presence (screen_id, connected, player_id, last_seen_at, manifest_version) VALUES ('s1', 1, 'p-1', '2026-01-01T00:00:00.000Z', 4)",
    ).run();

    migrate(db, migrations, 10);
    expect(
      db.prepare('SELECT screen_id, connected, player_id, manifest_version, connection_seq FROM screen_presence').all(),
    ).toEqual([{ screen_id: 's1', connected: 1, player_id: 'p-1', manifest_version: 4, connection_seq: null }]);
    expect(() => db.prepare('UPDATE screen_presence SET connection_seq = -1').run()).toThrow(/CHECK/);
    db.close();
  });
});
