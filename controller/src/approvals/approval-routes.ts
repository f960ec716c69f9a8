import {
  type ApprovalDecision,
  type ApprovalDetail,
  ApprovalQuery,
  ApprovalSettings,
  type ApprovalPage,
  ApproveRequest,
  ErrorCode,
  RejectRequest,
  coveredContent,
} from '@baruga/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import { ApiError, parseWith } from '../http/http-errors';
import type { Actor } from '../http/access';
import type { Approvals } from './approvals';
import { approvalActorOf } from './approval-gate';

const Params = z.object({ id: z.uuid() });
const ALERTS_SETTING = 'approval.manual-alerts-need-two-people';

/** Whether manual emergency alerts need a second person (the alerts domain asks before it sends one). */
export function manualAlertsNeedTwoPeople(repos: Pick<Repositories, 'settings'>): boolean {
  return repos.settings.get(ALERTS_SETTING) === 'true';
}

function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new ApiError(401, ErrorCode.unauthorized, 'sign in first');
  return request.actor;
}

/**
 * Whoever changes a public screen's own things (its loop, overlays, groups) is one of the authors of its next
 * publication, even when someone else publishes it: recorded as the write succeeds. Changes that republish a screen
 * (playlists, layouts, events) are recorded by the publisher itself (approval-gate.ts).
 */
export function installContributors(app: FastifyInstance, { repos }: { repos: Repositories }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'GET' || reply.statusCode >= 400 || request.actor?.kind !== 'user') return payload;
    if (!request.routeOptions.url?.startsWith('/api/screens/:id/')) return payload;
    const id = (request.params as { id?: unknown }).id;
    if (typeof id === 'string' && repos.screens.get(id)?.public) {
      repos.approvals.addContributor(id, approvalActorOf(request.actor));
    }
    return payload;
  });
}

/** The approval queue (docs/api.md, "Approval"): list, look, approve, reject; and the approval settings. */
export async function approvalRoutes(
  app: FastifyInstance,
  { repos, approvals }: { repos: Repositories; approvals: Approvals },
) {
  app.get('/api/approvals', { config: { access: 'viewer' } }, async (request): Promise<ApprovalPage> => {
    const query = parseWith(ApprovalQuery, request.query, 'query');
    const { rows, total } = repos.approvals.page(query.state, query.limit, query.offset);
    return { approvals: rows.map((row) => approvals.view(row, request.user)), total };
  });

  app.get('/api/approvals/:id', { config: { access: 'viewer' } }, async (request): Promise<ApprovalDetail> => {
    const { id } = parseWith(Params, request.params, 'path');
    const row = repos.approvals.get(id);
    const content = repos.approvals.content(id);
    if (!row || !content) throw new ApiError(404, ErrorCode.approvalNotFound, `no approval request "${id}"`);
    const onScreen = row.screenId ? repos.manifests.latest(row.screenId) : null;
    return {
      ...approvals.view(row, request.user),
      content,
      onScreen: onScreen ? coveredContent(onScreen as unknown as Record<string, unknown>) : null,
    };
  });

  app.post(
    '/api/approvals/:id/approve',
    { config: { access: 'approver', action: 'approval.approve' } },
    async (request): Promise<ApprovalDecision> => {
      const { id } = parseWith(Params, request.params, 'path');
      const body = parseWith(ApproveRequest, request.body);
      const { row, hash, published } = await approvals.approve(id, actorOf(request), body);
      // The trail names the record's hash, the one the manifest carries: an auditor can match the two.
      request.auditDetail = {
        approvalId: id,
        kind: row.kind,
        hash,
        contentDigest: row.contentDigest,
        authors: row.authors,
        ...(row.kind === 'publication' ? { checklist: body.checklist } : {}),
        publishedVersion: published?.version ?? null,
      };
      return { approval: approvals.view(row, request.user), published };
    },
  );

  app.post(
    '/api/approvals/:id/reject',
    { config: { access: 'approver', action: 'approval.reject' } },
    async (request): Promise<ApprovalDecision> => {
      const { id } = parseWith(Params, request.params, 'path');
      const body = parseWith(RejectRequest, request.body);
      const row = approvals.reject(id, actorOf(request), body.note);
      request.auditDetail = { approvalId: id, contentDigest: row.contentDigest, note: body.note };
      return { approval: approvals.view(row, request.user), published: null };
    },
  );

  app.get('/api/settings/approval', { config: { access: 'viewer' } }, async (): Promise<ApprovalSettings> => ({
    manualAlertsNeedTwoPeople: manualAlertsNeedTwoPeople(repos),
  }));

  app.put(
    '/api/settings/approval',
    { config: { access: 'admin', action: 'settings.approval' } },
    async (request): Promise<ApprovalSettings> => {
      const body = parseWith(ApprovalSettings, request.body);
      repos.settings.set(ALERTS_SETTING, String(body.manualAlertsNeedTwoPeople));
      request.auditDetail = { ...body };
      return body;
    },
  );
}
