import { AuditQuery, type AuditPage, type AuditVerification } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import type { Repositories } from '../db/repositories';
import { parseWith } from '../http/http-errors';
import { verifyChain } from './audit-repository';

/**
 * The audit trail for the console (approvers and admins: the people who answer for what was shown): pages of it,
 * and the same walk of the chain `npm run audit:verify` makes.
 */
export async function auditRoutes(app: FastifyInstance, { repos }: { repos: Repositories }) {
  app.get('/api/audit', { config: { access: 'approver' } }, async (request): Promise<AuditPage> => {
    const query = parseWith(AuditQuery, request.query, 'query');
    return repos.audit.search(query);
  });

  app.get('/api/audit/verify', { config: { access: 'approver' } }, async (): Promise<AuditVerification> => {
    const entries = repos.audit.all();
    const broken = verifyChain(entries, repos.audit.head());
    return { intact: broken === null, entries: entries.length, head: repos.audit.head()?.hash ?? null, broken };
  });
}
