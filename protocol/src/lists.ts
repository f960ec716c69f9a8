import { z } from 'zod';
import { ScreenHealth } from './delivery';
import { Slug } from './ids';

/**
 * Query strings of the lists that grow with the fleet (docs/api.md, "Lists"): screens, players and the delivery
 * view answer a bare array, as they always did, and say how many rows match in an `X-Total-Count` header.
 * Without parameters they answer what they did before, for fleets up to the default limit.
 */

/** Rows a list answers when the request does not say, and the most it answers at once. */
export const LIST_DEFAULT_LIMIT = 500;
export const LIST_MAX_LIMIT = 1000;
/** The response header that carries the number of matching rows (before limit and offset). */
export const TOTAL_COUNT_HEADER = 'x-total-count';

const limit = z.coerce.number().int().min(1).max(LIST_MAX_LIMIT).default(LIST_DEFAULT_LIMIT);
const offset = z.coerce.number().int().min(0).max(1_000_000).default(0);
/** Case-insensitive substring of an id or a name. */
const q = z.string().trim().max(200).optional();
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Each list's `sort` names a field, ascending, or the field after a `-`, descending. */

/** `GET /api/screens`. `sort` defaults to walls first (by wall, then id), then single screens by id. */
export const ScreenListQuery = z.object({
  limit,
  offset,
  q,
  group: Slug.optional(),
  wall: Slug.optional(),
  connected: flag.optional(),
  public: flag.optional(),
  sort: z
    .enum(['id', '-id', 'name', '-name', 'lastSeenAt', '-lastSeenAt', 'publishedVersion', '-publishedVersion'])
    .optional(),
});
export type ScreenListQuery = z.infer<typeof ScreenListQuery>;

/** `GET /api/players`. `sort` defaults to revoked players last, then by creation. */
export const PlayerListQuery = z.object({
  limit,
  offset,
  q,
  state: z.enum(['pending', 'active', 'revoked']).optional(),
  /** Players that drive this screen. */
  screen: Slug.optional(),
  sort: z.enum(['createdAt', '-createdAt', 'name', '-name', 'id', '-id']).optional(),
});
export type PlayerListQuery = z.infer<typeof PlayerListQuery>;

/** `GET /api/delivery/screens`. `sort` defaults to the screen list's order. */
export const DeliveryListQuery = z.object({
  limit,
  offset,
  /** Substring of the screen's id or name. */
  q,
  group: Slug.optional(),
  health: ScreenHealth.optional(),
  sort: z.enum(['id', '-id', 'lastHeartbeatAt', '-lastHeartbeatAt']).optional(),
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;

/** A `sort` value split into its key and direction. */
export function sortKey<K extends string>(sort: K | `-${K}`): { key: K; descending: boolean } {
  return sort.startsWith('-') ? { key: sort.slice(1) as K, descending: true } : { key: sort as K, descending: false };
}
