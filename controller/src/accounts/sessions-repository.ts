import crypto from 'node:crypto';
import type { Role } from '@baruga/protocol';
import type { Db } from '../db/database';
import type { User } from './users-repository';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const tokenDigest = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Session tokens are stored only as hashes: a copy of the database does not sign anyone in. */
export function createSessionsRepository(db: Db) {
  const insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  // A disabled user's sessions stop at once, even before they are removed.
  const find = db.prepare<[string, string], { id: number; username: string; role: Role; expires_at: string }>(
    `SELECT u.id, u.username, u.role, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`,
  );
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');

  return {
    create(user: Pick<User, 'id'>, now = new Date()): { token: string; expiresAt: string } {
      purge.run(now.toISOString());
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
      insert.run(tokenDigest(token), user.id, now.toISOString(), expiresAt);
      return { token, expiresAt };
    },
    find(token: string, now = new Date()): (User & { expiresAt: string }) | null {
      const row = find.get(tokenDigest(token), now.toISOString());
      return row ? { id: row.id, username: row.username, role: row.role, expiresAt: row.expires_at } : null;
    },
    remove(token: string): void {
      remove.run(tokenDigest(token));
    },
    /** Ends every session of a user (a new role, a new password, a disabled account). */
    removeAllOf(userId: number): void {
      removeUser.run(userId);
    },
  };
}
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
