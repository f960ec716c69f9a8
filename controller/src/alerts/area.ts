import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { CapArea, GeoPoint } from '@baruga/protocol';

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance (haversine), in kilometres. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The test whether a point lies in a CAP area: inside any polygon (edges included) or within any circle. Built once
 * per area and asked once per screen: each ring is turned into GeoJSON and bounded once, not for every screen (a
 * polygon of 100,000 points over 10,000 screens was a billion points copied).
 */
export function areaTest(area: CapArea): (point: GeoPoint) => boolean {
  const rings = area.polygons.map((ring) => {
    const box = { minLat: Infinity, maxLat: -Infinity, minLon: Infinity, maxLon: -Infinity };
    for (const [lat, lon] of ring) {
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
      box.minLon = Math.min(box.minLon, lon);
      box.maxLon = Math.max(box.maxLon, lon);
    }
    // CAP writes "lat,lon"; GeoJSON wants [lon, lat].
    return { box, polygon: { type: 'Polygon' as const, coordinates: [ring.map(([lat, lon]) => [lon, lat])] } };
  });
  return (point) =>
    rings.some(
      ({ box, polygon }) =>
        point.lat >= box.minLat &&
        point.lat <= box.maxLat &&
        point.lon >= box.minLon &&
        point.lon <= box.maxLon &&
        booleanPointInPolygon([point.lon, point.lat], polygon),
    ) || area.circles.some((c) => distanceKm(point, c) <= c.radiusKm);
}

/** Whether an area can be matched against locations at all (a geocode-only area cannot). */
export const hasShape = (area: CapArea) => area.polygons.length > 0 || area.circles.length > 0;
