import { Sha256Hex } from '@baruga/protocol';
import { z } from 'zod';
import { HLS_MIME, HexColour, MediaFit } from '../../common-props';
import { defineContentType } from '../../content-type';

/**
 * A video file from the library. The operator picks the library item (its `asset` and `poster`); when the
 * controller delivers the item it swaps `asset` for what players fetch (the MP4, or its HLS package for large
 * files) and says which in `delivery`, and sends the poster as a rendition at the screen's size.
 */
export const VideoProps = z.object({
  asset: Sha256Hex,
  /** Shown until the first frame is decoded, so the screen is never black. */
  poster: Sha256Hex.optional(),
  fit: MediaFit.default('contain'),
  /** Chromium plays sound only where the host allows autoplay with audio; muted always starts. */
  muted: z.boolean().default(true),
  /** Starts again when the clip is shorter than the item's duration. */
  loop: z.boolean().default(true),
  background: HexColour.default('#000000'),
  /** Set by the controller on delivery. */
  delivery: z.enum(['file', 'hls']).default('file'),
});
export type VideoProps = z.infer<typeof VideoProps>;

export const videoType = defineContentType<VideoProps>({
  id: 'video',
  version: 1,
  label: { id: 'Video', en: 'Video' },
  props: VideoProps,
  defaults: {
    asset: '0'.repeat(64),
    fit: 'contain',
    muted: true,
    loop: true,
    background: '#000000',
    delivery: 'file',
  },
  // The console proposes the clip's own length; an operator may cut it short or loop it.
  duration: { defaultMs: 30_000, minMs: 1_000, maxMs: 3_600_000 },
  migrations: {},
  assets: (props) => (props.poster ? [props.asset, props.poster] : [props.asset]),
  // The poster is a still picture: an MP4 as a poster never paints.
  assetFields: { asset: 'video', poster: 'image' },
  deliver(props, deliver) {
    const video = deliver(props.asset);
    return {
      ...props,
      asset: video.sha256,
      delivery: video.mime === HLS_MIME ? 'hls' : 'file',
      ...(props.poster
        ? { poster: deliver(props.poster, { fit: props.fit, background: props.background }).sha256 }
        : {}),
    };
  },
});
