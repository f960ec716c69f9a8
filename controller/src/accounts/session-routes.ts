import { ErrorCode, SessionRequest, type SessionInfo } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import type { Repositories } from '../db/repositories';
import { SESSION_COOKIE, sessionToken } from '../http/access';
import { ApiError, parseWith } from '../http/http-errors';

/** Operators sign in with a password and get a session cookie (or, for scripts, the same token as a Bearer header). */
export async function authRoutes(app: FastifyInstance, { repos }: { repos: Repositories }) {
  app.post('/api/session', { config: { access: 'public', action: 'session.sign-in' } }, async (request, reply) => {
    const body = parseWith(SessionRequest, request.body);
    const user = repos.users.authenticate(body.username, body.password);
    if (!user) throw new ApiError(401, ErrorCode.badCredentials, 'wrong username or password');
    request.actor = { kind: 'user', id: user.id, username: user.username };
    const session = repos.sessions.create(user);
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      expires: new Date(session.expiresAt),
    });
    return { username: user.username, expiresAt: session.expiresAt, token: session.token };
  });

  app.get('/api/session', { config: { access: 'signed-in' } }, async (request): Promise<SessionInfo> => {
    const user = request.user;
    if (!user) throw new ApiError(401, ErrorCode.unauthorized, 'not signed in');
    return { username: user.username, expiresAt: user.expiresAt };
  });

  app.delete('/api/session', { config: { access: 'public', action: 'session.sign-out' } }, async (request, reply) => {
    const token = sessionToken(request);
    if (token) repos.sessions.remove(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
}
