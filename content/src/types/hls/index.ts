import { HttpUrl } from '@baruga/protocol';
import { z } from 'zod';
import { HexColour, MediaFit } from '../../common-props';
import { defineContentType } from '../../content-type';

/**
 * A live HLS stream by URL (a command-centre camera, a TV channel), played by hls.js. Nothing is cached:
 * when the stream drops, the player reports it and falls back to the last good content.
 */
export const HlsProps = z.object({
  url: HttpUrl,
  fit: MediaFit.default('contain'),
  muted: z.boolean().default(true),
  /** LL-HLS partial segments where the origin offers them: seconds closer to live, more requests. */
  lowLatency: z.boolean().default(false),
  background: HexColour.default('#000000'),
});
export type HlsProps = z.infer<typeof HlsProps>;

export const hlsType = defineContentType<HlsProps>({
  id: 'hls',
  version: 1,
  label: { id: 'Siaran langsung (HLS)', en: 'Live stream (HLS)' },
  props: HlsProps,
  defaults: {
    url: 'https://example.org/live/index.m3u8',
    fit: 'contain',
    muted: true,
    lowLatency: false,
    background: '#000000',
  },
  duration: { defaultMs: 60_000, minMs: 5_000, maxMs: 3_600_000 },
  migrations: {},
  assets: () => [],
  urls: (props) => [props.url],
});
