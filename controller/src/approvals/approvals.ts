import {
  type ApprovalActor,
  type ApprovalDecision,
  type ApprovalRecord,
  type ApprovalView,
  ErrorCode,
  type ManifestApproval,
  POLICY_CHECKS,
  type PolicyChecklist,
  type Role,
  approvalHashInput,
  coveredContent,
  meetsRequirement,
  sameActor,
} from '@baruga/protocol';
import type { Repositories } from '../db/repositories';
import type { Actor, SessionUser } from '../http/access';
import { ApiError } from '../http/http-errors';
import type { Publisher } from '../publishing/publisher';
import type { ApprovalRow } from './approvals-repository';
import { type ApprovalGate, approvalActorOf, contentDigestOf, sha256 } from './approval-gate';
import type { HeldActions } from './held-actions';

const ALL_CHECKED = Object.fromEntries(POLICY_CHECKS.map((c) => [c, true])) as PolicyChecklist;

/** The sealed record: its fields and the hash the manifest carries and the audit trail names. */
export function sealApproval(record: ApprovalRecord): ManifestApproval {
  return { ...record, hash: sha256(approvalHashInput(record)) };
}

/**
 * Deciding approval requests (docs/security.md): an approver who is not one of a request's authors approves it,
 * with the content policy affirmed, or rejects it with a reason. Approving a publication seals the record and
 * publishes the screen, whose manifest then carries the record; a request whose screen changed since is stale.
 */
export function createApprovals({
  repos,
  publisher,
  gate,
  held,
}: {
  repos: Repositories;
  publisher: Publisher;
  gate: ApprovalGate;
  held: HeldActions;
}) {
  function pendingOr409(id: string): ApprovalRow {
    const row = repos.approvals.get(id);
    if (!row) throw new ApiError(404, ErrorCode.approvalNotFound, `no approval request "${id}"`);
    if (row.state !== 'pending') {
      throw new ApiError(409, ErrorCode.approvalClosed, `approval request ${id} is already ${row.state}`);
    }
    return row;
  }

  function notAnAuthor(row: ApprovalRow, decider: ApprovalActor): void {
    if (row.authors.some((a) => sameActor(a, decider))) {
      throw new ApiError(
        403,
        ErrorCode.ownContent,
        'you changed this content: someone else must approve or reject it (two-person rule)',
        { authors: row.authors },
      );
    }
  }

  /** Seals and records the approval of a screen's content, then publishes the screen with it. */
  async function approvePublication(row: ApprovalRow, approver: ApprovalActor, note: string) {
    const screenId = row.screenId;
    if (screenId === null) throw new ApiError(409, ErrorCode.approvalClosed, `request ${row.id} names no screen`);
    // What the approver saw must be what goes out: the screen's content as it is now, or nothing.
    const now = await publisher.compileNow(screenId);
    if (!now.ok) throw new ApiError(409, now.error.code, now.error.message, now.error.details);
    if (contentDigestOf(now.value) !== row.contentDigest) {
      gate.check(now.value, { now: new Date(), actor: null });
      throw new ApiError(
        409,
        ErrorCode.approvalStale,
        `screen "${screenId}" changed after this request; its current content is in the queue instead`,
        { screenId, newer: repos.approvals.pendingFor(screenId)?.id ?? null },
      );
    }
    const at = new Date();
    const record = sealApproval({
      id: row.id,
      screenId,
      contentDigest: row.contentDigest,
      authors: row.authors,
      approvedBy: approver,
      approvedAt: at.toISOString(),
      checklist: ALL_CHECKED,
      note,
    });
    if (!repos.approvals.decide(row.id, { state: 'approved', by: approver, at, note, record })) {
      pendingOr409(row.id);
    }
    repos.approvals.clearContributors(screenId, row.updatedAt);
    // Another change may have arrived since: then that one waits for approval, and this one stays approved.
    const published = await publisher.publish(screenId);
    return {
      record,
      published: published.ok ? { version: published.value.version, publishedAt: published.value.issuedAt } : null,
    };
  }

  function view(row: ApprovalRow, user: Pick<SessionUser, 'id' | 'role' | 'scopes'> | null): ApprovalView {
    const me: ApprovalActor | null = user ? { kind: 'user', id: String(user.id), name: '' } : null;
    return {
      id: row.id,
      kind: row.kind,
      screenId: row.screenId,
      contentDigest: row.contentDigest,
      summary: row.summary,
      authors: row.authors,
      state: row.state,
      requestedAt: row.requestedAt,
      updatedAt: row.updatedAt,
      decidedAt: row.decidedAt,
      decidedBy: row.decidedBy,
      note: row.note,
      hash: row.record?.hash ?? null,
      mayDecide:
        row.state === 'pending' &&
        user !== null &&
        me !== null &&
        meetsRequirement(user.role, 'approver' satisfies Role, user.scopes) &&
        !row.authors.some((a) => sameActor(a, me)),
    };
  }

  return {
    view,
    /**
     * Approves a pending request as `decider`, who must not be one of its authors: a publication with the content
     * policy affirmed (then published), a held action with the approver's word (then carried out).
     */
    async approve(
      id: string,
      decider: Actor,
      input: { checklist?: Record<string, boolean> | undefined; note: string },
    ): Promise<{ row: ApprovalRow; hash: string; published: ApprovalDecision['published'] }> {
      const row = pendingOr409(id);
      const approver = approvalActorOf(decider);
      notAnAuthor(row, approver);
      if (row.kind !== 'publication') {
        const record = await held.approve({ ...row, kind: row.kind }, approver, input.note);
        return { row: repos.approvals.get(id) ?? row, hash: record.hash, published: null };
      }
      const unchecked = POLICY_CHECKS.filter((c) => input.checklist?.[c] !== true);
      if (unchecked.length > 0) {
        throw new ApiError(
          400,
          ErrorCode.checklistIncomplete,
          `the content policy is not affirmed: ${unchecked.join(', ')}`,
          { unchecked },
        );
      }
      const { record, published } = await approvePublication(row, approver, input.note);
      return { row: repos.approvals.get(id) ?? row, hash: record.hash, published };
    },
    reject(id: string, decider: Actor, note: string): ApprovalRow {
      const row = pendingOr409(id);
      const by = approvalActorOf(decider);
      notAnAuthor(row, by);
      if (!repos.approvals.decide(id, { state: 'rejected', by, at: new Date(), note })) pendingOr409(id);
      return repos.approvals.get(id) ?? row;
    },
    /**
     * The demo seed's sample content on a public screen, approved by the seed and recorded as such in the queue and
     * the audit trail: content shipped with Baruga (authored by the project, reviewed there), so the demo plays out
     * of the box. Real content always needs a person; BARUGA_SEED_DEMO=0 in production seeds nothing.
     */
    async approveSample(screenId: string): Promise<void> {
      const compiled = await publisher.compileNow(screenId);
      if (!compiled.ok) throw new Error(`demo screen ${screenId} does not compile: ${compiled.error.message}`);
      const author: ApprovalActor = { kind: 'system', id: 'baruga-sample', name: 'Baruga sample content' };
      const seed: ApprovalActor = { kind: 'system', id: 'demo-seed', name: 'demo seed' };
      const at = new Date();
      const { row } = repos.approvals.requestPublication({
        screenId,
        contentDigest: contentDigestOf(compiled.value),
        content: coveredContent(compiled.value as unknown as Record<string, unknown>),
        summary: 'sample content of the demo seed',
        authors: [author],
        at,
      });
      const note = 'sample content shipped with Baruga, approved by the demo seed (BARUGA_SEED_DEMO)';
      const record = sealApproval({
        id: row.id,
        screenId,
        contentDigest: row.contentDigest,
        authors: [author],
        approvedBy: seed,
        approvedAt: at.toISOString(),
        checklist: ALL_CHECKED,
        note,
      });
      repos.approvals.decide(row.id, { state: 'approved', by: seed, at, note, record });
      repos.audit.append({
        actor: { kind: 'system', name: 'demo-seed' },
        action: 'approval.approve',
        target: screenId,
        outcome: 200,
        detail: { approvalId: row.id, hash: record.hash, contentDigest: record.contentDigest, sample: true },
      });
    },
  };
}
export type Approvals = ReturnType<typeof createApprovals>;
