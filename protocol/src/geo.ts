import { z } from 'zod';

/** Where a screen stands (WGS 84 degrees), for CAP areas, BMKG distances and prayer times. */
export const GeoPoint = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof GeoPoint>;
