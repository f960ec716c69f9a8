import { z } from 'zod';
import { defineContentType } from '../../content-type';

/** A clock and date in the screen's timezone and locale (WITA and id-ID unless the screen says otherwise). */
export const ClockProps = z.object({
  showDate: z.boolean().default(true),
  showSeconds: z.boolean().default(false),
  caption: z.string().trim().max(120).optional(),
});
export type ClockProps = z.infer<typeof ClockProps>;

export const clockType = defineContentType<ClockProps>({
  id: 'clock',
  version: 1,
  label: { id: 'Jam', en: 'Clock' },
  props: ClockProps,
  defaults: { showDate: true, showSeconds: false },
  duration: { defaultMs: 10_000, minMs: 2_000, maxMs: 3_600_000 },
  migrations: {},
  assets: () => [],
});
