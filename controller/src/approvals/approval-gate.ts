import crypto from 'node:crypto';
import {
  type ApprovalActor,
  ErrorCode,
  type Manifest,
  type ManifestApproval,
  type Result,
  contentDigestInput,
  coveredContent,
  err,
  ok,
} from '@baruga/protocol';
import type { Repositories } from '../db/repositories';
import type { Actor } from '../http/access';
import { currentActor } from '../http/request-context';

/** Publishes started by the controller itself (start-up, timers) are authored by it. */
const CONTROLLER: ApprovalActor = { kind: 'system', id: 'controller', name: 'controller' };

/** An audit actor as an approval names it: operators by their user id, anything else as the controller. */
export function approvalActorOf(actor: Actor | null): ApprovalActor {
  if (actor?.kind === 'user') return { kind: 'user', id: String(actor.id), name: actor.username };
  if (actor?.kind === 'system') return { kind: 'system', id: actor.name, name: actor.name };
  return CONTROLLER;
}

export const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** The digest an approval of this manifest's content names (protocol contentDigestInput). */
export const contentDigestOf = (manifest: Omit<Manifest, 'approval'>): string =>
  sha256(contentDigestInput(manifest as unknown as Record<string, unknown>));

/** One line for the queue and for scripts: what the content holds. */
function summarise(manifest: Omit<Manifest, 'approval'>): string {
  const playlistItems = Object.values(manifest.playlists).reduce((n, items) => n + items.length, 0);
  const overlayItems = manifest.overlays.reduce((n, zone) => n + zone.items.length, 0);
  return [
    `${manifest.loop.length} loop items`,
    `${Object.keys(manifest.playlists).length} playlists (${playlistItems} items)`,
    `${Object.keys(manifest.layouts).length} layouts`,
    `${overlayItems} overlay items`,
    `${manifest.schedule.events.length} events`,
  ].join(', ');
}

/**
 * The publisher's check before it signs (the two-person rule, docs/security.md): a manifest for a public screen goes
 * out only with the approval of exactly its content. Without one, the content is put in the approval queue (one
 * pending request per screen, naming everyone who changed the screen since its last approval, the one publishing
 * now included) and the publish is refused with BARUGA_ERR_APPROVAL_REQUIRED; the screen keeps playing what it has.
 */
export function createApprovalGate(repos: Repositories) {
  /** Who has changed what this screen shows since its last approval, with `actor` added (when given). */
  function authorsOf(screenId: string, actor: Actor | null, at: Date): ApprovalActor[] {
    if (actor) repos.approvals.addContributor(screenId, approvalActorOf(actor), at);
    const authors = repos.approvals.contributors(screenId);
    return authors.length > 0 ? authors : [CONTROLLER];
  }

  return {
    /**
     * Null for a screen that is not public; the approval to carry, for approved content; else the request is queued
     * and the answer is an error. `actor` defaults to the request's (http/request-context.ts); null names nobody new.
     */
    check(
      manifest: Omit<Manifest, 'approval'>,
      options: { now: Date; actor?: Actor | null },
    ): Result<ManifestApproval | null> {
      if (!manifest.screen.public) return ok(null);
      const screenId = manifest.screenId;
      const contentDigest = contentDigestOf(manifest);
      const approved = repos.approvals.approvedFor(screenId, contentDigest);
      if (approved) return ok(approved);
      const actor = options.actor === undefined ? currentActor() : options.actor;
      const { row, created } = repos.approvals.requestPublication({
        screenId,
        contentDigest,
        content: coveredContent(manifest as unknown as Record<string, unknown>),
        summary: summarise(manifest),
        authors: authorsOf(screenId, actor, options.now),
        at: options.now,
      });
      if (created) {
        repos.audit.append({
          actor: actor ?? { kind: 'system', name: 'controller' },
          action: 'approval.request',
          target: screenId,
          outcome: 202,
          detail: { approvalId: row.id, contentDigest, authors: row.authors },
          at: options.now,
        });
      }
      return err({
        code: ErrorCode.approvalRequired,
        message: `screen "${screenId}" is public: its new content waits in the approval queue for an approver who is not one of its authors`,
        details: { approvalId: row.id, screenId },
      });
    },
  };
}
export type ApprovalGate = ReturnType<typeof createApprovalGate>;
