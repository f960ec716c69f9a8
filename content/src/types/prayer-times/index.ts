import { GeoPoint } from '@baruga/protocol';
import { z } from 'zod';
import { HexColour } from '../../common-props';
import { defineContentType } from '../../content-type';

/**
 * Today's prayer times for the screen's location (Kemenag parameters, computed on the player, offline), the next one
 * with a countdown, and the Hijri date with the operator's day offset.
 */
export const PrayerTimesProps = z.object({
  title: z.string().trim().max(120).default('Jadwal Salat'),
  titleEn: z.string().trim().max(120).default('Prayer times'),
  /** Where to compute for, when not the screen's own location (a kiosk showing another city). */
  location: GeoPoint.optional(),
  /** The place's name under the title ("Kota Makassar"). */
  place: z.string().trim().max(120).optional(),
  /** Official month starts can differ from the Umm al-Qura calendar by a day or two. */
  hijriOffsetDays: z.int().min(-3).max(3).default(0),
  showImsak: z.boolean().default(true),
  background: HexColour.default('#062a1f'),
  accent: HexColour.default('#fbbf24'),
});
export type PrayerTimesProps = z.output<typeof PrayerTimesProps>;

export const prayerTimesType = defineContentType<PrayerTimesProps>({
  id: 'prayer-times',
  version: 1,
  label: { id: 'Jadwal salat', en: 'Prayer times' },
  props: PrayerTimesProps,
  defaults: {
    title: 'Jadwal Salat',
    titleEn: 'Prayer times',
    hijriOffsetDays: 0,
    showImsak: true,
    background: '#062a1f',
    accent: '#fbbf24',
  },
  duration: { defaultMs: 15_000, minMs: 3_000, maxMs: 3_600_000 },
  migrations: {},
  assets: () => [],
});
