import { ErrorCode, type Role, type TokenScope, meetsRequirement } from '@baruga/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Repositories } from '../db/repositories';
import type { User } from '../accounts/users-repository';
import { checkCrossSite, loadCsrfKey } from './csrf';
import { credentialOf } from './credentials';
import { ApiError } from './http-errors';

/**
 * Who may call a route, declared on the route itself (`app.get(url, { config: { access } }, handler)`) and
 * enforced by one hook:
 * - `public`: anyone (health, signing in, a player's configuration and clock);
 * - `player`: players, which prove themselves inside the handler (HTTP Basic with their own id and secret, or an
 *   unguessable command id as the capability); operators' sessions are not needed and not used;
 * - a role (`viewer`, `editor`, `approver`, `admin`): a signed-in operator whose role meets it (protocol
 *   ROLE_GRANTS: admin meets all, every role meets viewer), through a session or an API token with the scope;
 * - `signed-in`: any signed-in operator, the same as `viewer`, and for reads only: a route that changes state
 *   must name the role that may change it, or the controller refuses to start.
 */
export type Access = 'public' | 'player' | 'signed-in' | Role;

/** Who did something: every write names one (the audit trail records it). */
export type Actor =
  | { kind: 'user'; id: number; username: string }
  | { kind: 'player'; id: string }
  | { kind: 'system'; name: string }
  | { kind: 'anonymous'; address: string };

/** The operator a request is signed in as, and how. */
export type SessionUser = User & {
  expiresAt: string;
  /** A session (its cookie, or its token as Bearer), or an API token with scopes. */
  via: 'session' | 'token';
  /** An API token's scopes; undefined for a session, which has its role's every right. */
  scopes?: TokenScope[];
  /** The token the request must carry as `x-csrf-token` when it came with the session cookie. */
  csrfToken: string;
  /** Whether the credential came from the cookie (the only kind a browser attaches by itself). */
  fromCookie: boolean;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * A state-changing route's name in the audit trail (`screen.create`, `player.revoke`); every route that
     * is not a GET declares one.
     */
    action?: string;
    /**
     * `origin`: held to its Origin only, with or without a session. Only signing in says so: it proves itself with
     * a password and has no session yet to take a CSRF token from.
     */
    csrf?: 'origin';
  }
  interface FastifyRequest {
    user: SessionUser | null;
    /** The signed-in operator as an actor, or a player once its handler has authenticated it. */
    actor: Actor | null;
  }
}

export { SESSION_COOKIE, sessionToken } from './credentials';

/** One /api route as declared: the route table the access test walks and docs/api.md lists. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
  /** The role a signed-in caller needs (`signed-in` is `viewer`); null for public and player routes. */
  role: Role | null;
  action?: string;
}

export const requiredRole = (access: Access): Role | null =>
  access === 'public' || access === 'player' ? null : access === 'signed-in' ? 'viewer' : access;

function declare(route: { method: string | string[]; url: string; config?: unknown }): DeclaredRoute[] {
  const config = route.config as { access?: Access; action?: string } | undefined;
  if (!config?.access) throw new Error(`route ${String(route.method)} ${route.url} does not declare its access`);
  const declared: DeclaredRoute[] = [];
  for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
    if (method === 'HEAD') continue;
    if (method !== 'GET' && !config.action) {
      throw new Error(`route ${method} ${route.url} changes state but names no action`);
    }
    if (method !== 'GET' && config.access === 'signed-in') {
      throw new Error(
        `route ${method} ${route.url} changes state: declare the role that may call it (access: 'editor', 'approver' or 'admin'), not 'signed-in'`,
      );
    }
    declared.push({
      method,
      url: route.url,
      access: config.access,
      role: requiredRole(config.access),
      ...(config.action ? { action: config.action } : {}),
    });
  }
  return declared;
}

function refuseRole(user: SessionUser, role: Role): never {
  if (user.scopes && meetsRequirement(user.role, role)) {
    throw new ApiError(403, ErrorCode.forbidden, `this API token lacks the scope this needs`, { needs: role });
  }
  throw new ApiError(403, ErrorCode.forbidden, `the ${user.role} role may not do this; it needs ${role}`, {
    needs: role,
    role: user.role,
  });
}

/**
 * Installs the access hook on the root instance (not as an encapsulated plugin, so it guards every route), and
 * refuses at start-up any /api route that does not declare its access, or a write that does not name its action
 * and role. Returns the route table, filled as routes are added.
 */
export function installAccess(
  app: FastifyInstance,
  { repos, trustedOrigins = [] }: { repos: Repositories; trustedOrigins?: readonly string[] },
): DeclaredRoute[] {
  const table: DeclaredRoute[] = [];
  const csrfKey = loadCsrfKey(repos);
  app.decorateRequest('user', null);
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/')) table.push(...declare(route));
  });
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    request.user = credentialOf(request, repos, csrfKey);
    const user = request.user;
    if (user) request.actor = { kind: 'user', id: user.id, username: user.username };
    // An unknown /api path has no route config: it needs a session like any other (then answers 404).
    const config = request.routeOptions.config;
    const access = config.access ?? 'signed-in';
    checkCrossSite(request, { trustedOrigins, originOnly: config.csrf === 'origin' });
    const role = requiredRole(access);
    if (role === null) return;
    if (!user) {
      throw new ApiError(401, ErrorCode.unauthorized, 'sign in first: POST /api/session with username and password');
    }
    if (!meetsRequirement(user.role, role, user.scopes)) refuseRole(user, role);
  });
  return table;
}
