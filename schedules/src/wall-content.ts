import type { ManifestSchedule, SegmentSource } from '@baruga/protocol';

/**
 * Whether what plays on a wall tile is drawn across the wall's canvas: only content from an event that names the
 * wall. A tile's own loop, and events that reach it as a screen (by its id, a group, or every screen), are drawn on
 * the tile alone, as on any screen. The controller (renditions, previews) and the player decide it with this.
 */
export function drawnOnWall(
  schedule: Pick<ManifestSchedule, 'events'>,
  source: SegmentSource,
  wallId: string | null,
): boolean {
  if (wallId === null || source.kind === 'default') return false;
  const event = schedule.events.find((e) => e.id === source.eventId);
  return event !== undefined && event.targets.walls.includes(wallId);
}
