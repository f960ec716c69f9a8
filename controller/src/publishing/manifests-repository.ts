import type { Manifest } from '@baruga/protocol';
import type { Db } from '../db/database';

export function createManifestsRepository(db: Db) {
  const one = db.prepare<[string], { version: number; body: string; published_at: string }>(
    'SELECT version, body, published_at FROM manifests WHERE screen_id = ?',
  );
  const version = db.prepare<[string], { version: number }>('SELECT version FROM manifests WHERE screen_id = ?');
  const all = db.prepare<[], { screen_id: string; body: string }>('SELECT screen_id, body FROM manifests');
  const signed = db.prepare<[], { screen_id: string; body: string; signed: string | null }>(
    'SELECT screen_id, body, signed FROM manifests',
  );
  const upsert = db.prepare(
    `INSERT INTO manifests (screen_id, version, body, signed, published_at)
     VALUES (@screenId, @version, @body, @signed, @publishedAt)
     ON CONFLICT (screen_id) DO UPDATE SET version = excluded.version, body = excluded.body,
       signed = excluded.signed, published_at = excluded.published_at
     WHERE excluded.version > manifests.version`,
  );

  return {
    latestVersion: (screenId: string): number => version.get(screenId)?.version ?? 0,
    latest(screenId: string): Manifest | null {
      const row = one.get(screenId);
      return row ? (JSON.parse(row.body) as Manifest) : null; // stored only after Manifest.parse
    },
    all: (): Manifest[] => all.all().map((r) => JSON.parse(r.body) as Manifest),
    /** The signed bytes as published (null for rows stored before they were kept); the body only on demand. */
    allSigned: () =>
      signed.all().map((r) => ({
        screenId: r.screen_id,
        signed: r.signed,
        manifest: () => JSON.parse(r.body) as Manifest,
      })),
    /** False when a newer version was stored meanwhile: versions never go backwards. */
    save(manifest: Manifest, signedWire: string): boolean {
      return (
        upsert.run({
          screenId: manifest.screenId,
          version: manifest.version,
          body: JSON.stringify(manifest),
          signed: signedWire,
          publishedAt: manifest.issuedAt,
        }).changes > 0
      );
    },
  };
}
export type ManifestsRepository = ReturnType<typeof createManifestsRepository>;
