import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../database';
import { migrations } from './index';

describe('migration 0020: accounts', () => {
  it('keeps the users there were as admins, their passwords and sessions; a user written without a role is a viewer', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m20-')), 'baruga.sqlite');
    const db = openDatabase(file, { upTo: 8 });
    db.prepare(
      "INSERT INTO users (username, password_hash, created_at) VALUES ('admin', 'scrypt$x', '2026-01-01')",
    ).run();
    db.prepare("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('h', 1, 'a', 'b')").run();

    migrate(db, migrations, 20);
    expect(db.prepare('SELECT username, password_hash, role, disabled, display_name FROM users').all()).toEqual([
      { username: 'admin', password_hash: 'scrypt$x', role: 'admin', disabled: 0, display_name: '' },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 1 });
    db.prepare(
      "INSERT INTO users (username, password_hash, created_at) VALUES ('baru', 'scrypt$y', '2026-02-01')",
    ).run();
    expect(db.prepare("SELECT role FROM users WHERE username = 'baru'").get()).toEqual({ role: 'viewer' });
    expect(() => db.prepare("UPDATE users SET role = 'root'").run()).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO api_tokens (id, user_id, name, token_hash, scopes, created_at, expires_at) VALUES ('t', 1, 'n', 'short', '[]', 'a', 'b')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
