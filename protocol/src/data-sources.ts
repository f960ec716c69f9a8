import { z } from 'zod';
import { IsoInstant, Slug } from './ids';
import { HttpUrl, ItemName } from './library';

/**
 * Data sources (docs/data.md): where data widgets get their rows. The controller fetches each source on its
 * interval, keeps the last good table in SQLite, and sends it to players on the source's feed topic.
 */

export const SourceKind = z.enum(['ckan', 'json', 'csv']);
export type SourceKind = z.infer<typeof SourceKind>;

/** `date` columns keep their text (ISO or as the portal writes it); widgets print them as they are. */
export const ColumnType = z.enum(['number', 'text', 'date']);
export type ColumnType = z.infer<typeof ColumnType>;

/**
 * How numbers sent as text are written: `id` reads "1.234,5" (dots group thousands, a comma is the decimal
 * mark), `en` reads "1,234.5". Plain machine numbers ("1234.5") read the same under both.
 */
export const NumberFormat = z.enum(['id', 'en']);
export type NumberFormat = z.infer<typeof NumberFormat>;

/** A column key: what widgets name in their props (`valueKey`), and the field it is read from. */
export const ColumnKey = z
  .string()
  .min(1)
  .max(64)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f]+$/, 'must not contain control characters');

export const SourceColumn = z.object({
  key: ColumnKey,
  label: z.string().trim().max(120).optional(),
  type: ColumnType.default('text'),
  /** The field's name in the source when it differs from `key` (a CKAN field "Realisasi (Rp)"). */
  field: ColumnKey.optional(),
  /** Overrides the source's `numberFormat` for this column. */
  numberFormat: NumberFormat.optional(),
});
export type SourceColumn = z.infer<typeof SourceColumn>;

const KiB = 1024;
const MiB = 1024 * KiB;

/** Limits every source has; the defaults suit a dashboard, the maxima keep one source from hurting the rest. */
const common = {
  name: ItemName,
  /** Who the data comes from, printed on screen under every widget that shows it ("BPKAD Sulawesi Selatan"). */
  credit: z.string().trim().max(160).default(''),
  refreshS: z.int().min(30).max(86_400).default(300),
  timeoutMs: z.int().min(1000).max(60_000).default(10_000),
  maxBytes: z
    .int()
    .min(KiB)
    .max(20 * MiB)
    .default(5 * MiB),
  maxRows: z.int().min(1).max(10_000).default(1000),
  numberFormat: NumberFormat.default('id'),
  /** Absent or empty: every field of the first rows, typed by what they hold. */
  columns: z.array(SourceColumn).max(32).default([]),
};

/** CKAN's `datastore_search` on one resource; paged through `_links.next` until `total` rows (or `maxRows`). */
const ckanSpec = {
  kind: z.literal('ckan'),
  /** The portal's base URL (`https://data.example.go.id`); `/api/3/action/datastore_search` is added. */
  url: HttpUrl,
  resourceId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a CKAN resource id'),
  filters: z.record(z.string().max(100), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
  q: z.string().max(200).optional(),
  sort: z.string().max(200).optional(),
  pageSize: z.int().min(1).max(32_000).default(1000),
  /** Sent as `Authorization`; write-only: views say only whether one is set. `null` on PUT removes it. */
  apiToken: z.string().min(1).max(500).nullable().optional(),
};

/**
 * Any JSON over HTTP: `path` selects the rows inside the document, dotted with optional indexes
 * (`result.records`, `data.items[0].rows`); empty means the document itself. Rows are objects, or arrays whose
 * first row names the columns.
 */
const jsonSpec = {
  kind: z.literal('json'),
  url: HttpUrl,
  path: z
    .string()
    .max(200)
    .regex(/^(|[^.[\]]+(\[\d+\])*(\.[^.[\]]+(\[\d+\])*)*)$/, 'must be dotted names with optional [n] indexes')
    .default(''),
};

/** A CSV file: uploaded with the source (`text`) or fetched from `url`; the first row names the columns. */
const csvSpec = {
  kind: z.literal('csv'),
  url: HttpUrl.optional(),
  text: z
    .string()
    .max(4 * MiB)
    .optional(),
};

const oneCsvOrigin = (s: { kind: SourceKind; url?: string | undefined; text?: string | undefined }) =>
  s.kind !== 'csv' || (s.url === undefined) !== (s.text === undefined);
const ONE_CSV_ORIGIN = { message: 'a csv source takes either url or text (an upload), not both', path: ['url'] };

export const CreateSource = z
  .discriminatedUnion('kind', [
    z.object({ id: Slug, ...common, ...ckanSpec }),
    z.object({ id: Slug, ...common, ...jsonSpec }),
    z.object({ id: Slug, ...common, ...csvSpec }),
  ])
  .refine(oneCsvOrigin, ONE_CSV_ORIGIN);
export type CreateSource = z.infer<typeof CreateSource>;

/** PUT replaces the definition (the id stays); an absent `apiToken` keeps the one stored. */
export const UpdateSource = z
  .discriminatedUnion('kind', [
    z.object({ ...common, ...ckanSpec }),
    z.object({ ...common, ...jsonSpec }),
    z.object({ ...common, ...csvSpec }),
  ])
  .refine(oneCsvOrigin, ONE_CSV_ORIGIN);
export type UpdateSource = z.infer<typeof UpdateSource>;

/** A definition as stored (the token included); never sent to a client as is. */
export type SourceDefinition = UpdateSource;

export const FeedColumn = z.object({
  key: ColumnKey,
  label: z.string().max(120),
  type: ColumnType,
});
export type FeedColumn = z.infer<typeof FeedColumn>;

export const FeedValue = z.union([z.string().max(1000), z.number(), z.null()]);
export type FeedValue = z.infer<typeof FeedValue>;
export const FeedRow = z.record(ColumnKey, FeedValue);
export type FeedRow = z.infer<typeof FeedRow>;

export const SourceError = z.object({ code: z.string(), message: z.string().max(1000) });
export type SourceError = z.infer<typeof SourceError>;

/** `GET /api/sources/:id/data`: the last good table, and whether the newest fetch failed (then `error` says why). */
export const SourceData = z.object({
  columns: z.array(FeedColumn).max(32),
  rows: z.array(FeedRow).max(10_000),
  fetchedAt: IsoInstant.nullable(),
  stale: z.boolean(),
  error: SourceError.optional(),
});
export type SourceData = z.infer<typeof SourceData>;

export const SourceStatus = z.object({
  /** When the rows shown were fetched; null before the first good fetch. */
  fetchedAt: IsoInstant.nullable(),
  /** When the source was last tried, good or not. */
  checkedAt: IsoInstant.nullable(),
  stale: z.boolean(),
  error: SourceError.nullable(),
  rows: z.int().min(0),
  /** Grows by one each time the rows change; players compare it. */
  version: z.int().min(0),
  nextRefreshAt: IsoInstant.nullable(),
});
export type SourceStatus = z.infer<typeof SourceStatus>;

export const SourceView = z.object({
  id: Slug,
  name: z.string(),
  kind: SourceKind,
  credit: z.string(),
  refreshS: z.int(),
  timeoutMs: z.int(),
  maxBytes: z.int(),
  maxRows: z.int(),
  numberFormat: NumberFormat,
  columns: z.array(SourceColumn),
  url: z.string().nullable(),
  /** ckan */
  resourceId: z.string().optional(),
  filters: z.record(z.string(), z.unknown()).optional(),
  q: z.string().optional(),
  sort: z.string().optional(),
  pageSize: z.int().optional(),
  apiTokenSet: z.boolean(),
  /** json */
  path: z.string().optional(),
  /** csv: whether the rows come from an uploaded file */
  uploaded: z.boolean(),
  status: SourceStatus,
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type SourceView = z.infer<typeof SourceView>;

/**
 * A feed's snapshot on MQTT (`baruga/v1/feeds/<source>/data`, retained): what every player showing the source
 * needs, so one that connects later, or comes back online, has it at once.
 */
export const FeedSnapshot = z.object({
  sourceId: Slug,
  version: z.int().min(0),
  name: z.string().max(200),
  credit: z.string().max(160),
  columns: z.array(FeedColumn).max(32),
  rows: z.array(FeedRow).max(10_000),
  fetchedAt: IsoInstant.nullable(),
  checkedAt: IsoInstant.nullable(),
  stale: z.boolean(),
  error: SourceError.nullable(),
});
export type FeedSnapshot = z.infer<typeof FeedSnapshot>;

/**
 * A feed's update (`baruga/v1/feeds/<source>/update`, not retained): a refresh that found the same rows, or
 * failed, without the rows. Players apply it to the snapshot of the same `version` they hold.
 */
export const FeedUpdate = z.object({
  sourceId: Slug,
  version: z.int().min(0),
  fetchedAt: IsoInstant.nullable(),
  checkedAt: IsoInstant,
  stale: z.boolean(),
  error: SourceError.nullable(),
});
export type FeedUpdate = z.infer<typeof FeedUpdate>;
