import { HttpUrl, Slug, type SourceKind, type SourceView, type UpdateSource } from '@baruga/protocol';
import type { z } from 'zod';

/** What the source form holds: a new source, or an existing one being edited. */
export interface SourceDraft {
  id: string;
  name: string;
  kind: SourceKind;
  url: string;
  resourceId: string;
  /** Empty: none for a new source, the stored one kept for an existing source. */
  apiToken: string;
  path: string;
  /** An uploaded CSV file's text; null: the rows come from `url` (or from the file uploaded before). */
  csv: string | null;
  credit: string;
  refreshS: number;
}

export type SourceProblem = 'id' | 'url' | 'csv';

export const emptySourceDraft = (): SourceDraft => ({
  id: '',
  name: '',
  kind: 'ckan',
  url: '',
  resourceId: '',
  apiToken: '',
  path: '',
  csv: null,
  credit: '',
  refreshS: 300,
});

export const sourceDraftOf = (view: SourceView): SourceDraft => ({
  id: view.id,
  name: view.name,
  kind: view.kind,
  url: view.url ?? '',
  resourceId: view.resourceId ?? '',
  apiToken: '',
  path: view.path ?? '',
  csv: null,
  credit: view.credit,
  refreshS: view.refreshS,
});

/** What stops the draft from being tried or saved; `before` is the stored source when editing. */
export function sourceProblems(draft: SourceDraft, before: SourceView | null): SourceProblem[] {
  const problems: SourceProblem[] = [];
  if (!before && !Slug.safeParse(draft.id).success) problems.push('id');
  const urlOk = HttpUrl.safeParse(draft.url.trim()).success;
  if (draft.kind === 'csv') {
    if (draft.csv === null && !urlOk) problems.push(draft.url.trim() ? 'url' : 'csv');
  } else if (!urlOk) problems.push('url');
  return problems;
}

const scalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * The definition the API takes. Editing keeps what this form does not show (limits, columns, CKAN filters), so
 * saving the form never loses them; a stored API token is kept unless a new one is typed.
 */
export function sourceDefinition(draft: SourceDraft, before: SourceView | null): z.input<typeof UpdateSource> {
  const kept = before
    ? {
        timeoutMs: before.timeoutMs,
        maxBytes: before.maxBytes,
        maxRows: before.maxRows,
        numberFormat: before.numberFormat,
        columns: before.columns,
      }
    : {};
  const common = {
    ...kept,
    name: draft.name.trim() || draft.id,
    credit: draft.credit.trim(),
    refreshS: draft.refreshS,
  };
  const url = draft.url.trim();
  switch (draft.kind) {
    case 'ckan': {
      const same = before?.kind === 'ckan';
      const filters =
        same && before.filters
          ? Object.entries(before.filters).filter((e): e is [string, string | number | boolean] => scalar(e[1]))
          : [];
      return {
        ...common,
        kind: 'ckan',
        url,
        resourceId: draft.resourceId.trim(),
        ...(draft.apiToken ? { apiToken: draft.apiToken } : {}),
        ...(filters.length ? { filters: Object.fromEntries(filters) } : {}),
        ...(same && before.q ? { q: before.q } : {}),
        ...(same && before.sort ? { sort: before.sort } : {}),
        ...(same && before.pageSize ? { pageSize: before.pageSize } : {}),
      };
    }
    case 'json':
      return { ...common, kind: 'json', url, path: draft.path.trim() };
    case 'csv':
      return { ...common, kind: 'csv', ...(draft.csv !== null ? { text: draft.csv } : { url }) };
  }
}
