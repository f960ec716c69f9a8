import { z } from 'zod';
import { IsoInstant } from './ids';
import { UNSAFE_NAME_CHARS } from './library';

/**
 * Operators' accounts (docs/security.md): who may do what, declared per route with one of these roles, and the
 * API tokens scripts use. Shared by the controller (which enforces it) and the console (which hides what a role
 * may not do, never relying on that).
 */

/**
 * - `viewer`: reads everything an operator sees (screens, schedules, reports), changes nothing;
 * - `editor`: prepares content and schedules, publishes, sends commands to screens;
 * - `approver`: approves or rejects what goes to public screens (never their own work) and reads the audit trail;
 * - `admin`: all of the above, and screens, players, users and settings.
 */
export const ROLES = ['admin', 'editor', 'approver', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Which route requirements each role meets: admin meets every one, every role meets `viewer`. */
export const ROLE_GRANTS: Readonly<Record<Role, readonly Role[]>> = {
  admin: ['admin', 'editor', 'approver', 'viewer'],
  editor: ['editor', 'viewer'],
  approver: ['approver', 'viewer'],
  viewer: ['viewer'],
};

/**
 * An API token's scopes, one per route requirement: a token meets a requirement only when its scopes include it
 * *and* its owner's role meets it, so a token never does more than its owner could.
 */
export const TOKEN_SCOPES = ['read', 'edit', 'approve', 'admin'] as const;
export const TokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScope>;

export const SCOPE_FOR: Readonly<Record<Role, TokenScope>> = {
  viewer: 'read',
  editor: 'edit',
  approver: 'approve',
  admin: 'admin',
};

/** Whether a user of `role` (through a token with `scopes`, when not signed in with a session) meets `required`. */
export function meetsRequirement(role: Role, required: Role, scopes?: readonly TokenScope[]): boolean {
  if (!ROLE_GRANTS[role].includes(required)) return false;
  return scopes === undefined || scopes.includes(SCOPE_FOR[required]);
}

/** The scopes a user of this role may put on a token. */
export const scopesOf = (role: Role): TokenScope[] => ROLE_GRANTS[role].map((r) => SCOPE_FOR[r]);

/** Lowercase, as typed on a sign-in form: letters, digits, dot, dash, underscore. */
export const Username = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'must be 2–32 lowercase letters, digits, dots, dashes or underscores');

/**
 * A new password: long rather than clever (NIST SP 800-63B asks for length, not character classes). The first
 * admin's password from BARUGA_ADMIN_PASSWORD is the operator's own choice and is not held to this.
 */
export const NewPassword = z.string().min(12, 'must be at least 12 characters').max(256);

export const SessionRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type SessionRequest = z.infer<typeof SessionRequest>;

/**
 * `GET /api/session`: who is signed in, and the token every state-changing request made with the session cookie
 * must carry as `x-csrf-token` (requests with `Authorization: Bearer` need none).
 */
export const SessionInfo = z.object({
  username: z.string(),
  role: Role,
  expiresAt: IsoInstant,
  csrfToken: z.string().min(1),
  /** How this request was signed in: the session (cookie or its token as Bearer), or an API token. */
  via: z.enum(['session', 'token']),
  /** An API token's scopes; absent for a session. */
  scopes: z.array(TokenScope).optional(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** `POST /api/session`: the session, and its token for scripts that send it as `Authorization: Bearer`. */
export const SignedIn = SessionInfo.extend({ token: z.string() });
export type SignedIn = z.infer<typeof SignedIn>;

export const ChangePassword = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: NewPassword,
});
export type ChangePassword = z.infer<typeof ChangePassword>;

// ── Users (admin) ────────────────────────────────────────────────────────────────────────────────

const DisplayName = z
  .string()
  .trim()
  .max(120)
  .refine((s) => !UNSAFE_NAME_CHARS.test(s), 'must not contain control characters');

export const CreateUser = z.object({
  username: Username,
  displayName: DisplayName.default(''),
  password: NewPassword,
  role: Role,
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z
  .object({
    displayName: DisplayName.optional(),
    role: Role.optional(),
    /** An admin sets a new password (the user's sessions end). */
    password: NewPassword.optional(),
    /** A disabled user cannot sign in; their sessions and tokens stop working at once. */
    disabled: z.boolean().optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), 'change at least one field');
export type UpdateUser = z.infer<typeof UpdateUser>;

export const UserView = z.object({
  id: z.int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: IsoInstant,
  lastSignInAt: IsoInstant.nullable(),
});
export type UserView = z.infer<typeof UserView>;

// ── API tokens ───────────────────────────────────────────────────────────────────────────────────

/** Every API token starts so, which tells it from a session token and lets secret scanners find leaked ones. */
export const API_TOKEN_PREFIX = 'baruga_pat_';

export const CreateApiToken = z.object({
  name: DisplayName.pipe(z.string().min(1, 'name the token after what uses it')),
  scopes: z
    .array(TokenScope)
    .min(1)
    .max(TOKEN_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, 'each scope once'),
  expiresInDays: z.int().min(1).max(365).default(90),
});
export type CreateApiToken = z.infer<typeof CreateApiToken>;

export const ApiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  username: z.string(),
  scopes: z.array(TokenScope),
  createdAt: IsoInstant,
  expiresAt: IsoInstant,
  lastUsedAt: IsoInstant.nullable(),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;

/** The answer to creating a token: the only time its secret is shown. */
export const CreatedApiToken = ApiTokenView.extend({ token: z.string().startsWith(API_TOKEN_PREFIX) });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
