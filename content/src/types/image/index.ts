import { z } from 'zod';
import { Sha256Hex } from '@baruga/protocol';
import { defineContentType } from '../../content-type';

export const ImageProps = z.object({
  asset: Sha256Hex,
  fit: z.enum(['cover', 'contain']).default('cover'),
  alt: z.string().max(300).default(''),
  background: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#000000'),
});
export type ImageProps = z.infer<typeof ImageProps>;

export const imageType = defineContentType<ImageProps>({
  id: 'image',
  version: 1,
  label: { id: 'Gambar', en: 'Image' },
  props: ImageProps,
  defaults: { asset: '0'.repeat(64), fit: 'cover', alt: '', background: '#000000' },
  duration: { defaultMs: 10_000, minMs: 2_000, maxMs: 3_600_000 },
  migrations: {},
  assets: (props) => [props.asset],
});
