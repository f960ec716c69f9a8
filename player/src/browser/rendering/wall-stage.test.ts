import { describe, expect, it } from 'vitest';
import { visibleRect } from './wall-stage';

describe('what a wall tile shows of a zone', () => {
  // The lounge's top right tile: 1920×1080 at (1926, 0) on a 3846×2166 canvas.
  const viewport = { x: 1926, y: 0, width: 1920, height: 1080 };

  it('is the overlap, in the zone`s own pixels', () => {
    // A running text along the bottom of the top row, across the whole canvas.
    expect(visibleRect({ x: 0, y: 900, width: 3846, height: 180 }, viewport)).toEqual({
      x: 1926,
      y: 0,
      width: 1920,
      height: 180,
    });
    // The clock in the wall's top right corner lies wholly inside this tile.
    expect(visibleRect({ x: 2946, y: 60, width: 840, height: 320 }, viewport)).toEqual({
      x: 0,
      y: 0,
      width: 840,
      height: 320,
    });
  });

  it('is nothing for a zone on another tile, or one that lies only behind the bezel', () => {
    expect(visibleRect({ x: 0, y: 1200, width: 1000, height: 500 }, viewport)).toBeNull();
    // The 6 px between the left tile's last pixel (1919) and this tile's first (1926).
    expect(visibleRect({ x: 1920, y: 0, width: 6, height: 1080 }, viewport)).toBeNull();
  });
});
