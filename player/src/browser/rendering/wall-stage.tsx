import type { ManifestWall, Viewport } from '@baruga/protocol';
import { tileTransform } from '@baruga/protocol';
import type { ReactNode } from 'react';

/** A zone's rectangle on its canvas. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of a zone a wall tile shows, in the zone's own pixels; null when the zone lies wholly outside the tile's
 * viewport (it is then not mounted on this tile at all: where it is in its items stays a function of time).
 */
export function visibleRect(zone: Rect, viewport: Viewport): Rect | null {
  const left = Math.max(zone.x, viewport.x);
  const top = Math.max(zone.y, viewport.y);
  const right = Math.min(zone.x + zone.width, viewport.x + viewport.width);
  const bottom = Math.min(zone.y + zone.height, viewport.y + viewport.height);
  if (right <= left || bottom <= top) return null;
  return { x: left - zone.x, y: top - zone.y, width: right - left, height: bottom - top };
}

/**
 * A wall tile's window onto the wall's canvas: the canvas is laid out whole (every zone at its canvas position, at
 * its canvas size), moved so this tile's viewport sits at the top left, cut to the viewport, and turned and scaled
 * onto the tile's own pixels (protocol tileTransform: the identity for a tile of the wall's model hung upright).
 */
export function WallStage({
  wall,
  output,
  children,
}: {
  wall: ManifestWall;
  output: { width: number; height: number };
  children: ReactNode;
}) {
  const { viewport } = wall;
  const { css } = tileTransform(viewport, wall.rotation, output);
  return (
    <div
      className="bg-wall-tile"
      data-wall-id={wall.id}
      data-tile={`${wall.column},${wall.row}`}
      style={{ width: viewport.width, height: viewport.height, transform: css === 'none' ? undefined : css }}
    >
      <div
        className="bg-wall-canvas"
        style={{ left: -viewport.x, top: -viewport.y, width: wall.canvas.width, height: wall.canvas.height }}
      >
        {children}
      </div>
    </div>
  );
}
