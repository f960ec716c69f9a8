import type { z } from 'zod';

/** A message payload read as JSON and checked against its schema, or which of the two it failed. */
export type Decoded<T> =
  { ok: true; value: T } | { ok: false; problem: 'is not JSON' | 'failed its schema'; issues: z.core.$ZodIssue[] };

/** Every MQTT message a player sends is decoded here: JSON first, then the protocol's schema. */
export function decodePayload<S extends z.ZodType>(schema: S, payload: Buffer): Decoded<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    return { ok: false, problem: 'is not JSON', issues: [] };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: 'failed its schema', issues: parsed.error.issues };
}
