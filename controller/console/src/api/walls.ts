import type { Overview, WallOverview } from '@baruga/protocol';

/**
 * The video walls the console offers (home page, announcement and schedule targets). Today they come from the
 * overview, which reads them from the screens' tiles; this is the one place to switch to `GET /api/walls` once the
 * wall editor's API lands.
 */
export function wallsOf(overview: Pick<Overview, 'walls'> | null): WallOverview[] {
  return overview?.walls ?? [];
}
