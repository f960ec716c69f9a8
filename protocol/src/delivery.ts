import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { IsoInstant, Sha256Hex, Slug } from './ids';

/**
 * The wire shapes of player delivery (docs/delivery.md): signed manifests, enrollment, heartbeats,
 * proof of play and remote commands. Everything a player or the controller reads from the other side
 * is parsed through one of these.
 */

const base64url = (bytes: number) =>
  z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`), `must be ${bytes} bytes, base64url`);

/** First 16 hex digits of the SHA-256 of the raw public key: names a key without carrying it. */
export const KeyId = z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 lowercase hex digits');

/** The controller's manifest key, as a player pins it at enrollment. */
export const ManifestKey = z.object({
  alg: z.literal('Ed25519'),
  keyId: KeyId,
  /** The 32-byte raw Ed25519 public key. */
  publicKey: base64url(32),
});
export type ManifestKey = z.infer<typeof ManifestKey>;

/**
 * What travels on a screen's manifest topic. `manifest` stays unparsed until its signature checks out:
 * the signature covers exactly the bytes of {@link manifestSigningInput}, never a re-encoded copy.
 */
export const SignedManifest = z.object({
  manifest: z.record(z.string(), z.unknown()),
  alg: z.literal('Ed25519'),
  keyId: KeyId,
  /** 64-byte Ed25519 signature, base64url. */
  signature: base64url(64),
});
export type SignedManifest = z.infer<typeof SignedManifest>;

/**
 * The signed bytes: a domain prefix, so a Baruga manifest signature can never be replayed as a signature
 * over any other document, then the canonical JSON of the manifest.
 */
export function manifestSigningInput(manifest: unknown): string {
  return `baruga-manifest-v1\n${canonicalJson(manifest)}`;
}

// ── Enrollment ───────────────────────────────────────────────────────────────────────────────────

/** Six characters with no look-alikes (no I, O, 0 or 1), as a person reads them off a screen. */
export const PAIRING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PairingCode = z
  .string()
  .max(20)
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/, 'a pairing code is 6 letters and digits, as shown on the player'));

export const PlayerHostKind = z.enum(['electron', 'chromium', 'browser']);
export type PlayerHostKind = z.infer<typeof PlayerHostKind>;

/** `POST /api/players/enroll`: a new player asks for a pairing code. */
export const EnrollRequest = z.object({
  host: PlayerHostKind,
  hostVersion: z.string().max(100).default(''),
  platform: z.string().max(100).default(''),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z.object({
  playerId: Slug,
  /** The player's own secret: its MQTT password and HTTP Basic password once approved. Shown once. */
  secret: base64url(32),
  pairingCode: z.string(),
  codeExpiresAt: IsoInstant,
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const AssignedScreen = z.object({
  id: Slug,
  name: z.string(),
  width: z.int(),
  height: z.int(),
});
export type AssignedScreen = z.infer<typeof AssignedScreen>;

/** `GET /api/players/self`: what a player (HTTP Basic, its id and secret) learns about itself. */
export const PlayerSelf = z.object({
  playerId: Slug,
  state: z.enum(['pending', 'active']),
  name: z.string(),
  /** While pending: the code to show on screen (renewed here when the last one expired). */
  pairingCode: z.string().nullable(),
  codeExpiresAt: IsoInstant.nullable(),
  screens: z.array(AssignedScreen),
  /** Once active: the key every manifest must be signed with. */
  manifestKey: ManifestKey.nullable(),
});
export type PlayerSelf = z.infer<typeof PlayerSelf>;

/** `POST /api/players/pair`: an operator types the code a player shows and assigns screens. */
export const PairPlayer = z.object({
  code: PairingCode,
  name: z.string().trim().min(1).max(120),
  screens: z.array(Slug).max(64).default([]),
});
export type PairPlayer = z.infer<typeof PairPlayer>;

export const UpdatePlayer = z
  .object({ name: z.string().trim().min(1).max(120).optional(), screens: z.array(Slug).max(64).optional() })
  .refine((b) => b.name !== undefined || b.screens !== undefined, 'give a name, screens, or both');
export type UpdatePlayer = z.infer<typeof UpdatePlayer>;

export const PlayerState = z.enum(['pending', 'active', 'revoked']);
export type PlayerState = z.infer<typeof PlayerState>;

export const PlayerView = z.object({
  id: Slug,
  name: z.string(),
  state: PlayerState,
  host: PlayerHostKind,
  hostVersion: z.string(),
  platform: z.string(),
  screens: z.array(Slug),
  createdAt: IsoInstant,
  approvedAt: IsoInstant.nullable(),
  revokedAt: IsoInstant.nullable(),
});
export type PlayerView = z.infer<typeof PlayerView>;

// ── Telemetry ────────────────────────────────────────────────────────────────────────────────────

export const DEFAULT_HEARTBEAT_S = 15;

export const ZoneNow = z.object({
  zoneId: z.string().min(1).max(64),
  itemId: z.string().min(1).max(64),
  since: IsoInstant,
});
export type ZoneNow = z.infer<typeof ZoneNow>;

export const HostInfo = z.object({
  kind: PlayerHostKind,
  version: z.string().max(100),
  platform: z.string().max(100),
  userAgent: z.string().max(300),
});
export type HostInfo = z.infer<typeof HostInfo>;

export const Rejection = z.object({
  code: z.string().max(64),
  message: z.string().max(500),
  at: IsoInstant,
  /** The manifest version refused, when the refusal was of a manifest. */
  version: z.int().nullable(),
});
export type Rejection = z.infer<typeof Rejection>;

/** Published every `heartbeatIntervalS` (15 s by default) on `topics.heartbeat(screenId)`, not retained. */
export const Heartbeat = z.object({
  playerId: Slug,
  screenId: Slug,
  at: IsoInstant,
  seq: z.int().min(0),
  uptimeS: z.number().min(0),
  manifestVersion: z.int().min(0).nullable(),
  manifestExpiresAt: IsoInstant.nullable(),
  /** The running manifest is past its expiry: the player was cut off and plays on what it has. */
  stale: z.boolean(),
  /** A newer manifest being downloaded and verified, not yet on screen. */
  pendingVersion: z.int().nullable(),
  zones: z.array(ZoneNow).max(64),
  cache: z.object({
    usedBytes: z.number().min(0),
    quotaBytes: z.number().min(0).nullable(),
    assets: z.int().min(0),
  }),
  jsHeapBytes: z.number().min(0).nullable(),
  fps: z.number().min(0).max(1000).nullable(),
  /** Controller clock minus player clock, in ms (null until measured). */
  clockOffsetMs: z.number().nullable(),
  /**
   * How far the offset may be off, in ms: the true offset lies within `clockOffsetMs ± clockErrorMs` (null until
   * measured; absent from players older than the estimator).
   */
  clockErrorMs: z.number().min(0).nullable().optional(),
  blackout: z.boolean(),
  host: HostInfo,
  lastRejection: Rejection.nullable(),
  /** Proof-of-play records waiting for an acknowledgement. */
  popBacklog: z.int().min(0),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

/**
 * `GET /api/player/time`: the controller's clock, for the player's offset estimate (an NTP-style exchange: the
 * player notes when it sent and received, the controller when it received and answered; player/src/browser/clock).
 * All in ms since the epoch on the controller's clock. `receivedAt`/`sentAt` are absent from older controllers:
 * `now` then stands for both.
 */
export const ControllerTime = z.object({
  now: z.number(),
  receivedAt: z.number().optional(),
  sentAt: z.number().optional(),
});
export type ControllerTime = z.infer<typeof ControllerTime>;

export const ScreenHealth = z.enum(['online', 'late', 'offline', 'unknown']);
export type ScreenHealth = z.infer<typeof ScreenHealth>;

/**
 * How the console reads a screen's last heartbeat: online within two intervals, late within four,
 * offline after that or at once when the player's last will says so; unknown when never heard from.
 */
export function screenHealth(
  lastHeartbeatMs: number | null,
  nowMs: number,
  intervalS: number,
  disconnected: boolean,
): ScreenHealth {
  if (lastHeartbeatMs === null) return disconnected ? 'offline' : 'unknown';
  if (disconnected) return 'offline';
  const age = nowMs - lastHeartbeatMs;
  if (age <= 2 * intervalS * 1000) return 'online';
  if (age <= 4 * intervalS * 1000) return 'late';
  return 'offline';
}

/** `GET /api/delivery/screens`: one row per screen for the console. */
export const ScreenDelivery = z.object({
  screenId: Slug,
  health: ScreenHealth,
  lastHeartbeatAt: IsoInstant.nullable(),
  heartbeat: Heartbeat.nullable(),
  player: z.object({ id: Slug, name: z.string() }).nullable(),
  publishedVersion: z.int().nullable(),
  lastScreenshot: z.object({ sha256: Sha256Hex, url: z.string(), takenAt: IsoInstant }).nullable(),
});
export type ScreenDelivery = z.infer<typeof ScreenDelivery>;

// ── Proof of play ────────────────────────────────────────────────────────────────────────────────

/** One item shown in one zone, from its first frame to its last. `id` is made by the player. */
export const PlayRecord = z
  .object({
    id: z.uuid(),
    screenId: Slug,
    itemId: z.string().min(1).max(64),
    itemType: z.string().min(1).max(64),
    zoneId: z.string().min(1).max(64),
    startedAt: IsoInstant,
    endedAt: IsoInstant,
    manifestVersion: z.int().min(1),
  })
  .refine((r) => Date.parse(r.endedAt) >= Date.parse(r.startedAt), 'endedAt must not be before startedAt');
export type PlayRecord = z.infer<typeof PlayRecord>;

/** On `topics.pop(screenId)`; at least once, acknowledged by id on `topics.popAck(screenId)`. */
export const PlayBatch = z.object({
  playerId: Slug,
  records: z.array(PlayRecord).min(1).max(500),
});
export type PlayBatch = z.infer<typeof PlayBatch>;

/** Ids the controller holds (new or already stored): the player deletes them from its buffer. */
export const PlayAck = z.object({ ids: z.array(z.uuid()).max(500) });
export type PlayAck = z.infer<typeof PlayAck>;

export const PlayQuery = z.object({
  screen: Slug.optional(),
  item: z.string().max(64).optional(),
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PlayQuery = z.infer<typeof PlayQuery>;

export const PlaySummaryQuery = z.object({
  screen: Slug.optional(),
  item: z.string().max(64).optional(),
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
  by: z.enum(['hour', 'day']).default('day'),
  /** Periods are read in this zone (the province's by default). */
  timezone: z.string().max(64).default('Asia/Makassar'),
  format: z.enum(['json', 'csv']).default('json'),
});
export type PlaySummaryQuery = z.infer<typeof PlaySummaryQuery>;

export const PlayRecordView = z.object({
  id: z.string(),
  playerId: z.string(),
  screenId: z.string(),
  itemId: z.string(),
  itemType: z.string(),
  zoneId: z.string(),
  startedAt: IsoInstant,
  endedAt: IsoInstant,
  durationMs: z.int(),
  manifestVersion: z.int(),
  receivedAt: IsoInstant,
});
export type PlayRecordView = z.infer<typeof PlayRecordView>;

export const PlayPage = z.object({
  records: z.array(PlayRecordView),
  total: z.int(),
  limit: z.int(),
  offset: z.int(),
});
export type PlayPage = z.infer<typeof PlayPage>;

export const PlaySummaryRow = z.object({
  /** Local start of the period in `timezone`, `2025-03-01` or `2025-03-01T08:00`. */
  period: z.string(),
  screenId: z.string(),
  itemId: z.string(),
  itemType: z.string(),
  plays: z.int(),
  totalMs: z.int(),
});
export type PlaySummaryRow = z.infer<typeof PlaySummaryRow>;

export const PlaySummary = z.object({
  by: z.enum(['hour', 'day']),
  timezone: z.string(),
  rows: z.array(PlaySummaryRow),
});
export type PlaySummary = z.infer<typeof PlaySummary>;

// ── Remote commands ──────────────────────────────────────────────────────────────────────────────

export const CommandName = z.enum([
  'reload',
  'screenshot',
  'blackout',
  'restore',
  'identify',
  'clear-cache',
  'restart-host',
]);
export type CommandName = z.infer<typeof CommandName>;

/** The code of a command that did what it was asked. Failures carry a `BARUGA_ERR_*` code. */
export const COMMAND_OK = 'BARUGA_OK';

export const CommandParams = z.strictObject({
  /** identify: how long the name stays on screen. */
  durationS: z.int().min(1).max(600).optional(),
});
export type CommandParams = z.infer<typeof CommandParams>;

/** `POST /api/screens/:id/commands` and `POST /api/players/:id/commands`. */
export const IssueCommand = z.object({
  name: CommandName,
  params: CommandParams.default({}),
  /** How long the command may wait for a player that is offline now. */
  ttlS: z.int().min(5).max(86_400).default(300),
});
export type IssueCommand = z.infer<typeof IssueCommand>;

/** On `topics.commands(screenId)` or `topics.playerCommands(playerId)`, not retained. */
export const Command = z.object({
  id: z.uuid(),
  name: CommandName,
  params: CommandParams,
  issuedAt: IsoInstant,
  expiresAt: IsoInstant,
});
export type Command = z.infer<typeof Command>;

/** On `topics.acks(screenId)`: the outcome of one command on one screen. */
export const CommandAck = z.object({
  commandId: z.uuid(),
  playerId: Slug,
  screenId: Slug,
  ok: z.boolean(),
  code: z.string().min(1).max(64),
  message: z.string().max(500),
  at: IsoInstant,
});
export type CommandAck = z.infer<typeof CommandAck>;

export const CommandState = z.enum(['pending', 'ok', 'failed', 'expired']);
export type CommandState = z.infer<typeof CommandState>;

export const CommandView = z.object({
  id: z.uuid(),
  name: CommandName,
  params: CommandParams,
  target: z.object({ kind: z.enum(['screen', 'player']), id: Slug }),
  state: CommandState,
  issuedAt: IsoInstant,
  expiresAt: IsoInstant,
  ackedAt: IsoInstant.nullable(),
  code: z.string().nullable(),
  message: z.string().nullable(),
  /** Which screen answered (a player command is answered by one of its screens). */
  screenId: Slug.nullable(),
  screenshot: z.object({ sha256: Sha256Hex, url: z.string() }).nullable(),
});
export type CommandView = z.infer<typeof CommandView>;
