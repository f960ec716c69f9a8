import { ErrorCode, type Result, err, ok } from '@baruga/protocol';
import { boundedFetch, statusError } from './bounded-fetch';
import { type RawTable, recordsOf } from './tabulate';

/** `result.records[0].rows` → ['result', 'records', 0, 'rows']. */
export function pathSteps(path: string): (string | number)[] {
  if (path === '') return [];
  return path.split('.').flatMap((part) => {
    const [name, ...indexes] = part.split('[');
    return [name ?? '', ...indexes.map((i) => Number(i.replace(']', '')))];
  });
}

/** The rows inside a JSON document at `path`, or why there are none. */
export function select(document: unknown, path: string): Result<unknown[]> {
  let at: unknown = document;
  for (const step of pathSteps(path)) {
    if (at === null || typeof at !== 'object') {
      return err({ code: ErrorCode.sourceNoTable, message: `nothing at "${path}" (stopped at ${String(step)})` });
    }
    at = (at as Record<string | number, unknown>)[step];
  }
  if (!Array.isArray(at)) {
    return err({ code: ErrorCode.sourceNoTable, message: `"${path || '(the document)'}" is not a list of rows` });
  }
  return ok(at);
}

export async function fetchJson(spec: {
  url: string;
  path: string;
  timeoutMs: number;
  maxBytes: number;
}): Promise<Result<RawTable>> {
  const fetched = await boundedFetch(spec.url, { ...spec, accept: 'application/json' });
  if (!fetched.ok) return fetched;
  if (fetched.value.status >= 400) return statusError(spec.url, fetched.value);
  let document: unknown;
  try {
    document = JSON.parse(fetched.value.text);
  } catch (error) {
    return err({
      code: ErrorCode.sourceMalformed,
      message: `${spec.url} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const rows = select(document, spec.path);
  return rows.ok ? recordsOf(rows.value) : rows;
}
