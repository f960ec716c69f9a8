import type { CapArea } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { areaTest } from './area';

/** An L-shaped area around Makassar (CAP order: lat,lon), and a 10 km circle around Palu. */
const AREA: CapArea = {
  areaDesc: 'Makassar dan Palu',
  polygons: [
    [
      [-5.0, 119.3],
      [-5.0, 119.5],
      [-5.1, 119.5],
      [-5.1, 119.4],
      [-5.2, 119.4],
      [-5.2, 119.3],
      [-5.0, 119.3],
    ],
  ],
  circles: [{ lat: -0.9, lon: 119.87, radiusKm: 10 }],
  geocodes: [],
};

describe('which screen locations lie in a CAP area', () => {
  const inArea = areaTest(AREA);

  it('finds points inside the polygon, on its edge, and in the circle', () => {
    expect(inArea({ lat: -5.05, lon: 119.45 })).toBe(true);
    expect(inArea({ lat: -5.15, lon: 119.35 })).toBe(true);
    expect(inArea({ lat: -5.0, lon: 119.4 })).toBe(true);
    expect(inArea({ lat: -0.95, lon: 119.87 })).toBe(true);
  });

  it('leaves out points outside, in the notch of the L, or just past the circle', () => {
    expect(inArea({ lat: -5.15, lon: 119.45 })).toBe(false);
    expect(inArea({ lat: -6.2, lon: 106.82 })).toBe(false);
    expect(inArea({ lat: -0.9, lon: 120.0 })).toBe(false);
  });
});
