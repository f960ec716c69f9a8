import { UNSAFE_NAME_CHARS } from '@baruga/protocol';
import { z } from 'zod';
import { HexColour } from '../../common-props';
import { defineContentType } from '../../content-type';

export const RUNNING_TEXT_MAX = 2000;

/**
 * Teks berjalan: one line of text crossing the screen at a fixed speed. Its position comes from the clock,
 * not from frame counts, so every screen showing it moves in step and a dropped frame loses nothing.
 */
export const RunningTextProps = z.object({
  text: z
    .string()
    .trim()
    .min(1)
    .max(RUNNING_TEXT_MAX)
    .refine((s) => !UNSAFE_NAME_CHARS.test(s), 'must be one line without control characters'),
  /** Pixels per second. */
  speed: z.int().min(20).max(800).default(120),
  /** rtl: enters at the right edge and runs left, as people read; ltr the other way. */
  direction: z.enum(['rtl', 'ltr']).default('rtl'),
  /** Between repetitions of the text. */
  separator: z.string().max(10).default(' • '),
  /** Font size as a share of the height of the zone it runs in. */
  fontScale: z.number().min(0.05).max(0.9).default(0.5),
  color: HexColour.default('#ffffff'),
  background: HexColour.default('#0b3d91'),
});
export type RunningTextProps = z.infer<typeof RunningTextProps>;

export const runningTextType = defineContentType<RunningTextProps>({
  id: 'running-text',
  version: 1,
  label: { id: 'Teks berjalan', en: 'Running text' },
  props: RunningTextProps,
  defaults: {
    text: 'Selamat datang',
    speed: 120,
    direction: 'rtl',
    separator: ' • ',
    fontScale: 0.5,
    color: '#ffffff',
    background: '#0b3d91',
  },
  duration: { defaultMs: 20_000, minMs: 2_000, maxMs: 3_600_000 },
  migrations: {},
  assets: () => [],
});
