import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../database';
import { migrations } from './index';

describe('migration 0030: commands may be sent without an acknowledgement', () => {
  it('keeps every command and its indexes, and takes the new state', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m30-')), 'baruga.sqlite');
    const db = openDatabase(file, { upTo: 29 });
    const insert = db.prepare(
      `INSERT INTO commands (id, name, params, target_kind, target_id, issued_by, issued_at, expires_at, state, code)
       VALUES (?, 'reload', '{}', 'screen', 'lobi', 'admin', '2026-01-01T00:00:00Z', '2026-01-01T00:05:00Z', ?, ?)`,
    );
    insert.run('c1', 'pending', null);
    insert.run('c2', 'ok', 'BARUGA_OK');
    expect(() => insert.run('c3', 'sent', null)).toThrow(/CHECK/);

    migrate(db, migrations, 30);
    expect(db.prepare('SELECT id, state, code FROM commands ORDER BY id').all()).toEqual([
      { id: 'c1', state: 'pending', code: null },
      { id: 'c2', state: 'ok', code: 'BARUGA_OK' },
    ]);
    insert.run('c3', 'sent', null);
    expect(() => insert.run('c4', 'lost', null)).toThrow(/CHECK/);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'commands' AND sql IS NOT NULL")
      .all();
    expect(indexes).toEqual(expect.arrayContaining([{ name: 'commands_by_target' }, { name: 'commands_pending' }]));
    db.close();
  });
});
