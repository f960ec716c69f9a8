import type { z } from 'zod';
import { parseWith } from './http-errors';

/**
 * Kept for the routes that named it: parseWith now keeps the specific code a schema attached to a refusal (an
 * unknown timezone, a window that ends before it starts…), so clients can branch on more than "invalid".
 */
export function parseCoded<S extends z.ZodType>(schema: S, input: unknown, what = 'request body'): z.infer<S> {
  return parseWith(schema, input, what);
}
