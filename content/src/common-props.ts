import { z } from 'zod';

/** Props fields several content types share. */

export const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #000000');

/** How a picture or video sits on its surface. */
export const MediaFit = z.enum(['cover', 'contain']);
export type MediaFit = z.infer<typeof MediaFit>;

/** The MIME type of an HLS playlist, as stored and as served. */
export const HLS_MIME = 'application/vnd.apple.mpegurl';
