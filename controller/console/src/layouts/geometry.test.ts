import { describe, expect, it } from 'vitest';
import { drawn, gridOf, movedBy, resizedBy, whole } from './geometry';

const HD = { width: 1920, height: 1080 };

describe('zones on a canvas', () => {
  it('snaps a drawn zone to a 40-pixel grid on full HD, whichever way it was dragged', () => {
    expect(gridOf(HD)).toEqual({ x: 40, y: 40 });
    expect(drawn({ x: 1275, y: 1075 }, { x: 12, y: 8 }, HD)).toEqual({ x: 0, y: 0, width: 1280, height: 1080 });
    expect(drawn({ x: 1290, y: 10 }, { x: 1930, y: 1100 }, HD)).toEqual({ x: 1280, y: 0, width: 640, height: 1080 });
    // A click is not a zone.
    expect(drawn({ x: 100, y: 100 }, { x: 105, y: 103 }, HD)).toBeNull();
  });

  it('moves and resizes within the canvas, never past its edges', () => {
    const zone = { x: 0, y: 0, width: 1280, height: 1080 };
    expect(movedBy(zone, 900, 0, HD)).toEqual({ x: 640, y: 0, width: 1280, height: 1080 });
    expect(movedBy(zone, -50, -50, HD)).toEqual(zone);
    expect(resizedBy(zone, 2000, 0, HD)).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(resizedBy(zone, -5000, -5000, HD)).toEqual({ x: 0, y: 0, width: 40, height: 40 });
  });

  it('keeps odd canvases in whole pixels (a 960 × 320 videotron)', () => {
    const videotron = { width: 960, height: 320 };
    const zone = drawn({ x: 0, y: 250 }, { x: 960, y: 320 }, videotron);
    expect(zone).toEqual({ x: 0, y: 249, width: 960, height: 71 });
    expect(whole({ x: 10.6, y: -3, width: 2000, height: 0.2 }, videotron)).toEqual({
      x: 11,
      y: 0,
      width: 949,
      height: 1,
    });
  });
});
