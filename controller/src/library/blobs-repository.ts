import type { Db } from '../db/database';

export interface BlobRow {
  sha256: string;
  size: number;
  mime: string;
  /** Kept but never served (an image's original, with its camera metadata). */
  private?: boolean;
}

export function createBlobsRepository(db: Db) {
  const one = db.prepare<[string], { sha256: string; size: number; mime: string; private: number }>(
    'SELECT sha256, size, mime, private FROM blobs WHERE sha256 = ?',
  );
  const insert = db.prepare(
    'INSERT INTO blobs (sha256, size, mime, private, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
  );
  const all = db.prepare<[], { sha256: string; size: number; created_at: string }>(
    'SELECT sha256, size, created_at FROM blobs',
  );
  const remove = db.prepare('DELETE FROM blobs WHERE sha256 = ?');
  return {
    get(sha256: string): BlobRow | null {
      const row = one.get(sha256);
      return row ? { sha256: row.sha256, size: row.size, mime: row.mime, private: row.private === 1 } : null;
    },
    add(blob: BlobRow): void {
      insert.run(blob.sha256, blob.size, blob.mime, blob.private ? 1 : 0, new Date().toISOString());
    },
    /** For the garbage collector. */
    all: () => all.all().map((r) => ({ sha256: r.sha256, size: r.size, createdAt: r.created_at })),
    remove: (sha256: string): boolean => remove.run(sha256).changes > 0,
  };
}
export type BlobsRepository = ReturnType<typeof createBlobsRepository>;
