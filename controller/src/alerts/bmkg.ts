import { ErrorCode, type GeoPoint, type Result, err, ok } from '@baruga/protocol';
import { z } from 'zod';

/**
 * BMKG's earthquake feeds (data.bmkg.go.id, DataMKG/TEWS): `autogempa.json` holds the latest quake as an object,
 * `gempaterkini.json` the latest fifteen of magnitude 5+ as an array, both under `Infogempa.gempa`. `DateTime` is UTC
 * (the `Jam` text is labelled WIB); `Coordinates` is "lat,lon", or read from `Lintang` ("3.55 LS") and `Bujur`
 * ("140.22 BT"). Numbers arrive as text.
 */
const Gempa = z
  .object({
    Tanggal: z.string().optional(),
    Jam: z.string().optional(),
    DateTime: z.string(),
    Coordinates: z.string().optional(),
    Lintang: z.string().optional(),
    Bujur: z.string().optional(),
    Magnitude: z.union([z.string(), z.number()]),
    Kedalaman: z.string().optional(),
    Wilayah: z.string().default(''),
    Potensi: z.string().default(''),
    Dirasakan: z.string().optional(),
  })
  .loose();
const Feed = z.object({ Infogempa: z.object({ gempa: z.union([Gempa, z.array(Gempa)]) }) });

export interface Quake {
  /** Stable across both feeds and every poll: when, where, how strong. */
  key: string;
  at: Date;
  epicentre: GeoPoint;
  magnitude: number;
  depthKm: number | null;
  region: string;
  /** BMKG's words on tsunami potential ("Tidak berpotensi tsunami", "Berpotensi TSUNAMI…"). */
  potential: string;
  tsunami: boolean;
  felt: string | null;
}

/** "3.55 LS" → −3.55 (south), "140.22 BT" → 140.22 (east); LU is north, BB is west. */
function hemisphere(text: string | undefined, negative: string, positive: string): number | null {
  const m = text?.trim().match(/^(-?[\d.,]+)\s*([A-Za-z]+)$/);
  if (!m?.[1] || !m[2]) return null;
  const value = Number(m[1].replace(',', '.'));
  const side = m[2].toUpperCase();
  if (!Number.isFinite(value) || (side !== negative && side !== positive)) return null;
  return side === negative ? -Math.abs(value) : Math.abs(value);
}

function epicentreOf(g: z.infer<typeof Gempa>): GeoPoint | null {
  const [lat, lon] = (g.Coordinates ?? '').split(',').map((n) => Number(n.trim()));
  if (g.Coordinates && Number.isFinite(lat) && Number.isFinite(lon)) return { lat: lat as number, lon: lon as number };
  const fromLat = hemisphere(g.Lintang, 'LS', 'LU');
  const fromLon = hemisphere(g.Bujur, 'BB', 'BT');
  return fromLat !== null && fromLon !== null ? { lat: fromLat, lon: fromLon } : null;
}

/** "2025-03-01T01:03:22+00:00", or a time without a zone, which BMKG means as UTC. */
function utc(text: string): Date | null {
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text.trim()) ? text.trim() : `${text.trim()}Z`;
  const at = new Date(zoned);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The quakes in either feed's JSON (object or array shape); ones without a time, place or magnitude are left out. */
export function parseBmkg(json: unknown): Result<Quake[]> {
  const parsed = Feed.safeParse(json);
  if (!parsed.success) {
    return err({ code: ErrorCode.bmkgMalformed, message: 'not a BMKG earthquake feed (no Infogempa.gempa)' });
  }
  const list = Array.isArray(parsed.data.Infogempa.gempa) ? parsed.data.Infogempa.gempa : [parsed.data.Infogempa.gempa];
  const quakes: Quake[] = [];
  for (const g of list) {
    const at = utc(g.DateTime);
    const epicentre = epicentreOf(g);
    const magnitude = Number(String(g.Magnitude).replace(',', '.'));
    if (!at || !epicentre || !Number.isFinite(magnitude)) continue;
    const depth = Number((g.Kedalaman ?? '').replace(/[^\d.,]/g, '').replace(',', '.'));
    quakes.push({
      key: `${at.toISOString()}|${epicentre.lat.toFixed(2)},${epicentre.lon.toFixed(2)}|${magnitude.toFixed(1)}`,
      at,
      epicentre,
      magnitude,
      depthKm: g.Kedalaman && Number.isFinite(depth) ? depth : null,
      region: g.Wilayah,
      potential: g.Potensi,
      // "Tidak berpotensi tsunami" says no; any other mention of tsunami says it may come.
      tsunami: /tsunami/i.test(g.Potensi) && !/tidak\s+berpotensi/i.test(g.Potensi),
      felt: g.Dirasakan ?? null,
    });
  }
  return ok(quakes);
}
