import { ErrorCode, type Result, err, ok } from '@baruga/protocol';
import Papa from 'papaparse';
import { boundedFetch, statusError } from './bounded-fetch';
import type { RawTable } from './tabulate';

/**
 * A CSV whose first row names the columns. The delimiter is detected (Indonesian spreadsheets export `;`, since the
 * comma is their decimal mark); values stay text until the columns' types read them.
 */
export function parseCsv(text: string): Result<RawTable> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    dynamicTyping: false,
  });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.code === 'UndetectableDelimiter');
  if (fatal && parsed.data.length === 0) {
    return err({ code: ErrorCode.sourceMalformed, message: `not a CSV table: ${fatal.message}` });
  }
  const names = (parsed.meta.fields ?? []).filter((f) => f !== '');
  if (names.length === 0) return err({ code: ErrorCode.sourceNoTable, message: 'the CSV has no header row' });
  return ok({ fields: names.map((name) => ({ name })), records: parsed.data });
}

export async function fetchCsv(spec: {
  url?: string | undefined;
  text?: string | undefined;
  timeoutMs: number;
  maxBytes: number;
}): Promise<Result<RawTable>> {
  if (spec.text !== undefined) return parseCsv(spec.text);
  if (!spec.url) return err({ code: ErrorCode.sourceNoTable, message: 'a CSV source needs a file or a URL' });
  const fetched = await boundedFetch(spec.url, { ...spec, accept: 'text/csv, text/plain, */*' });
  if (!fetched.ok) return fetched;
  if (fetched.value.status >= 400) return statusError(spec.url, fetched.value);
  return parseCsv(fetched.value.text);
}
