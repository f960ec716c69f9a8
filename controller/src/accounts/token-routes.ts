import { type ApiTokenView, CreateApiToken, type CreatedApiToken, ErrorCode, scopesOf } from '@baruga/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import type { SessionUser } from '../http/access';
import { ApiError, parseWith } from '../http/http-errors';

const Params = z.object({ id: z.uuid() });
const ListQuery = z.object({ all: z.enum(['true', 'false']).default('false') });

function signedIn(request: FastifyRequest): SessionUser {
  if (!request.user) throw new ApiError(401, ErrorCode.unauthorized, 'sign in first');
  return request.user;
}

/**
 * API tokens for scripts (docs/security.md): each signed-in user makes their own, with scopes their role allows,
 * for at most a year. Only a session makes tokens: a leaked token cannot mint more. An admin sees and revokes
 * everyone's.
 */
export async function tokenRoutes(app: FastifyInstance, { repos }: { repos: Repositories }) {
  app.get('/api/tokens', { config: { access: 'viewer' } }, async (request): Promise<ApiTokenView[]> => {
    const user = signedIn(request);
    const { all } = parseWith(ListQuery, request.query, 'query');
    return all === 'true' && user.role === 'admin' ? repos.apiTokens.all() : repos.apiTokens.ofUser(user.id);
  });

  app.post('/api/tokens', { config: { access: 'viewer', action: 'token.create' } }, async (request, reply) => {
    const user = signedIn(request);
    if (user.via !== 'session') {
      throw new ApiError(403, ErrorCode.forbidden, 'an API token cannot make API tokens; sign in to make one');
    }
    const body = parseWith(CreateApiToken, request.body);
    const allowed = scopesOf(user.role);
    const beyond = body.scopes.filter((s) => !allowed.includes(s));
    if (beyond.length > 0) {
      throw new ApiError(403, ErrorCode.forbidden, `the ${user.role} role may not give a token ${beyond.join(', ')}`, {
        allowed,
      });
    }
    const created: CreatedApiToken = repos.apiTokens.create(user, body);
    request.auditDetail = {
      tokenId: created.id,
      name: created.name,
      scopes: created.scopes,
      expiresAt: created.expiresAt,
    };
    return reply.status(201).send(created);
  });

  app.delete('/api/tokens/:id', { config: { access: 'viewer', action: 'token.revoke' } }, async (request, reply) => {
    const user = signedIn(request);
    const { id } = parseWith(Params, request.params, 'path');
    const token = repos.apiTokens.get(id);
    // Someone else's token is as unknown as a token that never was, unless an admin asks.
    if (!token || (token.userId !== user.id && user.role !== 'admin')) {
      throw new ApiError(404, ErrorCode.tokenNotFound, `no API token "${id}"`);
    }
    repos.apiTokens.revoke(id);
    return reply.status(204).send();
  });
}
