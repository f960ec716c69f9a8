import type { Manifest } from '@baruga/protocol';
import type { Db } from '../db/database';

export function createManifestsRepository(db: Db) {
  const one = db.prepare<[string], { version: number; body: string; published_at: string }>(
    'SELECT version, body, published_at FROM manifests WHERE screen_id = ?',
  );
  const all = db.prepare<[], { screen_id: string; body: string }>('SELECT screen_id, body FROM manifests');
  const upsert = db.prepare(
    `INSERT INTO manifests (screen_id, version, body, published_at) VALUES (@screenId, @version, @body, @publishedAt)
     ON CONFLICT (screen_id) DO UPDATE SET version = excluded.version, body = excluded.body,
       published_at = excluded.published_at
     WHERE excluded.version > manifests.version`,
  );

  return {
    latestVersion: (screenId: string): number => one.get(screenId)?.version ?? 0,
    latest(screenId: string): Manifest | null {
      const row = one.get(screenId);
      return row ? (JSON.parse(row.body) as Manifest) : null; // stored only after Manifest.parse
    },
    all: (): Manifest[] => all.all().map((r) => JSON.parse(r.body) as Manifest),
    /** False when a newer version was stored meanwhile: versions never go backwards. */
    save(manifest: Manifest): boolean {
      return (
        upsert.run({
          screenId: manifest.screenId,
          version: manifest.version,
          body: JSON.stringify(manifest),
          publishedAt: manifest.issuedAt,
        }).changes > 0
      );
    },
  };
}
export type ManifestsRepository = ReturnType<typeof createManifestsRepository>;
