import {
  type FeedColumn,
  type FeedRow,
  type SourceDefinition,
  type SourceError,
  type SourceKind,
  UpdateSource,
} from '@baruga/protocol';
import type { Db } from '../db/database';

export interface StoredSource {
  id: string;
  kind: SourceKind;
  /** The definition without its token. */
  definition: SourceDefinition;
  apiToken: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredData {
  version: number;
  columns: FeedColumn[];
  rows: FeedRow[];
  rowCount: number;
  digest: string;
  fetchedAt: string | null;
  checkedAt: string | null;
  error: SourceError | null;
}

interface RawSource {
  id: string;
  kind: string;
  definition: string;
  api_token: string | null;
  created_at: string;
  updated_at: string;
}

interface RawData {
  version: number;
  columns: string;
  rows: string;
  row_count: number;
  digest: string;
  fetched_at: string | null;
  checked_at: string | null;
  error_code: string | null;
  error_message: string | null;
}

function toSource(r: RawSource): StoredSource {
  // Written only through UpdateSource; parsed again so a hand-edited row cannot reach a fetcher unchecked.
  const definition = UpdateSource.parse(JSON.parse(r.definition));
  return {
    id: r.id,
    kind: definition.kind,
    definition,
    apiToken: r.api_token,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toData(r: RawData): StoredData {
  return {
    version: r.version,
    columns: JSON.parse(r.columns) as FeedColumn[], // written by recordGood from a tabulated table
    rows: JSON.parse(r.rows) as FeedRow[],
    rowCount: r.row_count,
    digest: r.digest,
    fetchedAt: r.fetched_at,
    checkedAt: r.checked_at,
    error: r.error_code && r.error_message ? { code: r.error_code, message: r.error_message } : null,
  };
}

/** Keeps the token out of the stored document: it is its own column, never in a definition a client reads. */
function withoutToken(definition: SourceDefinition): SourceDefinition {
  if (definition.kind !== 'ckan') return definition;
  const { apiToken: _dropped, ...rest } = definition;
  return rest;
}

/** Sources and their last good tables; the only code that writes them. */
export function createSourcesRepository(db: Db) {
  const all = db.prepare<[], RawSource>('SELECT * FROM sources ORDER BY id');
  const one = db.prepare<[string], RawSource>('SELECT * FROM sources WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO sources (id, kind, definition, api_token, created_at, updated_at)
     VALUES (@id, @kind, @definition, @apiToken, @at, @at)`,
  );
  const update = db.prepare(
    'UPDATE sources SET kind = @kind, definition = @definition, api_token = @apiToken, updated_at = @at WHERE id = @id',
  );
  const remove = db.prepare('DELETE FROM sources WHERE id = ?');
  const data = db.prepare<[string], RawData>('SELECT * FROM source_data WHERE source_id = ?');
  const good = db.prepare(
    `INSERT INTO source_data (source_id, version, columns, rows, row_count, digest, fetched_at, checked_at)
     VALUES (@id, 1, @columns, @rows, @rowCount, @digest, @at, @at)
     ON CONFLICT (source_id) DO UPDATE SET
       version = source_data.version + (source_data.digest != excluded.digest),
       columns = excluded.columns, rows = excluded.rows, row_count = excluded.row_count,
       digest = excluded.digest, fetched_at = excluded.fetched_at, checked_at = excluded.checked_at,
       error_code = NULL, error_message = NULL`,
  );
  const failure = db.prepare(
    `INSERT INTO source_data (source_id, version, columns, rows, row_count, digest, checked_at, error_code, error_message)
     VALUES (@id, 0, '[]', '[]', 0, '', @at, @code, @message)
     ON CONFLICT (source_id) DO UPDATE SET checked_at = excluded.checked_at,
       error_code = excluded.error_code, error_message = excluded.error_message`,
  );
  const forget = db.prepare('DELETE FROM source_data WHERE source_id = ?');

  return {
    list: (): StoredSource[] => all.all().map(toSource),
    get(id: string): StoredSource | null {
      const row = one.get(id);
      return row ? toSource(row) : null;
    },
    create(id: string, definition: SourceDefinition, apiToken: string | null): void {
      const at = new Date().toISOString();
      insert.run({ id, kind: definition.kind, definition: JSON.stringify(withoutToken(definition)), apiToken, at });
    },
    /** A new definition replaces the old one, and the old rows go: they answered another question. */
    replace(id: string, definition: SourceDefinition, apiToken: string | null): void {
      const at = new Date().toISOString();
      db.transaction(() => {
        update.run({ id, kind: definition.kind, definition: JSON.stringify(withoutToken(definition)), apiToken, at });
        forget.run(id);
      })();
    },
    remove: (id: string): boolean => remove.run(id).changes > 0,
    data(id: string): StoredData | null {
      const row = data.get(id);
      return row ? toData(row) : null;
    },
    /** A good fetch: the version grows only when the rows changed. */
    recordGood(id: string, table: { columns: FeedColumn[]; rows: FeedRow[]; digest: string }, at: string): StoredData {
      good.run({
        id,
        columns: JSON.stringify(table.columns),
        rows: JSON.stringify(table.rows),
        rowCount: table.rows.length,
        digest: table.digest,
        at,
      });
      const stored = data.get(id);
      if (!stored) throw new Error(`source ${id} has no data after a good fetch`);
      return toData(stored);
    },
    /** A failed fetch keeps the last good rows and records why. */
    recordFailure(id: string, error: SourceError, at: string): StoredData {
      failure.run({ id, at, code: error.code, message: error.message.slice(0, 1000) });
      const stored = data.get(id);
      if (!stored) throw new Error(`source ${id} has no data after a failed fetch`);
      return toData(stored);
    },
  };
}
export type SourcesRepository = ReturnType<typeof createSourcesRepository>;
