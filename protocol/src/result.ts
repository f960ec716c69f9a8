/** Handlers across IPC or MQTT return results rather than throwing (STYLE.md, "Errors"). */
export type Result<T, E = BarugaError> = { ok: true; value: T } | { ok: false; error: E };

export interface BarugaError {
  /** Stable, documented code (see docs/api.md); never reworded once published. */
  code: string;
  message: string;
  details?: unknown;
}

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E = BarugaError>(error: E): Result<never, E> {
  return { ok: false, error };
}

/** Ends exhaustive switches: a new union member becomes a compile error here. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
