import { z } from 'zod';
import { IsoInstant } from './ids';

/**
 * Which connection of a player a status comes from: a number that grows with every connection attempt the player
 * makes for a screen (the attempt's start in ms since the epoch, kept strictly increasing across restarts, is the
 * intended choice). The last will is set when an attempt starts and carries that attempt's number, so a will of an
 * abandoned attempt that the broker publishes after a newer connection said "online" reads as older, and the
 * controller keeps the newer status (controller/src/players/presence.ts).
 */
export const ConnectionSeq = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Retained on `topics.status(screenId)`; the player's last will publishes `state: "offline"`. */
export const PlayerStatus = z.object({
  state: z.enum(['online', 'offline']),
  playerId: z.string().min(1).max(128),
  at: IsoInstant,
  manifestVersion: z.int().min(0).optional(),
  currentItemId: z.string().max(64).optional(),
  userAgent: z.string().max(300).optional(),
  /** Optional: statuses without it (players from before it existed) are taken in the order they arrive. */
  connectionSeq: ConnectionSeq.optional(),
});
export type PlayerStatus = z.infer<typeof PlayerStatus>;
