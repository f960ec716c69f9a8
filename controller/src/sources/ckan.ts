import { ErrorCode, type Result, err, ok } from '@baruga/protocol';
import { z } from 'zod';
import { boundedFetch, statusError } from './bounded-fetch';
import type { RawTable } from './tabulate';

/** The parts of CKAN's action API envelope Baruga reads (docs.ckan.org, "API guide"). */
const CkanError = z.object({
  success: z.literal(false),
  error: z.object({ message: z.string().optional(), __type: z.string().optional() }).loose(),
});
const CkanPage = z.object({
  success: z.literal(true),
  result: z.object({
    fields: z.array(z.object({ id: z.string(), type: z.string().optional() })).default([]),
    records: z.array(z.record(z.string(), z.unknown())),
    total: z.number().int().min(0).optional(),
    _links: z.object({ next: z.string().optional() }).optional(),
  }),
});

export interface CkanQuery {
  url: string;
  resourceId: string;
  filters?: Record<string, string | number | boolean> | undefined;
  q?: string | undefined;
  sort?: string | undefined;
  pageSize: number;
  apiToken?: string | null | undefined;
  timeoutMs: number;
  maxBytes: number;
  maxRows: number;
}

const NUMERIC = /^(int|float|numeric|double|real|bigint|smallint|decimal)/i;
const DATE = /^(timestamp|date|time)/i;

function firstPage(q: CkanQuery): string {
  const url = new URL('api/3/action/datastore_search', q.url.endsWith('/') ? q.url : `${q.url}/`);
  url.searchParams.set('resource_id', q.resourceId);
  url.searchParams.set('limit', String(q.pageSize));
  url.searchParams.set('offset', '0');
  if (q.filters && Object.keys(q.filters).length > 0) url.searchParams.set('filters', JSON.stringify(q.filters));
  if (q.q) url.searchParams.set('q', q.q);
  if (q.sort) url.searchParams.set('sort', q.sort);
  return url.toString();
}

function parsePage(text: string, url: string): Result<z.infer<typeof CkanPage>['result']> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ code: ErrorCode.sourceMalformed, message: `${url} did not answer with JSON` });
  }
  const failed = CkanError.safeParse(json);
  if (failed.success) {
    const e = failed.data.error;
    return err({
      code: ErrorCode.sourceCkanError,
      message: `CKAN refused: ${[e.__type, e.message].filter(Boolean).join(': ') || 'no reason given'}`,
    });
  }
  const page = CkanPage.safeParse(json);
  if (!page.success) {
    return err({ code: ErrorCode.sourceMalformed, message: `${url} is not a CKAN datastore_search answer` });
  }
  return ok(page.data.result);
}

/**
 * CKAN's `datastore_search` for one resource, paged through `_links.next` until `total` rows are in, as Satu Data
 * portals serve it. The next link is followed only on the portal's own origin, so the API token never leaves it;
 * paging stops at an empty page, at `total`, and at the row limit (more rows than allowed is an error). Bytes count
 * across pages against one limit.
 */
export async function fetchCkan(q: CkanQuery): Promise<Result<RawTable>> {
  const origin = new URL(q.url).origin;
  const headers: Record<string, string> = q.apiToken ? { authorization: q.apiToken } : {};
  const records: Record<string, unknown>[] = [];
  let fields: RawTable['fields'] = [];
  let next: string | null = firstPage(q);
  let bytesLeft = q.maxBytes;
  const maxPages = Math.ceil(q.maxRows / q.pageSize) + 1;
  for (let page = 0; next && page < maxPages; page++) {
    const fetched = await boundedFetch(next, {
      timeoutMs: q.timeoutMs,
      maxBytes: bytesLeft,
      headers,
      accept: 'application/json',
    });
    if (!fetched.ok) return fetched;
    bytesLeft -= Buffer.byteLength(fetched.value.text);
    const result = parsePage(fetched.value.text, next);
    // CKAN answers errors with 4xx and its own envelope: its message beats "HTTP 404".
    if (!result.ok)
      return fetched.value.status >= 400 && result.error.code !== ErrorCode.sourceCkanError
        ? statusError(next, fetched.value)
        : result;
    if (fetched.value.status >= 400) return statusError(next, fetched.value);
    if (page === 0) {
      fields = result.value.fields
        .filter((f) => f.id !== '_id' && f.id !== '_full_text')
        .map((f) => ({
          name: f.id,
          ...(f.type && NUMERIC.test(f.type) ? { hint: 'number' as const } : {}),
          ...(f.type && DATE.test(f.type) ? { hint: 'date' as const } : {}),
        }));
    }
    const total = result.value.total;
    if (total !== undefined && total > q.maxRows) {
      return err({
        code: ErrorCode.sourceTooManyRows,
        message: `the resource has ${total} rows, more than the source's limit of ${q.maxRows}`,
      });
    }
    records.push(...result.value.records);
    if (result.value.records.length === 0 || (total !== undefined && records.length >= total)) break;
    if (records.length > q.maxRows) break;
    const link = result.value._links?.next;
    if (!link) break;
    const resolved = new URL(link, origin);
    if (resolved.origin !== origin) {
      return err({
        code: ErrorCode.sourceMalformed,
        message: `CKAN's next page points off the portal (${resolved.origin})`,
      });
    }
    next = resolved.toString();
  }
  return ok({ fields, records });
}
