import { ErrorCode } from '@baruga/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Repositories } from '../db/repositories';
import type { User } from '../accounts/users-repository';
import { ApiError } from './http-errors';

/**
 * Who may call a route, declared on the route itself (`app.get(url, { config: { access } }, handler)`) and
 * enforced by one hook:
 * - `public`: anyone (health, signing in, a player's configuration and clock);
 * - `player`: players, which prove themselves inside the handler (HTTP Basic with their own id and secret, or an
 *   unguessable command id as the capability); operators' sessions are not needed and not used;
 * - `signed-in`: an operator with a session cookie or a Bearer token. Accounts with roles will refine this.
 */
export type Access = 'public' | 'player' | 'signed-in';

/** Who did something: every write names one (the audit trail records it). */
export type Actor =
  | { kind: 'user'; id: number; username: string }
  | { kind: 'player'; id: string }
  | { kind: 'system'; name: string }
  | { kind: 'anonymous'; address: string };

export type SessionUser = User & { expiresAt: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * A state-changing route's name in the audit trail (`screen.create`, `player.revoke`); every route that
     * is not a GET declares one.
     */
    action?: string;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    /** The signed-in operator as an actor, or a player once its handler has authenticated it. */
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'baruga_session';

function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  return request.cookies[SESSION_COOKIE] ?? null;
}

export const sessionToken = tokenOf;

/** One /api route as declared: the route table the access test walks and docs/api.md lists. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
  action?: string;
}

/**
 * Installs the access hook on the root instance (not as an encapsulated plugin, so it guards every route), and
 * refuses at start-up any /api route that does not declare its access, or a write that does not name its action.
 * Returns the route table, filled as routes are added.
 */
export function installAccess(app: FastifyInstance, { repos }: { repos: Repositories }): DeclaredRoute[] {
  const table: DeclaredRoute[] = [];
  app.decorateRequest('user', null);
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const config = route.config as { access?: Access; action?: string } | undefined;
    if (!config?.access) throw new Error(`route ${route.method} ${route.url} does not declare its access`);
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      if (method === 'HEAD') continue;
      if (method !== 'GET' && !config.action) {
        throw new Error(`route ${method} ${route.url} changes state but names no action`);
      }
      table.push({
        method,
        url: route.url,
        access: config.access,
        ...(config.action ? { action: config.action } : {}),
      });
    }
  });
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = tokenOf(request);
    request.user = token ? repos.sessions.find(token) : null;
    if (request.user) request.actor = { kind: 'user', id: request.user.id, username: request.user.username };
    // An unknown /api path has no route config: it needs a session like any other (then answers 404).
    const access = request.routeOptions.config.access ?? 'signed-in';
    if (access === 'signed-in' && !request.user) {
      throw new ApiError(401, ErrorCode.unauthorized, 'sign in first: POST /api/session with username and password');
    }
  });
  return table;
}
