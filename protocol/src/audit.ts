import { z } from 'zod';
import { IsoInstant, Sha256Hex } from './ids';

/** The audit trail as the API shows it (docs/security.md, "Audit trail"): append-only, hash-chained. */

export const AuditEntry = z.object({
  seq: z.int().min(1),
  at: IsoInstant,
  actor: z.object({ kind: z.enum(['user', 'player', 'system', 'anonymous']), id: z.string(), name: z.string() }),
  /** `screen.publish`, `approval.approve`, `session.sign-in`, …: the route's declared action. */
  action: z.string(),
  target: z.string().nullable(),
  /** The HTTP status the action answered with (a refused sign-in is 401 or 429). */
  outcome: z.int(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: Sha256Hex,
  hash: Sha256Hex,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  /** Actions starting with this (`approval.` for every approval action). */
  action: z.string().max(64).optional(),
  /** The actor's name (a username, a player id). */
  actor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** Newest first. */
export const AuditPage = z.object({ entries: z.array(AuditEntry), total: z.int() });
export type AuditPage = z.infer<typeof AuditPage>;

/** `GET /api/audit/verify`: the whole chain walked, as `npm run audit:verify` does. */
export const AuditVerification = z.object({
  intact: z.boolean(),
  entries: z.int(),
  head: Sha256Hex.nullable(),
  broken: z.object({ seq: z.int(), problem: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
