import {
  ErrorCode,
  type FeedColumn,
  type FeedRow,
  type NumberFormat,
  type Result,
  type SourceColumn,
  err,
  ok,
} from '@baruga/protocol';
import { parseLocaleNumber } from '@baruga/content';

/** A table as a source produced it, before typing: records keyed by field name. */
export interface RawTable {
  /** Field names in the source's order, with a type hint when the source declares one (CKAN's `numeric`). */
  fields: { name: string; hint?: 'number' | 'text' | 'date' }[];
  records: Record<string, unknown>[];
}

export interface Tabulated {
  columns: FeedColumn[];
  rows: FeedRow[];
}

const MAX_COLUMNS = 32;
const MAX_TEXT = 1000;

/** What portals write in an empty numeric cell. */
const PLACEHOLDER = /^\s*([-\u2013\u2014.]|n\/?a|null)?\s*$/i;

/** Whether every non-empty value reads as a number under the format (so the column can be typed number). */
function looksNumeric(values: unknown[], format: NumberFormat): boolean {
  let seen = 0;
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === 'string' && PLACEHOLDER.test(v))) continue;
    if (typeof v === 'number') {
      seen += 1;
      continue;
    }
    if (typeof v !== 'string' || parseLocaleNumber(v, format) === null) return false;
    seen += 1;
  }
  return seen > 0;
}

/**
 * Types a source's records by its column settings (or, with none, by what each field holds): numbers sent as text
 * are read under the column's number format; a value that is not a number becomes null (a blank cell, never a
 * wrong figure). More rows than `maxRows` is an error, not a silent cut: a dashboard's totals must come from all.
 */
export function tabulate(
  raw: RawTable,
  settings: { columns: readonly SourceColumn[]; numberFormat: NumberFormat; maxRows: number },
): Result<Tabulated> {
  if (raw.records.length > settings.maxRows) {
    return err({
      code: ErrorCode.sourceTooManyRows,
      message: `the source has ${raw.records.length} rows, more than its limit of ${settings.maxRows}`,
    });
  }
  const specs: (SourceColumn & { field: string })[] =
    settings.columns.length > 0
      ? settings.columns.map((c) => ({ ...c, field: c.field ?? c.key }))
      : raw.fields
          .filter((f) => !f.name.startsWith('_'))
          .slice(0, MAX_COLUMNS)
          .map((f) => {
            const values = raw.records.slice(0, 200).map((r) => r[f.name]);
            const type = f.hint ?? (looksNumeric(values, settings.numberFormat) ? 'number' : 'text');
            return { key: f.name.slice(0, 64), label: f.name.slice(0, 120), type, field: f.name };
          });
  if (specs.length === 0) return err({ code: ErrorCode.sourceNoTable, message: 'the source has no columns' });

  const rows = raw.records.map((record) => {
    const row: FeedRow = {};
    for (const spec of specs) {
      const value = record[spec.field];
      const format = spec.numberFormat ?? settings.numberFormat;
      if (value === null || value === undefined || value === '') row[spec.key] = null;
      else if (spec.type === 'number') {
        row[spec.key] =
          typeof value === 'number' && Number.isFinite(value)
            ? value
            : typeof value === 'string'
              ? parseLocaleNumber(value, format)
              : null;
      } else row[spec.key] = (typeof value === 'object' ? JSON.stringify(value) : String(value)).slice(0, MAX_TEXT);
    }
    return row;
  });
  const columns = specs.map((s) => ({ key: s.key, label: s.label ?? s.key, type: s.type }));
  return ok({ columns, rows });
}

/** Records from rows that are objects, or arrays whose first row names the fields. */
export function recordsOf(rows: unknown[]): Result<RawTable> {
  if (rows.length === 0) return ok({ fields: [], records: [] });
  if (rows.every((r) => Array.isArray(r))) {
    const [header, ...rest] = rows as unknown[][];
    const names = (header ?? []).map((h) => String(h));
    return ok({
      fields: names.map((name) => ({ name })),
      records: rest.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i]]))),
    });
  }
  if (rows.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) {
    const names = new Set<string>();
    for (const r of rows.slice(0, 200)) for (const k of Object.keys(r as object)) names.add(k);
    return ok({ fields: [...names].map((name) => ({ name })), records: rows as Record<string, unknown>[] });
  }
  return err({ code: ErrorCode.sourceNoTable, message: 'the rows are neither objects nor arrays with a header row' });
}
