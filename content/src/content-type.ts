import type { z } from 'zod';

/** A content type as a plugin: one folder under `types/`, registered once in `registry.ts`. */
export interface ContentTypeDefinition<P = unknown> {
  /** Stable id, also the `type` of manifest loop items. */
  id: string;
  /** Version of the props schema; bump it and add a migration when the props change shape. */
  version: number;
  label: { id: string; en: string };
  props: z.ZodType<P>;
  defaults: P;
  duration: { defaultMs: number; minMs: number; maxMs: number };
  /** `migrations[n]` turns props of version n into props of version n + 1. */
  migrations: Readonly<Record<number, (props: unknown) => unknown>>;
  /** SHA-256 digests of the stored blobs these props refer to. */
  assets(props: P): string[];
}

export function defineContentType<P>(definition: ContentTypeDefinition<P>): ContentTypeDefinition<P> {
  return definition;
}
