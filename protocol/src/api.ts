import { z } from 'zod';
import { ManifestKey } from './delivery';
import { ErrorCode } from './errors';
import { GeoPoint } from './geo';
import { DEFAULT_LOCALE, DEFAULT_TIMEZONE, DisplayName, IsoInstant, Locale, Slug, Timezone } from './ids';

/** Bodies of the HTTP API (docs/api.md). The controller parses every request through these. */

/**
 * Every error the HTTP API answers (docs/api.md, "Errors"): a code from the catalogue, a message a person can act
 * on, and sometimes details. Nothing else, whoever raised it (a route, a plugin, the router, Node's HTTP parser).
 */
export const ApiErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().min(1),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeS: z.number(),
});
export type Health = z.infer<typeof Health>;

export const CreateScreen = z.object({
  id: Slug,
  name: DisplayName,
  width: z.int().min(16).max(16384),
  height: z.int().min(16).max(16384),
  timezone: Timezone.default(DEFAULT_TIMEZONE),
  locale: Locale.default(DEFAULT_LOCALE),
  public: z.boolean().default(false),
  /** For CAP areas, BMKG distances and prayer times; `PUT /api/screens/:id/location` changes it later. */
  location: GeoPoint.nullable().default(null),
});
export type CreateScreen = z.infer<typeof CreateScreen>;

export const Screen = z.object({
  id: Slug,
  name: z.string(),
  width: z.int(),
  height: z.int(),
  timezone: z.string(),
  locale: Locale,
  public: z.boolean(),
  wallId: z.string().nullable(),
  location: GeoPoint.nullable(),
  /** Whether a player is connected right now (from its retained MQTT status). */
  connected: z.boolean(),
  lastSeenAt: IsoInstant.nullable(),
  publishedVersion: z.int().nullable(),
});
export type Screen = z.infer<typeof Screen>;

export const CreateLoopItem = z.object({
  type: Slug,
  durationMs: z.int().min(1000).max(3_600_000).optional(),
  props: z.record(z.string(), z.unknown()),
  sample: z.boolean().default(false),
});
export type CreateLoopItem = z.infer<typeof CreateLoopItem>;

export const LoopItemView = z.object({
  id: z.string(),
  screenId: Slug,
  position: z.int(),
  type: Slug,
  typeVersion: z.int(),
  durationMs: z.int(),
  props: z.record(z.string(), z.unknown()),
  sample: z.boolean(),
});
export type LoopItemView = z.infer<typeof LoopItemView>;

export const PublishResult = z.object({
  screenId: Slug,
  version: z.int(),
  publishedAt: IsoInstant,
});
export type PublishResult = z.infer<typeof PublishResult>;

/** What a player page needs before it can connect: where the broker is and which topics are its own. */
export const PlayerConfig = z.object({
  screenId: Slug,
  mqttUrl: z.string().min(1),
  manifestTopic: z.string(),
  statusTopic: z.string(),
  /** The key manifests are signed with (docs/delivery.md); an enrolled player checks it against its pinned one. */
  manifestKey: ManifestKey,
  heartbeatIntervalS: z.int().min(1).max(3600),
  /** True when an enrolled player owns this screen: anonymous players are refused by the broker. */
  claimed: z.boolean(),
  /**
   * Whether a browser without enrollment may play it: anonymous players are allowed, the screen is not claimed,
   * and it is not public (a videotron plays only on an enrolled player). Absent from older controllers.
   */
  openToAnonymous: z.boolean().default(true),
});
export type PlayerConfig = z.infer<typeof PlayerConfig>;
