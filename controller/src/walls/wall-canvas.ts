import { type CanvasSize, type ManifestWall, type ScheduleEvent, type WallView, wallGeometry } from '@baruga/protocol';
import type { Repositories } from '../db/repositories';
import type { WallRecord } from './walls-repository';

/** A wall with its computed canvas and viewports, as the API answers it. */
export function wallView(repos: Repositories, wall: WallRecord, geometry = wallGeometry(wall)): WallView {
  return {
    id: wall.id,
    name: wall.name,
    columns: wall.columns,
    rows: wall.rows,
    panel: wall.panel,
    canvas: geometry.canvas,
    tiles: geometry.tiles.map((t) => ({
      ...t,
      connected: t.screenId === null ? false : (repos.presence.get(t.screenId)?.connected ?? false),
    })),
    updatedAt: wall.updatedAt,
  };
}

/** What a tile's manifest says about its wall; null for a screen that is no tile (or sits outside its wall's grid). */
export function manifestWall(repos: Repositories, screenId: string): ManifestWall | null {
  const wallId = repos.walls.wallOf(screenId);
  const wall = wallId === null ? null : repos.walls.get(wallId);
  if (!wall) return null;
  const { canvas, tiles } = wallGeometry(wall);
  const tile = tiles.find((t) => t.screenId === screenId);
  if (!tile) return null;
  return {
    id: wall.id,
    name: wall.name,
    column: tile.column,
    row: tile.row,
    canvas,
    viewport: tile.viewport,
    rotation: tile.rotation,
  };
}

/** The canvas of a wall, for layout size checks; null for an unknown wall. */
export function wallCanvas(repos: Repositories, wallId: string): CanvasSize | null {
  const wall = repos.walls.get(wallId);
  return wall ? wallGeometry(wall).canvas : null;
}

/**
 * What an event's content is drawn on, among these screens: each screen, except that the tiles of a wall the event
 * names are replaced by that wall's canvas (named `wall <id>`). For the layout size check.
 */
export function drawingSurfaces(
  repos: Repositories,
  event: Pick<ScheduleEvent, 'targets'>,
  screens: readonly { id: string; width: number; height: number; wallId: string | null }[],
): { id: string; width: number; height: number }[] {
  const surfaces: { id: string; width: number; height: number }[] = [];
  const walls = new Set<string>();
  for (const s of screens) {
    const canvas = s.wallId !== null && event.targets.walls.includes(s.wallId) ? wallCanvas(repos, s.wallId) : null;
    if (!canvas || s.wallId === null) surfaces.push(s);
    else if (!walls.has(s.wallId)) {
      walls.add(s.wallId);
      surfaces.push({ id: `wall ${s.wallId}`, ...canvas });
    }
  }
  return surfaces;
}
