import { z } from 'zod';
import { defineContentType } from '../../content-type';

export const TEXT_BODY_MAX = 1000;
export const TEXT_TITLE_MAX = 200;

const Translation = z.object({
  title: z.string().trim().max(TEXT_TITLE_MAX).optional(),
  body: z.string().trim().min(1).max(TEXT_BODY_MAX),
});

/** A text announcement (pengumuman): Indonesian first, an optional English rendering below it. */
export const TextProps = z.object({
  title: z.string().trim().max(TEXT_TITLE_MAX).optional(),
  body: z.string().trim().min(1).max(TEXT_BODY_MAX),
  en: Translation.optional(),
  tone: z.enum(['info', 'warning']).default('info'),
});
export type TextProps = z.infer<typeof TextProps>;

export const textType = defineContentType<TextProps>({
  id: 'text',
  version: 1,
  label: { id: 'Pengumuman', en: 'Announcement' },
  props: TextProps,
  defaults: { body: 'Selamat datang', tone: 'info' },
  duration: { defaultMs: 10_000, minMs: 2_000, maxMs: 600_000 },
  migrations: {},
  assets: () => [],
});
