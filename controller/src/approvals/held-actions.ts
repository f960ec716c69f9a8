import { type ApprovalActor, type ApprovalKind, ErrorCode, canonicalJson } from '@baruga/protocol';
import type { Repositories } from '../db/repositories';
import { type Actor } from '../http/access';
import { ApiError } from '../http/http-errors';
import type { ApprovalRow, HeldApproval } from './approvals-repository';
import { approvalActorOf, sha256 } from './approval-gate';

export type HeldKind = Exclude<ApprovalKind, 'publication'>;

/** What a domain does once a second person approves its held action (sends the alert). */
export type HeldHandler = (content: Record<string, unknown>, approval: HeldApproval) => Promise<void>;

/** An approval's seal for a held action: SHA-256 over a domain prefix and its canonical JSON. */
function sealHeld(record: Omit<HeldApproval, 'hash'>): HeldApproval {
  return { ...record, hash: sha256(`baruga-held-approval-v1\n${canonicalJson(record)}`) };
}

/**
 * Actions a domain holds for a second person (docs/security.md: manual emergency alerts when the setting asks for
 * two people). The domain registers what to do once approved (`register`) at start, and asks for approval with
 * `hold` instead of acting; the approval queue shows the request beside publications, and approving it (by anyone
 * with the approver role but its author) runs the domain's handler with what was held.
 */
export function createHeldActions(repos: Repositories) {
  const handlers = new Map<HeldKind, HeldHandler>();
  return {
    register(kind: HeldKind, handler: HeldHandler): void {
      handlers.set(kind, handler);
    },
    /** Queues `content` for a second person; the answer names the request (the caller answers 202 with it). */
    hold(kind: HeldKind, input: { summary: string; content: Record<string, unknown>; author: Actor }): ApprovalRow {
      const author = approvalActorOf(input.author);
      const row = repos.approvals.requestHeld({
        kind,
        contentDigest: sha256(canonicalJson(input.content)),
        content: input.content,
        summary: input.summary,
        author,
        at: new Date(),
      });
      repos.audit.append({
        actor: input.author,
        action: 'approval.request',
        target: kind,
        outcome: 202,
        detail: { approvalId: row.id, kind, contentDigest: row.contentDigest, summary: input.summary },
      });
      return row;
    },
    /** Approves a pending held action (the caller checked its state and authors) and runs it. */
    async approve(row: ApprovalRow & { kind: HeldKind }, approver: ApprovalActor, note: string): Promise<HeldApproval> {
      const handler = handlers.get(row.kind);
      const content = repos.approvals.content(row.id);
      if (!handler || !content) {
        throw new ApiError(409, ErrorCode.approvalClosed, `nothing on this controller carries out a held ${row.kind}`);
      }
      const at = new Date();
      const record = sealHeld({
        id: row.id,
        kind: row.kind,
        contentDigest: row.contentDigest,
        authors: row.authors,
        approvedBy: approver,
        approvedAt: at.toISOString(),
        note,
      });
      if (!repos.approvals.decide(row.id, { state: 'approved', by: approver, at, note, record })) {
        throw new ApiError(409, ErrorCode.approvalClosed, `approval request ${row.id} is no longer pending`);
      }
      await handler(content, record);
      return record;
    },
  };
}
export type HeldActions = ReturnType<typeof createHeldActions>;
