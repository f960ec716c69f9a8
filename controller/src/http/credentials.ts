import { API_TOKEN_PREFIX } from '@baruga/protocol';
import type { FastifyRequest } from 'fastify';
import type { Repositories } from '../db/repositories';
import type { SessionUser } from './access';
import { csrfTokenFor } from './csrf';

export const SESSION_COOKIE = 'baruga_session';

/** The credential a request carries: `Authorization: Bearer` first (scripts), else the session cookie (the console). */
function credential(request: FastifyRequest): { token: string; fromCookie: boolean } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7), fromCookie: false };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, fromCookie: true } : null;
}

/** The session token of a request, to end it on sign-out. */
export function sessionToken(request: FastifyRequest): string | null {
  const found = credential(request);
  return found && !found.token.startsWith(API_TOKEN_PREFIX) ? found.token : null;
}

/** Who a request is signed in as: a live session, or a live API token of an enabled user; null otherwise. */
export function credentialOf(request: FastifyRequest, repos: Repositories, csrfKey: Buffer): SessionUser | null {
  const found = credential(request);
  if (!found || found.token.length > 512) return null;
  const csrfToken = csrfTokenFor(csrfKey, found.token);
  if (found.token.startsWith(API_TOKEN_PREFIX)) {
    // API tokens belong in a header; one arriving as a cookie is refused rather than trusted without CSRF checks.
    if (found.fromCookie) return null;
    const owner = repos.apiTokens.find(found.token);
    if (!owner) return null;
    const { tokenId: _tokenId, ...user } = owner;
    return { ...user, via: 'token', csrfToken, fromCookie: false };
  }
  const user = repos.sessions.find(found.token);
  return user ? { ...user, via: 'session', csrfToken, fromCookie: found.fromCookie } : null;
}
