import crypto from 'node:crypto';
import type { ApprovalActor, ApprovalKind, ApprovalState, ManifestApproval } from '@baruga/protocol';
import type { Db } from '../db/database';

/** One request as stored, its JSON columns read back. */
export interface ApprovalRow {
  id: string;
  kind: ApprovalKind;
  screenId: string | null;
  contentDigest: string;
  summary: string;
  authors: ApprovalActor[];
  state: ApprovalState;
  requestedAt: string;
  updatedAt: string;
  decidedAt: string | null;
  decidedBy: ApprovalActor | null;
  note: string;
  /** The sealed record once approved: a manifest's approval for a publication, a held action's otherwise. */
  record: ManifestApproval | HeldApproval | null;
}

/** The sealed approval of an action held for a second person (a manual alert): what was approved, by whom. */
export interface HeldApproval {
  id: string;
  kind: Exclude<ApprovalKind, 'publication'>;
  contentDigest: string;
  authors: ApprovalActor[];
  approvedBy: ApprovalActor;
  approvedAt: string;
  note: string;
  hash: string;
}

interface Raw {
  id: string;
  kind: ApprovalKind;
  screen_id: string | null;
  content_digest: string;
  summary: string;
  authors: string;
  state: ApprovalState;
  requested_at: string;
  updated_at: string;
  decided_at: string | null;
  decided_by: string | null;
  note: string;
  record: string | null;
}

// The JSON columns are written by this repository from parsed values only.
const toRow = (r: Raw): ApprovalRow => ({
  id: r.id,
  kind: r.kind,
  screenId: r.screen_id,
  contentDigest: r.content_digest,
  summary: r.summary,
  authors: JSON.parse(r.authors) as ApprovalActor[],
  state: r.state,
  requestedAt: r.requested_at,
  updatedAt: r.updated_at,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by === null ? null : (JSON.parse(r.decided_by) as ApprovalActor),
  note: r.note,
  record: r.record === null ? null : (JSON.parse(r.record) as ManifestApproval | HeldApproval),
});

const COLUMNS =
  'id, kind, screen_id, content_digest, summary, authors, state, requested_at, updated_at, decided_at, decided_by, note, record';

/** Approval requests and, per public screen, who changed it since its last approval (migration 0021). */
export function createApprovalsRepository(db: Db) {
  const one = db.prepare<[string], Raw>(`SELECT ${COLUMNS} FROM approval_requests WHERE id = ?`);
  const contentOf = db.prepare<[string], { content: string }>('SELECT content FROM approval_requests WHERE id = ?');
  const pendingOf = db.prepare<[string], Raw>(
    `SELECT ${COLUMNS} FROM approval_requests WHERE screen_id = ? AND kind = 'publication' AND state = 'pending'`,
  );
  const approvedFor = db.prepare<[string, string], Raw>(
    `SELECT ${COLUMNS} FROM approval_requests WHERE screen_id = ? AND content_digest = ? AND state = 'approved'
     ORDER BY decided_at DESC LIMIT 1`,
  );
  const insert = db.prepare(
    `INSERT INTO approval_requests (id, kind, screen_id, content_digest, content, summary, authors, state,
       requested_at, updated_at)
     VALUES (@id, @kind, @screenId, @contentDigest, @content, @summary, @authors, 'pending', @at, @at)`,
  );
  const refresh = db.prepare('UPDATE approval_requests SET authors = ?, updated_at = ? WHERE id = ?');
  const supersede = db.prepare(
    "UPDATE approval_requests SET state = 'superseded', decided_at = ? WHERE id = ? AND state = 'pending'",
  );
  const decide = db.prepare(
    `UPDATE approval_requests SET state = @state, decided_at = @at, decided_by = @by, note = @note, record = @record,
       record_hash = @hash
     WHERE id = @id AND state = 'pending'`,
  );
  const page = db.prepare<[{ state: ApprovalState | null; limit: number; offset: number }], Raw>(
    `SELECT ${COLUMNS} FROM approval_requests WHERE @state IS NULL OR state = @state
     ORDER BY requested_at DESC, id LIMIT @limit OFFSET @offset`,
  );
  const total = db.prepare<[{ state: ApprovalState | null }], { n: number }>(
    'SELECT count(*) AS n FROM approval_requests WHERE @state IS NULL OR state = @state',
  );
  const addContributor = db.prepare(
    `INSERT INTO approval_contributors (screen_id, actor_kind, actor_id, actor_name, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (screen_id, actor_kind, actor_id) DO UPDATE SET at = excluded.at, actor_name = excluded.actor_name`,
  );
  const contributors = db.prepare<[string], { actor_kind: 'user' | 'system'; actor_id: string; actor_name: string }>(
    'SELECT actor_kind, actor_id, actor_name FROM approval_contributors WHERE screen_id = ? ORDER BY at, actor_id',
  );
  const clearContributors = db.prepare('DELETE FROM approval_contributors WHERE screen_id = ? AND at <= ?');

  return {
    get: (id: string): ApprovalRow | null => {
      const row = one.get(id);
      return row ? toRow(row) : null;
    },
    /** What a request asks to approve (a manifest's content, an alert), as stored. */
    content: (id: string): Record<string, unknown> | null => {
      const row = contentOf.get(id);
      return row ? (JSON.parse(row.content) as Record<string, unknown>) : null;
    },
    pendingFor: (screenId: string): ApprovalRow | null => {
      const row = pendingOf.get(screenId);
      return row ? toRow(row) : null;
    },
    /** The approval of exactly this content for this screen, as its manifest carries it. */
    approvedFor: (screenId: string, contentDigest: string): ManifestApproval | null => {
      const row = approvedFor.get(screenId, contentDigest);
      return row?.record ? (JSON.parse(row.record) as ManifestApproval) : null;
    },
    /** A new pending request to do something (`content`) once a second person approves it. */
    requestHeld(input: {
      kind: Exclude<ApprovalKind, 'publication'>;
      contentDigest: string;
      content: Record<string, unknown>;
      summary: string;
      author: ApprovalActor;
      at: Date;
    }): ApprovalRow {
      const id = crypto.randomUUID();
      insert.run({
        id,
        kind: input.kind,
        screenId: null,
        contentDigest: input.contentDigest,
        content: JSON.stringify(input.content),
        summary: input.summary,
        authors: JSON.stringify([input.author]),
        at: input.at.toISOString(),
      });
      const row = one.get(id);
      if (!row) throw new Error(`approval request ${id} vanished after insert`);
      return toRow(row);
    },
    /**
     * The screen's pending publication for this content, with these authors: the one pending already when it is
     * for the same content, else a new one that supersedes it. Says whether it is new.
     */
    requestPublication(input: {
      screenId: string;
      contentDigest: string;
      content: Record<string, unknown>;
      summary: string;
      authors: ApprovalActor[];
      at: Date;
    }): { row: ApprovalRow; created: boolean } {
      return db.transaction(() => {
        const at = input.at.toISOString();
        const pending = pendingOf.get(input.screenId);
        if (pending && pending.content_digest === input.contentDigest) {
          refresh.run(JSON.stringify(input.authors), at, pending.id);
          return { row: toRow({ ...pending, authors: JSON.stringify(input.authors), updated_at: at }), created: false };
        }
        if (pending) supersede.run(at, pending.id);
        const id = crypto.randomUUID();
        insert.run({
          id,
          kind: 'publication',
          screenId: input.screenId,
          contentDigest: input.contentDigest,
          content: JSON.stringify(input.content),
          summary: input.summary,
          authors: JSON.stringify(input.authors),
          at,
        });
        const row = one.get(id);
        if (!row) throw new Error(`approval request ${id} vanished after insert`);
        return { row: toRow(row), created: true };
      })();
    },
    /** Approves or rejects a pending request; false when it was no longer pending. */
    decide(
      id: string,
      decision:
        | { state: 'approved'; by: ApprovalActor; at: Date; note: string; record: ManifestApproval | HeldApproval }
        | { state: 'rejected'; by: ApprovalActor; at: Date; note: string },
    ): boolean {
      const record = decision.state === 'approved' ? decision.record : null;
      return (
        decide.run({
          id,
          state: decision.state,
          at: decision.at.toISOString(),
          by: JSON.stringify(decision.by),
          note: decision.note,
          record: record ? JSON.stringify(record) : null,
          hash: record ? record.hash : null,
        }).changes > 0
      );
    },
    supersede: (id: string, at = new Date()): boolean => supersede.run(at.toISOString(), id).changes > 0,
    page(state: ApprovalState | undefined, limit: number, offset: number): { rows: ApprovalRow[]; total: number } {
      const filter = { state: state ?? null };
      return { rows: page.all({ ...filter, limit, offset }).map(toRow), total: total.get(filter)?.n ?? 0 };
    },
    addContributor(screenId: string, actor: ApprovalActor, at = new Date()): void {
      addContributor.run(screenId, actor.kind, actor.id, actor.name, at.toISOString());
    },
    contributors: (screenId: string): ApprovalActor[] =>
      contributors.all(screenId).map((r) => ({ kind: r.actor_kind, id: r.actor_id, name: r.actor_name })),
    /** After an approval: those whose changes it covered (recorded up to `upTo`) are no longer pending authors. */
    clearContributors(screenId: string, upTo: string): void {
      clearContributors.run(screenId, upTo);
    },
  };
}
export type ApprovalsRepository = ReturnType<typeof createApprovalsRepository>;
