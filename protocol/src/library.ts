import { z } from 'zod';
import { IsoInstant, Sha256Hex, Slug, UNSAFE_TEXT_CHARS, safeText } from './ids';

/** Bodies of the content library API (docs/api.md, "Content library"). */

/** Characters that must never reach a display name or a file name (ids.ts, UNSAFE_TEXT_CHARS). */
export const UNSAFE_NAME_CHARS = UNSAFE_TEXT_CHARS;

export const LibraryKind = z.enum(['image', 'video', 'stream']);
export type LibraryKind = z.infer<typeof LibraryKind>;

export const ItemName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(safeText.check, { message: safeText.message, params: safeText.params });

/** Tags are lowercase words an operator filters by ("lebaran", "dinas-kesehatan"). */
export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u, 'must be letters, digits, spaces, dots, dashes or underscores');

/** Only http(s): a live stream or web page URL can never be javascript:, data: or file:. */
export const HttpUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const ContentUsage = z.object({
  inUse: z.boolean(),
  /** Screens whose loop or overlays hold an item that uses this content. */
  screens: z.array(Slug),
  /** How many items (in screens' loops and overlays, in playlists and in layouts' zones) use it. */
  items: z.int().min(0),
  /** Playlists holding an item that uses it (events put them on screens). */
  playlists: z.array(z.string()),
  /** Layouts with a zone holding an item that uses it (events put them on screens). */
  layouts: z.array(z.string()),
  /** Screens whose currently published manifest still carries it (republish to release it). */
  publishedOn: z.array(Slug),
  /** "used by 3 items on 2 screens, in 1 playlist and in 1 layout", for the console to show as is. */
  summary: z.string(),
});
export type ContentUsage = z.infer<typeof ContentUsage>;

export const RenditionFit = z.enum(['cover', 'contain', 'fill']);
export type RenditionFit = z.infer<typeof RenditionFit>;

export const RenditionView = z.object({
  sha256: Sha256Hex,
  width: z.int(),
  height: z.int(),
  fit: RenditionFit,
  mime: z.string(),
  size: z.int(),
});
export type RenditionView = z.infer<typeof RenditionView>;

export const LibraryItem = z.object({
  id: z.uuid(),
  kind: LibraryKind,
  name: z.string(),
  tags: z.array(z.string()),
  mime: z.string(),
  /** Bytes of the stored source (0 for a stream). */
  size: z.int().min(0),
  width: z.int().nullable(),
  height: z.int().nullable(),
  durationMs: z.int().nullable(),
  /** What content props refer to (an image's or video's `asset`); null for a stream. */
  asset: Sha256Hex.nullable(),
  /** A stream's URL; null for files. */
  url: z.string().nullable(),
  /** Small preview for the console, served at /content/<sha256>. */
  thumbnail: Sha256Hex.nullable(),
  /** A video's poster frame (the `poster` prop of a video item). */
  poster: Sha256Hex.nullable(),
  /** How a video reaches players: the MP4 itself, or an HLS (VOD) package for large files. */
  delivery: z.enum(['file', 'hls']).nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  usage: ContentUsage.optional(),
  renditions: z.array(RenditionView).optional(),
});
export type LibraryItem = z.infer<typeof LibraryItem>;

export const LibraryQuery = z.object({
  kind: LibraryKind.optional(),
  tag: Tag.optional(),
  /** Case-insensitive substring of the name. */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** Newest first by default; a `-` before a field sorts it descending. */
  sort: z.enum(['createdAt', '-createdAt', 'name', '-name', 'size', '-size']).default('-createdAt'),
});
export type LibraryQuery = z.infer<typeof LibraryQuery>;

export const LibraryPage = z.object({
  items: z.array(LibraryItem),
  total: z.int(),
  limit: z.int(),
  offset: z.int(),
  nextOffset: z.int().nullable(),
});
export type LibraryPage = z.infer<typeof LibraryPage>;

export const UpdateLibraryItem = z
  .object({ name: ItemName.optional(), tags: z.array(Tag).max(20).optional() })
  .refine((b) => b.name !== undefined || b.tags !== undefined, 'give a name, tags, or both');
export type UpdateLibraryItem = z.infer<typeof UpdateLibraryItem>;

/** Query string of POST /api/content (the body is multipart with one field, `file`). */
export const UploadQuery = z.object({
  /** Client-chosen id to follow progress at GET /api/content/uploads/:uploadId. */
  uploadId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, dashes or underscores')
    .optional(),
  name: ItemName.optional(),
  /** Comma-separated. */
  tags: z.string().max(1000).optional(),
});
export type UploadQuery = z.infer<typeof UploadQuery>;

export const UploadResult = z.object({
  item: LibraryItem,
  /** The same bytes were already in the library: this is that item, unchanged. */
  deduplicated: z.boolean(),
});
export type UploadResult = z.infer<typeof UploadResult>;

export const UploadPhase = z.enum(['receiving', 'processing', 'done', 'failed']);
export type UploadPhase = z.infer<typeof UploadPhase>;

export const UploadProgress = z.object({
  uploadId: z.string(),
  phase: UploadPhase,
  receivedBytes: z.int().min(0),
  /** From Content-Length; null when the client did not send one. */
  totalBytes: z.int().min(0).nullable(),
  /** What processing is doing now ("thumbnail", "rendition 1920×1080", "hls"). */
  step: z.string().nullable(),
  stepsDone: z.int().min(0),
  stepsTotal: z.int().min(0),
  /** 0–1 over upload and processing together: receiving counts for the first half. */
  fraction: z.number().min(0).max(1),
  itemId: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  updatedAt: IsoInstant,
});
export type UploadProgress = z.infer<typeof UploadProgress>;

export const CreateStream = z.object({
  name: ItemName,
  url: HttpUrl,
  tags: z.array(Tag).max(20).default([]),
});
export type CreateStream = z.infer<typeof CreateStream>;

export const TagCount = z.object({ tag: z.string(), count: z.int() });
export type TagCount = z.infer<typeof TagCount>;

export const GcReport = z.object({
  removedBlobs: z.int(),
  freedBytes: z.int(),
  keptBlobs: z.int(),
  /** Unreferenced but younger than the grace period (an upload may be about to claim them). */
  skippedYoung: z.int(),
});
export type GcReport = z.infer<typeof GcReport>;
