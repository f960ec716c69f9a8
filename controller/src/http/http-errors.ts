import { ErrorCode, issueErrorCode } from '@baruga/protocol';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** An error the API reports as-is: an HTTP status, a stable code, and a message a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Headers the answer carries (`Retry-After` on a 429). */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

/**
 * Parses untrusted input through a protocol schema; never `as T`. A refusal keeps the specific code a schema
 * attached to it (a control character in a name, an unknown timezone), so every route answers the same code for
 * the same mistake; anything else is a plain validation error.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what = 'request body'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ApiError(
      400,
      issueErrorCode(parsed.error) ?? ErrorCode.validation,
      `invalid ${what}: ${z.prettifyError(parsed.error)}`,
      z.treeifyError(parsed.error),
    );
  }
  return parsed.data;
}

/** Fastify's own errors mapped onto our catalogue, so clients see one vocabulary. */
const FASTIFY_CODES: Readonly<Record<string, { status: number; code: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: ErrorCode.payloadTooLarge },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: ErrorCode.unsupportedMediaType },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: ErrorCode.validation },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: ErrorCode.malformedJson },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: ErrorCode.malformedJson },
};

/**
 * A 4xx that neither we nor Fastify named (a plugin's 403, a 405…): the code follows from the status, so a client
 * still branches on a code from the catalogue and never on a message.
 */
const BY_STATUS: Readonly<Record<number, string>> = {
  401: ErrorCode.unauthorized,
  403: ErrorCode.forbidden,
  404: ErrorCode.notFound,
  413: ErrorCode.payloadTooLarge,
  414: ErrorCode.uriTooLong,
  415: ErrorCode.unsupportedMediaType,
  429: ErrorCode.tooManyRequests,
  431: ErrorCode.headersTooLarge,
};

/** Node's and SQLite's words for a full disk (or a used-up quota). */
const STORAGE_FULL: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** The one error body (docs/api.md, "Errors"). */
export const errorBody = (code: string, message: string, details?: unknown) => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

/**
 * Errors Fastify's router raises before any route or hook runs (a path parameter over 100 characters, a URL that
 * does not decode), in the same shape as every other error. Passed as Fastify's `frameworkErrors` option.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(414).send(errorBody(ErrorCode.uriTooLong, 'a path segment is longer than 100 characters'));
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    void reply.status(400).send(errorBody(ErrorCode.badRequest, 'the URL does not decode'));
    return;
  }
  reply.log.error({ err: error }, 'router error');
  void reply.status(500).send(errorBody(ErrorCode.internal, 'internal error; see the controller log'));
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers over the limit, a method or request
 * line that does not parse, a request that took too long to arrive): written straight to the socket, but in the
 * documented shape. Passed as Fastify's `clientErrorHandler` option.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, ErrorCode.headersTooLarge, 'the request headers are larger than the controller accepts (16 KiB)']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, ErrorCode.badRequest, 'the request did not arrive in time']
        : [400, ErrorCode.badRequest, 'the request is not valid HTTP'];
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    // Answered before the body was read (a refused upload): the rest of it is still on the way, and would be
    // read as the next request on this connection. Close it after this answer (RFC 9112 §9.6).
    if (!request.raw.complete) reply.header('Connection', 'close');
    if (error instanceof ApiError) {
      if (error.statusCode === 503) reply.header('Retry-After', '5');
      if (error.headers) reply.headers(error.headers);
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      return reply.status(mapped.status).send({ error: { code: mapped.code, message: error.message } });
    }
    if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
      return reply
        .status(400)
        .send({ error: { code: ErrorCode.malformedJson, message: 'request body is not valid JSON' } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code =
        BY_STATUS[error.statusCode] ?? (error.statusCode === 400 ? ErrorCode.validation : ErrorCode.badRequest);
      return reply.status(error.statusCode).send({ error: { code, message: error.message } });
    }
    if (STORAGE_FULL.has(String((error as { code?: unknown }).code))) {
      // A full disk is the operator's to fix, and nothing half-written stays (temp files are removed, SQLite
      // rolls the transaction back): say so plainly rather than "internal error".
      request.log.error({ err: error }, 'storage full');
      return reply.status(507).send({
        error: {
          code: ErrorCode.storageFull,
          message: "the controller's disk is full; nothing was stored. Free space in BARUGA_DATA and try again",
        },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: ErrorCode.internal, message: 'internal error; see the controller log' } });
  });
  // Fastify's own 503 while closing is a bare body of its own shape; this one says the same in ours, and
  // `return503OnClosing: false` (controller.ts) lets it.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('Connection', 'close');
    throw new ApiError(503, ErrorCode.shuttingDown, 'the controller is shutting down; try again in a moment');
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: { code: ErrorCode.notFound, message: `no route for ${request.method} ${request.url}` } });
  });
}
