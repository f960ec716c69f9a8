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

/** Whether a point lies in a CAP area: inside any polygon (edges included) or within any circle. */
export function inArea(point: GeoPoint, area: CapArea): boolean {
  for (const ring of area.polygons) {
    // CAP writes "lat,lon"; GeoJSON wants [lon, lat].
    const polygon = { type: 'Polygon' as const, coordinates: [ring.map(([lat, lon]) => [lon, lat])] };
    if (booleanPointInPolygon([point.lon, point.lat], polygon)) return true;
  }
  return area.circles.some((c) => distanceKm(point, c) <= c.radiusKm);
}

/** Whether an area can be matched against locations at all (a geocode-only area cannot). */
export const hasShape = (area: CapArea) => area.polygons.length > 0 || area.circles.length > 0;
