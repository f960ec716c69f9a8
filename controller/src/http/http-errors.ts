import { ErrorCode } from '@baruga/protocol';
import type { FastifyError, FastifyInstance } from 'fastify';
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

/** Parses untrusted input through a protocol schema; never `as T`. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what = 'request body'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ApiError(
      400,
      ErrorCode.validation,
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

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
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
      return reply.status(error.statusCode).send({ error: { code: ErrorCode.validation, message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: ErrorCode.internal, message: 'internal error; see the controller log' } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: { code: ErrorCode.notFound, message: `no route for ${request.method} ${request.url}` } });
  });
}
