import { z } from 'zod';

/**
 * The console's live updates (docs/api.md, "Live updates"): a counter that moves on every change an operator or a
 * player makes, with what kind of thing changed, so each open page asks again for its own data, and only then.
 */
export const ChangeTopic = z.enum([
  'screens',
  'library',
  'schedule',
  'players',
  'delivery',
  'plays',
  'sources',
  'alerts',
  // The approval queue and its settings; users and their API tokens (docs/security.md).
  'approvals',
  'accounts',
]);
export type ChangeTopic = z.infer<typeof ChangeTopic>;

/** `GET /api/changes?after=&waitMs=`: answers at once when something changed after `after`, else waits. */
export const ChangesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  waitMs: z.coerce.number().int().min(0).max(25_000).default(0),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

export const Changes = z.object({
  seq: z.int().min(0),
  /** What changed after `after` (every topic when the controller no longer remembers that far back). */
  topics: z.array(ChangeTopic),
});
export type Changes = z.infer<typeof Changes>;
