import type { Overview, WallOverview } from '@baruga/protocol';

/**
 * The video walls the console offers as targets (home page, announcements, schedule, alerts): from the overview,
 * which lists each wall with its tiles' screens. The wall editor (walls/) reads `GET /api/walls` for geometry.
 */
export function wallsOf(overview: Pick<Overview, 'walls'> | null): WallOverview[] {
  return overview?.walls ?? [];
}
