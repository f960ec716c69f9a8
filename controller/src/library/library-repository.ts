import type { LibraryKind, LibraryQuery, RenditionFit } from '@baruga/protocol';

type LibrarySort = LibraryQuery['sort'];
import type { Db } from '../db/database';

export interface LibraryRow {
  id: string;
  kind: LibraryKind;
  name: string;
  fileName: string | null;
  uploadSha256: string | null;
  sourceSha256: string | null;
  url: string | null;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  thumbnailSha256: string | null;
  posterSha256: string | null;
  deliverySha256: string | null;
  meta: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

interface RawItem {
  id: string;
  kind: string;
  name: string;
  file_name: string | null;
  upload_sha256: string | null;
  source_sha256: string | null;
  url: string | null;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  thumbnail_sha256: string | null;
  poster_sha256: string | null;
  delivery_sha256: string | null;
  meta: string;
  created_at: string;
  updated_at: string;
}

const toRow = (r: RawItem): LibraryRow => ({
  id: r.id,
  kind: r.kind as LibraryKind, // CHECK constraint: one of the three
  name: r.name,
  fileName: r.file_name,
  uploadSha256: r.upload_sha256,
  sourceSha256: r.source_sha256,
  url: r.url,
  mime: r.mime,
  size: r.size,
  width: r.width,
  height: r.height,
  durationMs: r.duration_ms,
  thumbnailSha256: r.thumbnail_sha256,
  posterSha256: r.poster_sha256,
  deliverySha256: r.delivery_sha256,
  meta: JSON.parse(r.meta) as Record<string, unknown>, // written by us
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type NewLibraryItem = Omit<LibraryRow, 'createdAt' | 'updatedAt'>;

export interface LibraryFilter {
  kind?: LibraryKind | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
  /** Newest first when not given. */
  sort?: LibrarySort | undefined;
}

const LIBRARY_ORDER: Readonly<Record<LibrarySort, string>> = {
  createdAt: 'i.created_at ASC, i.id',
  '-createdAt': 'i.created_at DESC, i.id',
  name: 'i.name ASC, i.id',
  '-name': 'i.name DESC, i.id',
  size: 'i.size ASC, i.id',
  '-size': 'i.size DESC, i.id',
};

export interface RenditionKey {
  sourceSha256: string;
  width: number;
  height: number;
  fit: RenditionFit;
  /** '' for the centre, else 'x,y'. */
  focal: string;
  background: string;
}

export interface RenditionRow extends RenditionKey {
  sha256: string;
}

/** LIKE with the operator's text taken literally. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createLibraryRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO library_items (id, kind, name, file_name, upload_sha256, source_sha256, url, mime, size, width, height,
       duration_ms, thumbnail_sha256, poster_sha256, delivery_sha256, meta, created_at, updated_at)
     VALUES (@id, @kind, @name, @fileName, @uploadSha256, @sourceSha256, @url, @mime, @size, @width, @height,
       @durationMs, @thumbnailSha256, @posterSha256, @deliverySha256, @meta, @now, @now)`,
  );
  const byId = db.prepare<[string], RawItem>('SELECT * FROM library_items WHERE id = ?');
  const byUpload = db.prepare<[string], RawItem>('SELECT * FROM library_items WHERE upload_sha256 = ?');
  const bySource = db.prepare<[string], RawItem>('SELECT * FROM library_items WHERE source_sha256 = ?');
  const byUrl = db.prepare<[string], RawItem>('SELECT * FROM library_items WHERE url = ?');
  const allItems = db.prepare<[], RawItem>('SELECT * FROM library_items');
  const rename = db.prepare('UPDATE library_items SET name = ?, updated_at = ? WHERE id = ?');
  const touch = db.prepare('UPDATE library_items SET updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM library_items WHERE id = ?');
  const tagsOf = db.prepare<[string], { tag: string }>('SELECT tag FROM library_tags WHERE item_id = ? ORDER BY tag');
  const tagsOfMany = db.prepare<[string], { item_id: string; tag: string }>(
    'SELECT item_id, tag FROM library_tags WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, tag',
  );
  const clearTags = db.prepare('DELETE FROM library_tags WHERE item_id = ?');
  const addTag = db.prepare('INSERT OR IGNORE INTO library_tags (item_id, tag) VALUES (?, ?)');
  const tagCounts = db.prepare<[], { tag: string; count: number }>(
    'SELECT tag, count(*) AS count FROM library_tags GROUP BY tag ORDER BY count DESC, tag',
  );

  const oneRendition = db.prepare<[string, number, number, string, string, string], { sha256: string }>(
    `SELECT sha256 FROM renditions
     WHERE source_sha256 = ? AND width = ? AND height = ? AND fit = ? AND focal = ? AND background = ?`,
  );
  const insertRendition = db.prepare(
    `INSERT OR IGNORE INTO renditions (source_sha256, width, height, fit, focal, background, sha256, created_at)
     VALUES (@sourceSha256, @width, @height, @fit, @focal, @background, @sha256, @now)`,
  );
  const renditionsOf = db.prepare<
    [string],
    {
      source_sha256: string;
      width: number;
      height: number;
      fit: string;
      focal: string;
      background: string;
      sha256: string;
    }
  >('SELECT * FROM renditions WHERE source_sha256 = ? ORDER BY width DESC, height DESC');
  const allRenditions = db.prepare<[], { source_sha256: string; sha256: string }>(
    'SELECT source_sha256, sha256 FROM renditions',
  );
  const removeRenditionsOf = db.prepare('DELETE FROM renditions WHERE sha256 = ? OR source_sha256 = ?');

  const insertPart = db.prepare(
    'INSERT OR IGNORE INTO blob_parts (parent_sha256, position, part_sha256) VALUES (?, ?, ?)',
  );
  const partsOf = db.prepare<[string], { part_sha256: string }>(
    'SELECT part_sha256 FROM blob_parts WHERE parent_sha256 = ? ORDER BY position',
  );
  const allParts = db.prepare<[], { parent_sha256: string; part_sha256: string }>(
    'SELECT parent_sha256, part_sha256 FROM blob_parts',
  );
  const removePartsOf = db.prepare('DELETE FROM blob_parts WHERE parent_sha256 = ? OR part_sha256 = ?');

  function find(statement: typeof byId, key: string): LibraryRow | null {
    const row = statement.get(key);
    return row ? toRow(row) : null;
  }

  return {
    insert(item: NewLibraryItem, tags: readonly string[] = []): LibraryRow {
      const now = new Date().toISOString();
      insert.run({ ...item, meta: JSON.stringify(item.meta), now });
      for (const tag of tags) addTag.run(item.id, tag);
      const row = byId.get(item.id);
      if (!row) throw new Error(`library item ${item.id} vanished after insert`);
      return toRow(row);
    },
    get: (id: string) => find(byId, id),
    byUpload: (sha256: string) => find(byUpload, sha256),
    bySource: (sha256: string) => find(bySource, sha256),
    byUrl: (url: string) => find(byUrl, url),
    all: (): LibraryRow[] => allItems.all().map(toRow),

    list(filter: LibraryFilter): { rows: LibraryRow[]; total: number } {
      const where: string[] = [];
      const params: Record<string, string | number> = {};
      if (filter.kind) {
        where.push('i.kind = @kind');
        params.kind = filter.kind;
      }
      if (filter.tag) {
        where.push('EXISTS (SELECT 1 FROM library_tags t WHERE t.item_id = i.id AND t.tag = @tag)');
        params.tag = filter.tag;
      }
      if (filter.q) {
        where.push("i.name LIKE @q ESCAPE '\\'");
        params.q = likePattern(filter.q);
      }
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const total = db.prepare<Record<string, string | number>, { n: number }>(
        `SELECT count(*) AS n FROM library_items i ${clause}`,
      );
      const page = db.prepare<Record<string, string | number>, RawItem>(
        `SELECT i.* FROM library_items i ${clause} ORDER BY ${LIBRARY_ORDER[filter.sort ?? '-createdAt']} LIMIT @limit OFFSET @offset`,
      );
      return {
        rows: page.all({ ...params, limit: filter.limit, offset: filter.offset }).map(toRow),
        total: total.get(params)?.n ?? 0,
      };
    },

    rename(id: string, name: string): boolean {
      return rename.run(name, new Date().toISOString(), id).changes > 0;
    },
    tags: (id: string): string[] => tagsOf.all(id).map((r) => r.tag),
    /** The tags of a page of items in one query, not one a row. */
    tagsOfMany(ids: readonly string[]): Map<string, string[]> {
      const byItem = new Map<string, string[]>();
      for (const r of tagsOfMany.all(JSON.stringify(ids))) {
        const list = byItem.get(r.item_id) ?? [];
        list.push(r.tag);
        byItem.set(r.item_id, list);
      }
      return byItem;
    },
    setTags(id: string, tags: readonly string[]): void {
      db.transaction(() => {
        clearTags.run(id);
        for (const tag of tags) addTag.run(id, tag);
        touch.run(new Date().toISOString(), id);
      })();
    },
    tagCounts: () => tagCounts.all(),
    remove: (id: string): boolean => remove.run(id).changes > 0,

    rendition(key: RenditionKey): string | null {
      return (
        oneRendition.get(key.sourceSha256, key.width, key.height, key.fit, key.focal, key.background)?.sha256 ?? null
      );
    },
    addRendition(row: RenditionRow): void {
      insertRendition.run({ ...row, now: new Date().toISOString() });
    },
    renditionsOf: (sourceSha256: string): RenditionRow[] =>
      renditionsOf.all(sourceSha256).map((r) => ({
        sourceSha256: r.source_sha256,
        width: r.width,
        height: r.height,
        fit: r.fit as RenditionFit, // CHECK constraint
        focal: r.focal,
        background: r.background,
        sha256: r.sha256,
      })),
    allRenditions: () => allRenditions.all().map((r) => ({ sourceSha256: r.source_sha256, sha256: r.sha256 })),

    addParts(parentSha256: string, parts: readonly string[]): void {
      parts.forEach((part, position) => insertPart.run(parentSha256, position, part));
    },
    partsOf: (parentSha256: string): string[] => partsOf.all(parentSha256).map((r) => r.part_sha256),
    allParts: () => allParts.all().map((r) => ({ parentSha256: r.parent_sha256, partSha256: r.part_sha256 })),

    /** Rows that name a blob the garbage collector is about to remove. */
    forgetBlob(sha256: string): void {
      removeRenditionsOf.run(sha256, sha256);
      removePartsOf.run(sha256, sha256);
    },
  };
}
export type LibraryRepository = ReturnType<typeof createLibraryRepository>;
