import { ErrorCode, type Result, err, ok } from '@baruga/protocol';

export interface BoundedFetchOptions {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
  /** Accept header; what the source is expected to be. */
  accept?: string;
}

export interface Fetched {
  status: number;
  contentType: string;
  text: string;
  /** The URL after redirects. */
  url: string;
}

/**
 * One HTTP GET a data source makes: the whole exchange (connect, headers, body) within `timeoutMs`, and never more
 * than `maxBytes` read, whatever the server claims or sends (a 50 MB answer is cut at the limit, not buffered).
 * Non-2xx answers come back with their body so a caller can read an API's own error envelope.
 */
export async function boundedFetch(url: string, options: BoundedFetchOptions): Promise<Result<Fetched>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), options.timeoutMs);
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      redirect: 'follow',
      headers: { accept: options.accept ?? '*/*', 'user-agent': 'Baruga data source', ...options.headers },
    });
    const declared = Number(response.headers.get('content-length') ?? 'NaN');
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      controller.abort();
      return tooLarge(url, options.maxBytes);
    }
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > options.maxBytes) {
          await reader.cancel();
          controller.abort();
          return tooLarge(url, options.maxBytes);
        }
        chunks.push(value);
      }
    }
    const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
    return ok({
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text,
      url: response.url || url,
    });
  } catch (error) {
    if (controller.signal.aborted && isTimeout(controller.signal.reason)) {
      return err({ code: ErrorCode.sourceTimeout, message: `${url} did not answer within ${options.timeoutMs} ms` });
    }
    const reason =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return err({ code: ErrorCode.sourceUnreachable, message: `${url} could not be reached: ${reason}` });
  } finally {
    clearTimeout(timer);
  }
}

const isTimeout = (reason: unknown) => reason instanceof DOMException && reason.name === 'TimeoutError';

function tooLarge(url: string, maxBytes: number): Result<never> {
  return err({
    code: ErrorCode.sourceTooLarge,
    message: `${url} sent more than ${Math.round(maxBytes / 1024)} KiB, the source's limit`,
  });
}

/** A non-2xx answer as a source error, with the start of its body for the operator. */
export function statusError(url: string, fetched: Fetched): Result<never> {
  return err({
    code: ErrorCode.sourceHttpStatus,
    message: `${url} answered HTTP ${fetched.status}${fetched.text ? `: ${fetched.text.slice(0, 200)}` : ''}`,
  });
}
