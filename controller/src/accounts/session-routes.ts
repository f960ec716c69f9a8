import { ChangePassword, ErrorCode, SessionRequest, type SessionInfo, type SignedIn } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import type { Repositories } from '../db/repositories';
import { SESSION_COOKIE, type SessionUser, sessionToken } from '../http/access';
import { csrfTokenFor, loadCsrfKey } from '../http/csrf';
import { ApiError, parseWith } from '../http/http-errors';
import { type SignInThrottle, createSignInThrottle } from './sign-in-throttle';

const sessionInfo = (user: SessionUser): SessionInfo => ({
  username: user.username,
  role: user.role,
  expiresAt: user.expiresAt,
  csrfToken: user.csrfToken,
  via: user.via,
  ...(user.scopes ? { scopes: user.scopes } : {}),
});

function tooManyAttempts(retryAfterS: number): ApiError {
  return new ApiError(
    429,
    ErrorCode.tooManyAttempts,
    `too many failed sign-ins; try again in ${retryAfterS} s`,
    { retryAfterS },
    { 'retry-after': String(retryAfterS) },
  );
}

/**
 * Operators sign in with a password and get a session cookie (or, for scripts, the same token as a Bearer
 * header), throttled per username and address (sign-in-throttle.ts).
 */
export async function authRoutes(
  app: FastifyInstance,
  { repos, throttle = createSignInThrottle() }: { repos: Repositories; throttle?: SignInThrottle },
) {
  const csrfKey = loadCsrfKey(repos);

  app.post(
    '/api/session',
    { config: { access: 'public', action: 'session.sign-in', csrf: 'origin' } },
    async (request, reply): Promise<SignedIn> => {
      const body = parseWith(SessionRequest, request.body);
      const verdict = throttle.check(body.username, request.ip);
      if (!verdict.ok) throw tooManyAttempts(verdict.retryAfterS);
      const user = repos.users.authenticate(body.username, body.password);
      if (!user) {
        const { lockedForS } = throttle.failed(body.username, request.ip);
        if (lockedForS !== null) {
          request.auditDetail = { lockedForS };
          throw tooManyAttempts(lockedForS);
        }
        throw new ApiError(401, ErrorCode.badCredentials, 'wrong username or password');
      }
      throttle.succeeded(body.username, request.ip);
      request.actor = { kind: 'user', id: user.id, username: user.username };
      const session = repos.sessions.create(user);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        expires: new Date(session.expiresAt),
      });
      return {
        username: user.username,
        role: user.role,
        expiresAt: session.expiresAt,
        csrfToken: csrfTokenFor(csrfKey, session.token),
        via: 'session',
        token: session.token,
      };
    },
  );

  app.get('/api/session', { config: { access: 'viewer' } }, async (request): Promise<SessionInfo> => {
    const user = request.user;
    if (!user) throw new ApiError(401, ErrorCode.unauthorized, 'not signed in');
    return sessionInfo(user);
  });

  app.delete('/api/session', { config: { access: 'public', action: 'session.sign-out' } }, async (request, reply) => {
    const token = sessionToken(request);
    if (token) repos.sessions.remove(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  // One's own password, with the current one: a stolen session alone cannot take over the account.
  app.put(
    '/api/session/password',
    { config: { access: 'viewer', action: 'session.password-change' } },
    async (request, reply) => {
      const user = request.user;
      if (!user) throw new ApiError(401, ErrorCode.unauthorized, 'not signed in');
      if (user.via !== 'session') {
        throw new ApiError(403, ErrorCode.forbidden, 'an API token cannot change its owner’s password; sign in');
      }
      const body = parseWith(ChangePassword, request.body);
      // Held to the same throttle as signing in, or a stolen session would be a way to guess the password.
      const verdict = throttle.check(user.username, request.ip);
      if (!verdict.ok) throw tooManyAttempts(verdict.retryAfterS);
      if (!repos.users.passwordMatches(user.id, body.currentPassword)) {
        const { lockedForS } = throttle.failed(user.username, request.ip);
        if (lockedForS !== null) throw tooManyAttempts(lockedForS);
        throw new ApiError(401, ErrorCode.badCredentials, 'the current password is wrong');
      }
      repos.users.update(user.id, { password: body.newPassword });
      // Every other session of this user ends; this one signs in again with the new password.
      repos.sessions.removeAllOf(user.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
}
