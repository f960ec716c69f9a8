import { ErrorCode, SessionRequest, type SessionInfo } from '@baruga/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Repositories } from '../db/repositories';
import type { User } from './users-repository';
import { ApiError, parseWith } from '../http/http-errors';

type SessionUser = User & { expiresAt: string };

export const SESSION_COOKIE = 'baruga_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

/** Paths a player or a monitoring probe reaches without an operator's session. */
const PUBLIC_API = [
  /^\/api\/health$/,
  /^\/api\/session$/,
  /^\/api\/player\/config$/,
  // Player delivery: players authenticate themselves (HTTP Basic) or hold a command id (players/enrollment-routes.ts, players/commands.ts).
  /^\/api\/player\/time$/,
  /^\/api\/players\/enroll$/,
  /^\/api\/players\/self$/,
  /^\/api\/commands\/[0-9a-f-]{36}\/screenshot$/,
];

function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  return request.cookies[SESSION_COOKIE] ?? null;
}

/**
 * Operators sign in with a password and get a session cookie (or, for scripts, the same token as a
 * Bearer header). Every /api route but the public ones refuses requests without one.
 */
export function installAuth(app: FastifyInstance, { repos }: { repos: Repositories }): void {
  // Installed on the root instance (not as an encapsulated plugin) so the hook guards every route.
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const url = request.url.split('?')[0] ?? '';
    if (!url.startsWith('/api/')) return;
    const token = tokenOf(request);
    request.user = token ? repos.sessions.find(token) : null;
    if (!request.user && !PUBLIC_API.some((re) => re.test(url))) {
      throw new ApiError(401, ErrorCode.unauthorized, 'sign in first: POST /api/session with username and password');
    }
  });
}

export async function authRoutes(app: FastifyInstance, { repos }: { repos: Repositories }) {
  app.post('/api/session', async (request, reply) => {
    const body = parseWith(SessionRequest, request.body);
    const user = repos.users.authenticate(body.username, body.password);
    if (!user) throw new ApiError(401, ErrorCode.badCredentials, 'wrong username or password');
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

  app.get('/api/session', async (request): Promise<SessionInfo> => {
    const user = request.user;
    if (!user) throw new ApiError(401, ErrorCode.unauthorized, 'not signed in');
    return { username: user.username, expiresAt: user.expiresAt };
  });

  app.delete('/api/session', async (request, reply) => {
    const token = tokenOf(request);
    if (token) repos.sessions.remove(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
}
