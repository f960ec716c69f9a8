/** A zone's rectangle in canvas pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Canvas {
  width: number;
  height: number;
}

/**
 * The grid zones snap to: 48 steps across and 27 down on a 16:9 canvas (40 px on full HD), the same count on any
 * shape, so a zone drawn by hand lines up with its neighbours and with the canvas edges.
 */
export function gridOf(canvas: Canvas): { x: number; y: number } {
  return { x: canvas.width / 48, y: canvas.height / 27 };
}

const snapTo = (value: number, step: number) => Math.round(value / step) * step;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The zone a drag from `a` to `b` draws, snapped to the grid and kept inside the canvas (null if it is too small). */
export function drawn(a: { x: number; y: number }, b: { x: number; y: number }, canvas: Canvas): Rect | null {
  const g = gridOf(canvas);
  const x1 = clamp(snapTo(Math.min(a.x, b.x), g.x), 0, canvas.width);
  const y1 = clamp(snapTo(Math.min(a.y, b.y), g.y), 0, canvas.height);
  const x2 = clamp(snapTo(Math.max(a.x, b.x), g.x), 0, canvas.width);
  const y2 = clamp(snapTo(Math.max(a.y, b.y), g.y), 0, canvas.height);
  if (x2 - x1 < 1 || y2 - y1 < 1) return null;
  return whole({ x: x1, y: y1, width: x2 - x1, height: y2 - y1 }, canvas);
}

/** Moved by (dx, dy), snapped, and kept inside the canvas with its size unchanged. */
export function movedBy(rect: Rect, dx: number, dy: number, canvas: Canvas): Rect {
  const g = gridOf(canvas);
  return whole(
    {
      ...rect,
      x: clamp(snapTo(rect.x + dx, g.x), 0, canvas.width - rect.width),
      y: clamp(snapTo(rect.y + dy, g.y), 0, canvas.height - rect.height),
    },
    canvas,
  );
}

/** Its bottom-right corner moved by (dx, dy), snapped, at least one grid step and inside the canvas. */
export function resizedBy(rect: Rect, dx: number, dy: number, canvas: Canvas): Rect {
  const g = gridOf(canvas);
  const right = clamp(snapTo(rect.x + rect.width + dx, g.x), rect.x + g.x, canvas.width);
  const bottom = clamp(snapTo(rect.y + rect.height + dy, g.y), rect.y + g.y, canvas.height);
  return whole({ ...rect, width: right - rect.x, height: bottom - rect.y }, canvas);
}

/** Whole pixels, inside the canvas (the API takes integers and refuses a zone that reaches past the edge). */
export function whole(rect: Rect, canvas: Canvas): Rect {
  const x = clamp(Math.round(rect.x), 0, canvas.width - 1);
  const y = clamp(Math.round(rect.y), 0, canvas.height - 1);
  return {
    x,
    y,
    width: clamp(Math.round(rect.width), 1, canvas.width - x),
    height: clamp(Math.round(rect.height), 1, canvas.height - y),
  };
}
