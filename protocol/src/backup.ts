import { z } from 'zod';
import { IsoInstant, Sha256Hex } from './ids';

/**
 * `backup.json`, the description a backup carries of itself (`npm run backup`, docs/operations.md). `npm run
 * restore` reads it first and checks the files against it before anything is put in place.
 */
export const BackupManifest = z.strictObject({
  format: z.literal('baruga-backup'),
  formatVersion: z.literal(1),
  createdAt: IsoInstant,
  controllerVersion: z.string().max(40),
  /** The schema the database is at, and the migrations it took (restored by a controller at least as new). */
  schemaVersion: z.int().min(0),
  migrations: z.array(z.int().min(1)).max(10_000),
  database: z.strictObject({ file: z.literal('baruga.sqlite'), bytes: z.int().min(1), sha256: Sha256Hex }),
  /** Every blob the database names, each stored under its SHA-256 (and checked against it on restore). */
  blobs: z.strictObject({ count: z.int().min(0), bytes: z.int().min(0) }),
  /** Files of `keys/` (the manifest signing key: a new key would mean enrolling every player again). */
  keys: z.array(z.string().regex(/^[a-z0-9][a-z0-9.-]{0,99}$/)).max(20),
});
export type BackupManifest = z.infer<typeof BackupManifest>;
