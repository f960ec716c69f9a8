import crypto from 'node:crypto';
import type { Db } from '../db/database';

export interface User {
  id: number;
  username: string;
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = crypto.scryptSync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return crypto.timingSafeEqual(actual, expected);
}

export function createUsersRepository(db: Db) {
  const byName = db.prepare<[string], { id: number; username: string; password_hash: string }>(
    'SELECT id, username, password_hash FROM users WHERE username = ?',
  );
  const insert = db.prepare('INSERT INTO users (username, password_hash, created_at) VALUES (?, ?, ?)');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');

  return {
    count: (): number => count.get()?.n ?? 0,
    create(username: string, password: string): User {
      const info = insert.run(username, hashPassword(password), new Date().toISOString());
      return { id: Number(info.lastInsertRowid), username };
    },
    /** Null for an unknown user or a wrong password alike, so callers cannot tell them apart. */
    authenticate(username: string, password: string): User | null {
      const row = byName.get(username);
      if (!row) {
        hashPassword(password); // equal work for unknown users: no timing oracle for usernames
        return null;
      }
      return verifyPassword(password, row.password_hash) ? { id: row.id, username: row.username } : null;
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
