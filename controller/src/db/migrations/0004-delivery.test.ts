import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from '../database';
import { migrations } from './index';

describe('migration 0004: delivery', () => {
  it('takes a version 3 database to 4, keeping its rows, and proof of play is unique by record id', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m4-')), 'baruga.sqlite');
    const db = openDatabase(file, { upTo: 3 });
    expect(schemaVersion(db)).toBeLessThan(4);
    db.prepare(
      "INSERT INTO screens (id, name, width, height, timezone, locale, public, created_at) VALUES ('s1', 'S', 100, 100, 'Asia/Makassar', 'id-ID', 0, '2026-01-01')",
    ).run();

    migrate(db, migrations, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT id FROM screens').all()).toEqual([{ id: 's1' }]);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(
      expect.arrayContaining(['players', 'player_screens', 'screen_heartbeats', 'proof_of_play', 'commands']),
    );

    const insert = db.prepare(
      `INSERT INTO proof_of_play (id, player_id, screen_id, item_id, item_type, zone_id, started_at, ended_at,
         duration_ms, manifest_version, received_at)
       VALUES ('r1', 'p', 's1', 'i', 'text', 'main', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:10.000Z', 10000, 1, 'x')
       ON CONFLICT (id) DO NOTHING`,
    );
    expect(insert.run().changes).toBe(1);
    expect(insert.run().changes).toBe(0);
    // A player is pending, active or revoked, nothing else.
    expect(() =>
      db
        .prepare(
          "INSERT INTO players (id, name, secret_hash, state, host, host_version, platform, created_at) VALUES ('p', 'n', 'h', 'lost', 'chromium', '', '', 'x')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
