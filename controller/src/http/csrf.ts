import crypto from 'node:crypto';
import { ErrorCode } from '@baruga/protocol';
import type { FastifyRequest } from 'fastify';
import type { Repositories } from '../db/repositories';
import { ApiError } from './http-errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const KEY_SETTING = 'accounts.csrf-key';

/** The controller's CSRF key: made once and kept, so tokens outlive a restart as sessions do. */
export function loadCsrfKey(repos: Repositories): Buffer {
  const stored = repos.settings.get(KEY_SETTING);
  if (stored) return Buffer.from(stored, 'base64url');
  const key = crypto.randomBytes(32);
  repos.settings.set(KEY_SETTING, key.toString('base64url'));
  return key;
}

/**
 * A session's CSRF token: an HMAC of its session token under the controller's key. Another site can neither read
 * it (the API sends no CORS headers) nor compute it (it has neither the session token, HttpOnly, nor the key).
 */
export function csrfTokenFor(key: Buffer, sessionToken: string): string {
  return crypto.createHmac('sha256', key).update(`baruga-csrf-v1\n${sessionToken}`).digest('base64url');
}

/** The origin a request says it comes from (Origin, else Referer's origin), or null when it says nothing. */
function claimedOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (typeof origin === 'string') return origin;
  const referer = request.headers.referer;
  if (typeof referer !== 'string') return null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

/**
 * Same origin as the controller as the browser reached it (its Host header, which a reverse proxy must pass on:
 * docs/security.md), or one named in BARUGA_TRUSTED_ORIGINS. `null` (a sandboxed frame, a file) is never trusted.
 */
function trusted(origin: string, request: FastifyRequest, trustedOrigins: readonly string[]): boolean {
  if (origin === 'null') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.host === request.headers.host || trustedOrigins.includes(url.origin);
}

/**
 * CSRF protection for every state-changing request a browser could send on its own: one made with the session
 * cookie must come from a trusted origin (when it names one: browsers always do on POST, PUT, PATCH and DELETE)
 * and carry the session's token as `x-csrf-token`. Signing in (`originOnly`) proves itself with a password and
 * needs no session, so it is held only to its origin, which stops another site signing a browser in as someone
 * else. Requests with `Authorization: Bearer` are not checked: no browser adds that header by itself.
 */
export function checkCrossSite(
  request: FastifyRequest,
  options: { trustedOrigins: readonly string[]; originOnly: boolean },
): void {
  if (SAFE_METHODS.has(request.method)) return;
  const user = request.user;
  const cookieSession = user?.fromCookie === true;
  if (!cookieSession && !options.originOnly) return;
  const origin = claimedOrigin(request);
  if (origin !== null && !trusted(origin, request, options.trustedOrigins)) {
    throw new ApiError(403, ErrorCode.csrf, `cross-site request refused: ${origin} is not this controller's origin`);
  }
  if (!cookieSession || options.originOnly) return;
  const sent = request.headers['x-csrf-token'];
  const expected = Buffer.from(user.csrfToken);
  const got = Buffer.from(typeof sent === 'string' ? sent : '');
  if (got.length !== expected.length || !crypto.timingSafeEqual(got, expected)) {
    throw new ApiError(
      403,
      ErrorCode.csrf,
      'cross-site request refused: send the token from GET /api/session as the x-csrf-token header',
    );
  }
}
