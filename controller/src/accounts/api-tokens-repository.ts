import crypto from 'node:crypto';
import { API_TOKEN_PREFIX, type ApiTokenView, type Role, type TokenScope } from '@baruga/protocol';
import type { Db } from '../db/database';
import type { User } from './users-repository';
import { tokenDigest } from './sessions-repository';

interface Raw {
  id: string;
  user_id: number;
  username: string;
  name: string;
  scopes: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
}

const toView = (r: Raw): ApiTokenView => ({
  id: r.id,
  name: r.name,
  username: r.username,
  scopes: JSON.parse(r.scopes) as TokenScope[], // written by us from a parsed body
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
});

/** A token's use is written at most this often, so a busy script does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** API tokens for scripts (docs/security.md): stored as hashes, scoped, expiring, revocable. */
export function createApiTokensRepository(db: Db) {
  const columns = `t.id, t.user_id, u.username, t.name, t.scopes, t.created_at, t.expires_at, t.last_used_at`;
  const insert = db.prepare(
    `INSERT INTO api_tokens (id, user_id, name, token_hash, scopes, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const live = `t.revoked_at IS NULL AND t.expires_at > @now`;
  const find = db.prepare<[{ hash: string; now: string }], Raw & { role: Role }>(
    `SELECT ${columns}, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = @hash AND ${live} AND u.disabled = 0`,
  );
  const ofUser = db.prepare<[{ userId: number; now: string }], Raw>(
    `SELECT ${columns} FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.user_id = @userId AND ${live} ORDER BY t.created_at DESC`,
  );
  const every = db.prepare<[{ now: string }], Raw>(
    `SELECT ${columns} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE ${live}
     ORDER BY u.username, t.created_at DESC`,
  );
  const one = db.prepare<[string], Raw>(
    `SELECT ${columns} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ? AND t.revoked_at IS NULL`,
  );
  const used = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  const revoke = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const revokeUser = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL');

  return {
    create(
      user: Pick<User, 'id' | 'username'>,
      input: { name: string; scopes: TokenScope[]; expiresInDays: number },
      now = new Date(),
    ): ApiTokenView & { token: string } {
      const token = `${API_TOKEN_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
      const id = crypto.randomUUID();
      const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString();
      insert.run(
        id,
        user.id,
        input.name,
        tokenDigest(token),
        JSON.stringify(input.scopes),
        now.toISOString(),
        expiresAt,
      );
      return {
        id,
        name: input.name,
        username: user.username,
        scopes: input.scopes,
        createdAt: now.toISOString(),
        expiresAt,
        lastUsedAt: null,
        token,
      };
    },
    /** The owner and scopes of a live token, or null (unknown, expired, revoked, or its owner disabled). */
    find(
      token: string,
      now = new Date(),
    ): (User & { expiresAt: string; scopes: TokenScope[]; tokenId: string }) | null {
      const row = find.get({ hash: tokenDigest(token), now: now.toISOString() });
      if (!row) return null;
      if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > LAST_USED_RESOLUTION_MS) {
        used.run(now.toISOString(), row.id);
      }
      const view = toView(row);
      return {
        id: row.user_id,
        username: row.username,
        role: row.role,
        expiresAt: view.expiresAt,
        scopes: view.scopes,
        tokenId: row.id,
      };
    },
    ofUser: (userId: number, now = new Date()): ApiTokenView[] =>
      ofUser.all({ userId, now: now.toISOString() }).map(toView),
    all: (now = new Date()): ApiTokenView[] => every.all({ now: now.toISOString() }).map(toView),
    get(id: string): (ApiTokenView & { userId: number }) | null {
      const row = one.get(id);
      return row ? { ...toView(row), userId: row.user_id } : null;
    },
    revoke: (id: string, now = new Date()): boolean => revoke.run(now.toISOString(), id).changes > 0,
    revokeAllOf(userId: number, now = new Date()): void {
      revokeUser.run(now.toISOString(), userId);
    },
  };
}
export type ApiTokensRepository = ReturnType<typeof createApiTokensRepository>;
