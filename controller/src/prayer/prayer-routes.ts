import { PRAYER_NAMES, civilDate, hhmm, prayerTimes } from '@baruga/content';
import { ErrorCode, PrayerTimesQuery, type PrayerTimesView, isKnownTimezone } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { ApiError, parseWith } from '../http/http-errors';

/**
 * `GET /api/prayer-times?lat=&lon=&date=YYYY-MM-DD&tz=`: the same computation players run offline (Kemenag
 * parameters, content/src/prayer), for the console's preview and for scripts. `date` defaults to today in `tz`,
 * `tz` to WITA.
 */
export async function prayerRoutes(app: FastifyInstance) {
  app.get('/api/prayer-times', { config: { access: 'signed-in' } }, async (request): Promise<PrayerTimesView> => {
    const query = parseWith(PrayerTimesQuery, request.query, 'query');
    if (!isKnownTimezone(query.tz)) {
      throw new ApiError(400, ErrorCode.unknownTimezone, `unknown IANA timezone "${query.tz}"`);
    }
    const date = query.date ?? civilDate(Date.now(), query.tz);
    if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      throw new ApiError(400, ErrorCode.validation, `not a calendar date: ${date}`);
    }
    const times = prayerTimes({ lat: query.lat, lon: query.lon }, date);
    const view = Object.fromEntries(PRAYER_NAMES.map((name) => [name, hhmm(times[name], query.tz)]));
    return view as PrayerTimesView; // every PRAYER_NAMES key, each formatted HH:MM
  });
}
