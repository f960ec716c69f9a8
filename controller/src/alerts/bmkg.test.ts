import { BmkgSettings, ErrorCode } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { autogempa, gempaterkini } from '../testing/bmkg-fixtures';
import { distanceKm } from './area';
import { parseBmkg } from './bmkg';
import { noticeOfQuake } from './notices';

const MAKASSAR = { lat: -5.14, lon: 119.42 };

describe('BMKG earthquake feeds', () => {
  it('reads autogempa (an object): UTC time, coordinates, magnitude, depth, tsunami potential', () => {
    const at = new Date('2025-03-01T02:03:22Z');
    const quakes = parseBmkg(autogempa(at));
    expect(quakes.ok && quakes.value).toEqual([
      {
        key: '2025-03-01T02:03:22.000Z|-4.85,119.12|6.2',
        at,
        epicentre: { lat: -4.85, lon: 119.12 },
        magnitude: 6.2,
        depthKm: 10,
        region: 'Pusat gempa berada di laut 45 km BaratLaut Makassar',
        potential: 'Berpotensi TSUNAMI untuk diteruskan pada masyarakat',
        tsunami: true,
        felt: 'IV Makassar, III Maros',
      },
    ]);
  });

  it('reads gempaterkini (an array), placing a quake by Lintang and Bujur when Coordinates is absent', () => {
    const quakes = parseBmkg(gempaterkini(new Date('2025-03-01T03:00:00Z')));
    if (!quakes.ok) throw new Error(quakes.error.message);
    expect(quakes.value.map((q) => [q.epicentre, q.magnitude, q.tsunami])).toEqual([
      [{ lat: -5.4, lon: 119.8 }, 5.3, false],
      [{ lat: -3.55, lon: 140.22 }, 5.6, false],
      [{ lat: -5.1, lon: 119.5 }, 5.8, false],
    ]);
    // Times are UTC, whatever the Jam text's WIB says.
    expect(quakes.value[0]?.at.toISOString()).toBe('2025-03-01T02:57:00.000Z');
  });

  it('refuses what is not its feed, and leaves out a quake it cannot place', () => {
    expect(parseBmkg({ data: [] })).toMatchObject({ ok: false, error: { code: ErrorCode.bmkgMalformed } });
    const unplaced = autogempa(new Date());
    unplaced.Infogempa.gempa.Coordinates = 'x';
    unplaced.Infogempa.gempa.Lintang = 'dekat';
    expect(parseBmkg(unplaced)).toEqual({ ok: true, value: [] });
  });

  it('measures distance to a screen, and credits BMKG with the time in WITA', () => {
    const quake = parseBmkg(autogempa(new Date('2025-03-01T02:03:22Z')));
    if (!quake.ok || !quake.value[0]) throw new Error('no quake');
    expect(distanceKm(MAKASSAR, quake.value[0].epicentre)).toBeGreaterThan(40);
    expect(distanceKm(MAKASSAR, quake.value[0].epicentre)).toBeLessThan(50);
    const notice = noticeOfQuake(
      quake.value[0],
      Date.parse('2025-03-01T02:04:00Z'),
      BmkgSettings.parse({}).durationMinutes,
      true,
    );
    expect(notice).toMatchObject({ severity: 'Extreme', credit: 'Sumber · Source: BMKG' });
    expect(notice.texts[0]?.description).toMatch(/^1 Maret pukul 10\.03 WITA, kedalaman 10 km\. Berpotensi TSUNAMI/);
  });
});
