import crypto from 'node:crypto';
import type { Role, UserView } from '@baruga/protocol';
import type { Db } from '../db/database';

export interface User {
  id: number;
  username: string;
  role: Role;
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

interface Raw {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled: number;
  password_hash: string;
  created_at: string;
  last_sign_in_at: string | null;
}

const toView = (r: Raw): UserView => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  lastSignInAt: r.last_sign_in_at,
});

export function createUsersRepository(db: Db) {
  const byName = db.prepare<[string], Raw>('SELECT * FROM users WHERE username = ?');
  const byId = db.prepare<[number], Raw>('SELECT * FROM users WHERE id = ?');
  const all = db.prepare<[], Raw>('SELECT * FROM users ORDER BY username');
  const insert = db.prepare(
    'INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const activeAdmins = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0",
  );
  const signedIn = db.prepare('UPDATE users SET last_sign_in_at = ? WHERE id = ?');

  return {
    count: (): number => count.get()?.n ?? 0,
    activeAdmins: (): number => activeAdmins.get()?.n ?? 0,
    create(username: string, password: string, role: Role, displayName = ''): User {
      const info = insert.run(username, displayName, hashPassword(password), role, new Date().toISOString());
      return { id: Number(info.lastInsertRowid), username, role };
    },
    get: (username: string): UserView | null => {
      const row = byName.get(username);
      return row ? toView(row) : null;
    },
    byId: (id: number): UserView | null => {
      const row = byId.get(id);
      return row ? toView(row) : null;
    },
    list: (): UserView[] => all.all().map(toView),
    /**
     * Null for an unknown user, a wrong password and a disabled account alike, so callers cannot tell them
     * apart (a disabled account's password is still checked: the same work, the same time).
     */
    authenticate(username: string, password: string, now = new Date()): User | null {
      const row = byName.get(username);
      if (!row) {
        hashPassword(password); // equal work for unknown users: no timing oracle for usernames
        return null;
      }
      if (!verifyPassword(password, row.password_hash) || row.disabled === 1) return null;
      signedIn.run(now.toISOString(), row.id);
      return { id: row.id, username: row.username, role: row.role };
    },
    /** Checks a user's own password (changing it needs the current one). */
    passwordMatches(id: number, password: string): boolean {
      const row = byId.get(id);
      return row ? verifyPassword(password, row.password_hash) : false;
    },
    /** Applies the changes given; the caller ends the user's sessions where that is due. */
    update(id: number, changes: { displayName?: string; role?: Role; password?: string; disabled?: boolean }): void {
      const columns: [string, string | number | undefined][] = [
        ['display_name', changes.displayName],
        ['role', changes.role],
        ['password_hash', changes.password === undefined ? undefined : hashPassword(changes.password)],
        ['disabled', changes.disabled === undefined ? undefined : changes.disabled ? 1 : 0],
      ];
      const set = columns.filter((c): c is [string, string | number] => c[1] !== undefined);
      if (set.length === 0) return;
      db.prepare(`UPDATE users SET ${set.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
        ...set.map(([, v]) => v),
        id,
      );
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
