import { z } from 'zod';
import { IsoInstant } from './ids';

/** Retained on `topics.status(screenId)`; the player's last will publishes `state: "offline"`. */
export const PlayerStatus = z.object({
  state: z.enum(['online', 'offline']),
  playerId: z.string().min(1).max(128),
  at: IsoInstant,
  manifestVersion: z.int().min(0).optional(),
  currentItemId: z.string().max(64).optional(),
  userAgent: z.string().max(300).optional(),
});
export type PlayerStatus = z.infer<typeof PlayerStatus>;
