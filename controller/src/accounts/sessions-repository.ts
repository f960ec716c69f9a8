import crypto from 'node:crypto';
import type { Db } from '../db/database';
import type { User } from './users-repository';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const digest = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Session tokens are stored only as hashes: a copy of the database does not sign anyone in. */
export function createSessionsRepository(db: Db) {
  const insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const find = db.prepare<[string, string], { id: number; username: string; expires_at: string }>(
    `SELECT u.id, u.username, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ?`,
  );
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');

  return {
    create(user: User, now = new Date()): { token: string; expiresAt: string } {
      purge.run(now.toISOString());
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
      insert.run(digest(token), user.id, now.toISOString(), expiresAt);
      return { token, expiresAt };
    },
    find(token: string, now = new Date()): (User & { expiresAt: string }) | null {
      const row = find.get(digest(token), now.toISOString());
      return row ? { id: row.id, username: row.username, expiresAt: row.expires_at } : null;
    },
    remove(token: string): void {
      remove.run(digest(token));
    },
  };
}
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
