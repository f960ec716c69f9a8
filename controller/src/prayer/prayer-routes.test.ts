import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

describe('GET /api/prayer-times', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startTestController();
  });
  afterAll(async () => {
    await t.controller.close();
  });
  const get = (query: string) =>
    t.controller.app.inject({ method: 'GET', url: `/api/prayer-times?${query}`, headers: t.auth });

  it('gives Makassar on 2025-03-01 Imsak 04:43 and Subuh 04:53 WITA, every time as HH:MM', async () => {
    const response = await get('lat=-5.14&lon=119.42&date=2025-03-01&tz=Asia/Makassar');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      imsak: '04:43',
      subuh: '04:53',
      terbit: '06:05',
      dhuha: '06:33',
      dzuhur: '12:18',
      ashar: '15:23',
      maghrib: '18:24',
      isya: '19:33',
    });
  });

  it('prints the same instants in another zone, and defaults to WITA', async () => {
    const wib = (await get('lat=-5.14&lon=119.42&date=2025-03-01&tz=Asia/Jakarta')).json();
    expect(wib.subuh).toBe('03:53');
    expect((await get('lat=-5.14&lon=119.42&date=2025-03-01')).json().subuh).toBe('04:53');
  });

  it('refuses what is not a place, a date or a zone', async () => {
    expect((await get('lat=95&lon=119&date=2025-03-01')).json().error.code).toBe('BARUGA_ERR_VALIDATION');
    expect((await get('lat=-5&lon=119&date=1-3-2025')).json().error.code).toBe('BARUGA_ERR_VALIDATION');
    expect((await get('lat=-5&lon=119&tz=Asia/Bugis')).json().error.code).toBe('BARUGA_ERR_UNKNOWN_TIMEZONE');
  });
});
