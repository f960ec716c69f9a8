import { ErrorCode, issueErrorCode } from '@baruga/protocol';
import { z } from 'zod';
import { ApiError } from './http-errors';

/**
 * Like parseWith, but a refusal keeps the specific code the schema attached to it (an unknown timezone, a
 * window that ends before it starts…), so clients can branch on more than "invalid".
 */
export function parseCoded<S extends z.ZodType>(schema: S, input: unknown, what = 'request body'): z.infer<S> {
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
