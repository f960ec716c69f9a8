import crypto from 'node:crypto';
import { type Result, type SourceDefinition, missingCase } from '@baruga/protocol';
import { fetchCkan } from './ckan';
import { fetchCsv } from './csv-source';
import { fetchJson } from './json-source';
import { type Tabulated, tabulate } from './tabulate';

/** One fetch of a source, typed into a table, with a digest that says whether it changed. */
export async function fetchSource(
  definition: SourceDefinition,
  apiToken: string | null,
): Promise<Result<Tabulated & { digest: string }>> {
  const limits = { timeoutMs: definition.timeoutMs, maxBytes: definition.maxBytes };
  let raw;
  switch (definition.kind) {
    case 'ckan':
      raw = await fetchCkan({ ...definition, ...limits, maxRows: definition.maxRows, apiToken });
      break;
    case 'json':
      raw = await fetchJson({ url: definition.url, path: definition.path, ...limits });
      break;
    case 'csv':
      raw = await fetchCsv({ url: definition.url, text: definition.text, ...limits });
      break;
    default:
      return missingCase(definition);
  }
  if (!raw.ok) return raw;
  const table = tabulate(raw.value, definition);
  if (!table.ok) return table;
  const digest = crypto
    .createHash('sha256')
    .update(JSON.stringify([table.value.columns, table.value.rows]))
    .digest('hex');
  return { ok: true, value: { ...table.value, digest } };
}
