import { CreateUser, ErrorCode, type Role, UpdateUser, type UserView, Username } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import { ApiError, parseWith } from '../http/http-errors';

const Params = z.object({ username: Username });

/** Whether a change leaves the controller with no admin who can sign in. */
function removesLastAdmin(repos: Repositories, user: UserView, change: { role?: Role; disabled?: boolean }): boolean {
  if (user.role !== 'admin' || user.disabled) return false;
  const demoted = change.role !== undefined && change.role !== 'admin';
  return (demoted || change.disabled === true) && repos.users.activeAdmins() <= 1;
}

/**
 * User management (admin; docs/security.md). Users are never deleted, only disabled: approvals and the audit trail
 * keep naming who did what. A new role, a new password or a disabled account ends the user's sessions at once;
 * a disabled account's API tokens are revoked too.
 */
export async function userRoutes(app: FastifyInstance, { repos }: { repos: Repositories }) {
  function userOr404(username: string): UserView {
    const user = repos.users.get(username);
    if (!user) throw new ApiError(404, ErrorCode.userNotFound, `no user "${username}"`);
    return user;
  }

  app.get('/api/users', { config: { access: 'admin' } }, async (): Promise<UserView[]> => repos.users.list());

  app.post('/api/users', { config: { access: 'admin', action: 'user.create' } }, async (request, reply) => {
    const body = parseWith(CreateUser, request.body);
    if (repos.users.get(body.username)) {
      throw new ApiError(409, ErrorCode.userExists, `a user "${body.username}" already exists`);
    }
    repos.users.create(body.username, body.password, body.role, body.displayName);
    request.auditDetail = { role: body.role };
    return reply.status(201).send(userOr404(body.username));
  });

  app.get('/api/users/:username', { config: { access: 'admin' } }, async (request): Promise<UserView> => {
    const { username } = parseWith(Params, request.params, 'path');
    return userOr404(username);
  });

  app.patch(
    '/api/users/:username',
    { config: { access: 'admin', action: 'user.update' } },
    async (request): Promise<UserView> => {
      const { username } = parseWith(Params, request.params, 'path');
      const user = userOr404(username);
      const body = parseWith(UpdateUser, request.body);
      if (removesLastAdmin(repos, user, body)) {
        throw new ApiError(
          409,
          ErrorCode.lastAdmin,
          `"${username}" is the last admin who can sign in; make another first`,
        );
      }
      repos.users.update(user.id, body);
      const endsSessions = body.role !== undefined || body.password !== undefined || body.disabled === true;
      if (endsSessions) repos.sessions.removeAllOf(user.id);
      if (body.disabled === true) repos.apiTokens.revokeAllOf(user.id);
      // Which fields changed and to what, never the password itself.
      request.auditDetail = {
        ...(body.role ? { role: body.role } : {}),
        ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
        ...(body.password ? { password: 'changed' } : {}),
      };
      return userOr404(username);
    },
  );
}
