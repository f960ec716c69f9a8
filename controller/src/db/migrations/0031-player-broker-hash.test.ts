import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../database';
import { migrations } from './index';

describe('migration 0031: players keep a Mosquitto hash of their secret', () => {
  it('keeps every player, with no hash until it next proves its secret', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m31-')), 'baruga.sqlite');
    const db = openDatabase(file, { upTo: 30 });
    db.prepare(
      `INSERT INTO players (id, name, secret_hash, state, host, host_version, platform, created_at)
       VALUES ('p-1', 'Kiosk', 'ab', 'active', 'chromium', '', '', '2026-01-01')`,
    ).run();

    migrate(db, migrations, 31);
    expect(db.prepare('SELECT id, broker_hash FROM players').all()).toEqual([{ id: 'p-1', broker_hash: null }]);
    db.prepare("UPDATE players SET broker_hash = '$7$101$c2FsdA==$aGFzaA==' WHERE id = 'p-1'").run();
    expect(() => db.prepare("UPDATE players SET broker_hash = 'plain' WHERE id = 'p-1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
