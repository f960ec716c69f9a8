import {
  type CreateScreen,
  FULL_BRIGHTNESS,
  type GeoPoint,
  type Locale,
  ScreenBrightness,
  type ScreenInfo,
} from '@baruga/protocol';
import type { Db } from '../db/database';

export interface ScreenRow {
  id: string;
  name: string;
  width: number;
  height: number;
  timezone: string;
  locale: Locale;
  public: boolean;
  wallId: string | null;
  tileColumn: number | null;
  tileRow: number | null;
  location: GeoPoint | null;
}

interface RawScreen {
  id: string;
  name: string;
  width: number;
  height: number;
  timezone: string;
  locale: string;
  public: number;
  wall_id: string | null;
  tile_column: number | null;
  tile_row: number | null;
  latitude: number | null;
  longitude: number | null;
}

function toScreen(r: RawScreen): ScreenRow {
  return {
    id: r.id,
    name: r.name,
    width: r.width,
    height: r.height,
    timezone: r.timezone,
    locale: r.locale as Locale, // written only through CreateScreen, which validated it
    public: r.public === 1,
    wallId: r.wall_id,
    tileColumn: r.tile_column,
    tileRow: r.tile_row,
    location: r.latitude !== null && r.longitude !== null ? { lat: r.latitude, lon: r.longitude } : null,
  };
}

export function screenInfo(s: ScreenRow): ScreenInfo {
  return {
    id: s.id,
    name: s.name,
    width: s.width,
    height: s.height,
    timezone: s.timezone,
    locale: s.locale,
    public: s.public,
    ...(s.location ? { location: s.location } : {}),
  };
}

export function createScreensRepository(db: Db) {
  const all = db.prepare<[], RawScreen>('SELECT * FROM screens ORDER BY wall_id IS NULL, wall_id, id');
  const one = db.prepare<[string], RawScreen>('SELECT * FROM screens WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO screens (id, name, width, height, timezone, locale, public, wall_id, tile_column, tile_row,
       latitude, longitude, created_at)
     VALUES (@id, @name, @width, @height, @timezone, @locale, @public, @wallId, @tileColumn, @tileRow,
       @latitude, @longitude, @createdAt)`,
  );
  const brightness = db.prepare<[string], { brightness: string | null }>('SELECT brightness FROM screens WHERE id = ?');
  const setBrightness = db.prepare('UPDATE screens SET brightness = ? WHERE id = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM screens');
  const facts = db.prepare<[], { id: string; public: number; latitude: number | null; longitude: number | null }>(
    'SELECT id, public, latitude, longitude FROM screens',
  );
  const locate = db.prepare('UPDATE screens SET latitude = ?, longitude = ? WHERE id = ?');

  return {
    list: (): ScreenRow[] => all.all().map(toScreen),
    get: (id: string): ScreenRow | null => {
      const row = one.get(id);
      return row ? toScreen(row) : null;
    },
    count: (): number => count.get()?.n ?? 0,
    /** What an alert is targeted by, for every screen: read whole for each alert, so only these columns. */
    facts: (): { id: string; public: boolean; location: GeoPoint | null }[] =>
      facts.all().map((r) => ({
        id: r.id,
        public: r.public === 1,
        location: r.latitude !== null && r.longitude !== null ? { lat: r.latitude, lon: r.longitude } : null,
      })),
    create(
      input: Omit<CreateScreen, 'location'> & { location?: GeoPoint | null },
      wall?: { wallId: string; column: number; row: number },
    ): ScreenRow {
      const { location, ...fields } = input;
      insert.run({
        ...fields,
        latitude: location?.lat ?? null,
        longitude: location?.lon ?? null,
        public: input.public ? 1 : 0,
        wallId: wall?.wallId ?? null,
        tileColumn: wall?.column ?? null,
        tileRow: wall?.row ?? null,
        createdAt: new Date().toISOString(),
      });
      const created = one.get(input.id);
      if (!created) throw new Error(`screen ${input.id} vanished after insert`);
      return toScreen(created);
    },
    /** The screen's brightness schedule; full brightness when it has none (or a stored one no longer parses). */
    brightness(id: string): ScreenBrightness {
      const raw = brightness.get(id)?.brightness;
      const parsed = raw ? ScreenBrightness.safeParse(JSON.parse(raw)) : null;
      return parsed?.success ? parsed.data : FULL_BRIGHTNESS;
    },
    setBrightness(id: string, value: ScreenBrightness): void {
      setBrightness.run(JSON.stringify(value), id);
    },
    /** False when no such screen. */
    setLocation(id: string, location: GeoPoint | null): boolean {
      return locate.run(location?.lat ?? null, location?.lon ?? null, id).changes > 0;
    },
  };
}
export type ScreensRepository = ReturnType<typeof createScreensRepository>;
