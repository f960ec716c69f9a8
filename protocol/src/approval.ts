import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { IsoInstant, Sha256Hex, Slug } from './ids';
import { UNSAFE_NAME_CHARS } from './library';

/**
 * The two-person rule (docs/security.md): what reaches a public screen was approved by someone who did not make it,
 * against the content policy, and the approval travels inside the signed manifest so the player can check it.
 */

/**
 * The content policy an approver affirms, item by item, before anything reaches a public screen: no SARA
 * (ethnic, religious, racial or inter-group incitement), no pornography, no tobacco or alcohol advertising, no
 * campaign material (an election's parties, candidates or their symbols).
 */
export const POLICY_CHECKS = ['noSara', 'noPornography', 'noTobacco', 'noAlcohol', 'noCampaign'] as const;
export type PolicyCheck = (typeof POLICY_CHECKS)[number];

/** As recorded and signed: every check affirmed. */
export const PolicyChecklist = z
  .object({
    noSara: z.literal(true),
    noPornography: z.literal(true),
    noTobacco: z.literal(true),
    noAlcohol: z.literal(true),
    noCampaign: z.literal(true),
  })
  .strict();
export type PolicyChecklist = z.infer<typeof PolicyChecklist>;

/** Who made or approved something. A system actor is the controller itself (the demo seed's sample content). */
export const ApprovalActor = z.object({
  kind: z.enum(['user', 'system']),
  id: z.string().min(1).max(64),
  name: z.string().max(64),
});
export type ApprovalActor = z.infer<typeof ApprovalActor>;

export const sameActor = (a: ApprovalActor, b: ApprovalActor) => a.kind === b.kind && a.id === b.id;

const Note = z
  .string()
  .trim()
  .max(500)
  .refine((s) => !UNSAFE_NAME_CHARS.test(s.replace(/\n/g, ' ')), 'must not contain control characters');

/** One approval of one screen's content, exactly as it is hashed and carried in the manifest. */
export const ApprovalRecord = z.object({
  id: z.uuid(),
  screenId: Slug,
  /** SHA-256 of {@link contentDigestInput} of the manifest approved. */
  contentDigest: Sha256Hex,
  /** Everyone whose changes are in this content since the screen's last approval. */
  authors: z.array(ApprovalActor).min(1).max(64),
  approvedBy: ApprovalActor,
  approvedAt: IsoInstant,
  checklist: PolicyChecklist,
  note: Note,
});
export type ApprovalRecord = z.infer<typeof ApprovalRecord>;

/** The record with its hash (SHA-256 of {@link approvalHashInput}), as the manifest carries it. */
export const ManifestApproval = ApprovalRecord.extend({ hash: Sha256Hex });
export type ManifestApproval = z.infer<typeof ManifestApproval>;

/** The bytes an approval's hash covers: a domain prefix, then the record's canonical JSON (without `hash`). */
export function approvalHashInput(record: ApprovalRecord): string {
  const { id, screenId, contentDigest, authors, approvedBy, approvedAt, checklist, note } = record;
  return `baruga-approval-v1\n${canonicalJson({ id, screenId, contentDigest, authors, approvedBy, approvedAt, checklist, note })}`;
}

/**
 * The manifest fields an approval does not cover: when it was issued and until when it is valid, its version, where
 * playback is cued, and the approval itself. Everything else (what plays, where, when, on which screen) is covered,
 * including fields added to the manifest later, so a new field is under the rule unless it is named here.
 */
export const APPROVAL_EXEMPT_FIELDS: readonly string[] = ['version', 'issuedAt', 'expiresAt', 'cues', 'approval'];

/** What an approval covers of a manifest: all of it as signed, less {@link APPROVAL_EXEMPT_FIELDS}. */
export function coveredContent(manifest: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(manifest).filter(([key]) => !APPROVAL_EXEMPT_FIELDS.includes(key)));
}

/** The bytes a manifest's content digest covers: a domain prefix, then the canonical JSON of its covered content. */
export function contentDigestInput(manifest: Readonly<Record<string, unknown>>): string {
  return `baruga-content-v1\n${canonicalJson(coveredContent(manifest))}`;
}

/**
 * Why a manifest may not play on its screen, or null when it may: a public screen's manifest must carry an approval
 * of exactly its content (the digest the caller computed), whose hash holds, given by someone who is not one of its
 * authors. The caller hashes (WebCrypto in the player, node:crypto in the controller) and passes the digests in.
 */
export function approvalProblem(
  manifest: { screenId: string; screen: { public: boolean }; approval?: ManifestApproval | undefined },
  computed: { contentDigest: string; recordHash: string | null },
): string | null {
  if (!manifest.screen.public) return null;
  const approval = manifest.approval;
  if (!approval) return 'a public screen plays only approved content, and this manifest carries no approval';
  if (approval.screenId !== manifest.screenId) return `the approval is for screen ${approval.screenId}`;
  if (computed.recordHash !== approval.hash) return 'the approval record does not match its hash';
  if (computed.contentDigest !== approval.contentDigest) return 'the content differs from what was approved';
  if (approval.authors.some((a) => sameActor(a, approval.approvedBy))) {
    return `approved by ${approval.approvedBy.name}, one of its authors`;
  }
  return null;
}

// ── The approval queue (API) ────────────────────────────────────────────────────────────────────

export const ApprovalKind = z.enum(['publication', 'alert']);
export type ApprovalKind = z.infer<typeof ApprovalKind>;
export const ApprovalState = z.enum(['pending', 'approved', 'rejected', 'superseded']);
export type ApprovalState = z.infer<typeof ApprovalState>;

export const ApprovalView = z.object({
  id: z.uuid(),
  kind: ApprovalKind,
  /** The public screen a publication is for; null for an alert. */
  screenId: Slug.nullable(),
  contentDigest: Sha256Hex,
  /** One line a person reads in the queue ("3 items in the loop, 1 playlist, 2 events"). */
  summary: z.string(),
  authors: z.array(ApprovalActor),
  state: ApprovalState,
  requestedAt: IsoInstant,
  updatedAt: IsoInstant,
  decidedAt: IsoInstant.nullable(),
  decidedBy: ApprovalActor.nullable(),
  note: z.string(),
  /** The approval record's hash (approved only): the one the manifest carries and the audit trail names. */
  hash: Sha256Hex.nullable(),
  /** Whether the user asking may approve or reject it (an approver, not one of its authors, still pending). */
  mayDecide: z.boolean(),
});
export type ApprovalView = z.infer<typeof ApprovalView>;

/** One request with what it would put on screen and what is on screen now (manifest content, less exempt fields). */
export const ApprovalDetail = ApprovalView.extend({
  content: z.record(z.string(), z.unknown()),
  onScreen: z.record(z.string(), z.unknown()).nullable(),
});
export type ApprovalDetail = z.infer<typeof ApprovalDetail>;

export const ApprovalQuery = z.object({
  state: ApprovalState.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ApprovalQuery = z.infer<typeof ApprovalQuery>;

export const ApprovalPage = z.object({ approvals: z.array(ApprovalView), total: z.int() });
export type ApprovalPage = z.infer<typeof ApprovalPage>;

/**
 * `POST /api/approvals/:id/approve`: for a publication, each check of the content policy answered, all true; an
 * action held for a second person (a manual alert) needs only the approver's word.
 */
export const ApproveRequest = z.object({
  checklist: z
    .object(Object.fromEntries(POLICY_CHECKS.map((c) => [c, z.boolean()])) as Record<PolicyCheck, z.ZodBoolean>)
    .optional(),
  note: Note.default(''),
});
export type ApproveRequest = z.infer<typeof ApproveRequest>;

export const RejectRequest = z.object({ note: Note.pipe(z.string().min(1, 'say why, so its authors can fix it')) });
export type RejectRequest = z.infer<typeof RejectRequest>;

export const ApprovalDecision = z.object({
  approval: ApprovalView,
  /** The manifest version that went out on approval of a publication. */
  published: z.object({ version: z.int(), publishedAt: IsoInstant }).nullable(),
});
export type ApprovalDecision = z.infer<typeof ApprovalDecision>;

/** `GET|PUT /api/settings/approval`. Public screens always need approval; manual alerts may. */
export const ApprovalSettings = z.object({ manualAlertsNeedTwoPeople: z.boolean() });
export type ApprovalSettings = z.infer<typeof ApprovalSettings>;
