import { z } from 'zod';
import { Slug } from './ids';

/**
 * One item of a screen's loop. `props` stays opaque here: each content type (content/) owns its
 * props schema and migrations, keyed by `type` and `typeVersion`.
 */
export const LoopItem = z.object({
  id: z.string().min(1).max(64),
  type: Slug,
  typeVersion: z.int().min(1),
  durationMs: z.int().min(1000).max(3_600_000),
  props: z.record(z.string(), z.unknown()),
  /** Demo or sample content: the player labels it on screen so nobody mistakes it for real data. */
  sample: z.boolean(),
});
export type LoopItem = z.infer<typeof LoopItem>;
