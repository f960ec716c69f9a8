import { Sha256Hex } from '@baruga/protocol';
import { z } from 'zod';
import { HexColour } from '../../common-props';
import { defineContentType } from '../../content-type';

export const FocalPoint = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) });
export type FocalPoint = z.infer<typeof FocalPoint>;

/**
 * A still picture. The controller sends each screen a rendition at its exact pixel size (see `deliver`), so
 * the player never scales it: `fit` and `focal` decide how that rendition is cut from the original.
 */
export const ImageProps = z.object({
  asset: Sha256Hex,
  /** cover: fill the screen, cropping; contain: whole picture, bars in `background`; fill: stretch. */
  fit: z.enum(['cover', 'contain', 'fill']).default('cover'),
  /** What a cover crop keeps in view (0–1 from the left and the top); the centre when absent. */
  focal: FocalPoint.optional(),
  alt: z.string().max(300).default(''),
  background: HexColour.default('#000000'),
});
export type ImageProps = z.infer<typeof ImageProps>;

export const imageType = defineContentType<ImageProps>({
  id: 'image',
  version: 2,
  label: { id: 'Gambar', en: 'Image' },
  props: ImageProps,
  defaults: { asset: '0'.repeat(64), fit: 'cover', alt: '', background: '#000000' },
  duration: { defaultMs: 10_000, minMs: 2_000, maxMs: 3_600_000 },
  migrations: {
    // v2 added `fit: "fill"` and `focal`; every v1 document is a valid v2 document as it stands.
    1: (props) => props,
  },
  assets: (props) => [props.asset],
  assetFields: { asset: 'image' },
  deliver: (props, deliver) => ({
    ...props,
    asset: deliver(props.asset, { fit: props.fit, focal: props.focal, background: props.background }).sha256,
  }),
});
