import { HttpUrl } from '@baruga/protocol';
import { z } from 'zod';
import { defineContentType } from '../../content-type';

/** A web page (a dashboard, a news page) in a sandboxed frame: no popups, no navigating the player away. */
export const WebPageProps = z.object({
  url: HttpUrl,
  /** Reload every this many seconds (0: never). The new page loads behind the old one, then swaps. */
  refreshS: z
    .int()
    .refine((s) => s === 0 || (s >= 10 && s <= 86_400), 'must be 0 (never) or 10–86400 seconds')
    .default(0),
  /** Page zoom: 2 shows a 960-pixel-wide layout across a 1920-pixel screen. */
  zoom: z.number().min(0.25).max(4).default(1),
});
export type WebPageProps = z.infer<typeof WebPageProps>;

export const webPageType = defineContentType<WebPageProps>({
  id: 'web-page',
  version: 1,
  label: { id: 'Halaman web', en: 'Web page' },
  props: WebPageProps,
  defaults: { url: 'https://example.org/', refreshS: 0, zoom: 1 },
  duration: { defaultMs: 30_000, minMs: 5_000, maxMs: 3_600_000 },
  migrations: {},
  assets: () => [],
  urls: (props) => [props.url],
});
