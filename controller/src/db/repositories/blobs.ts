import type { Db } from '../database';

export interface BlobRow {
  sha256: string;
  size: number;
  mime: string;
}

export function createBlobsRepository(db: Db) {
  const one = db.prepare<[string], BlobRow>('SELECT sha256, size, mime FROM blobs WHERE sha256 = ?');
  const insert = db.prepare(
    'INSERT INTO blobs (sha256, size, mime, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
  );
  return {
    get: (sha256: string): BlobRow | null => one.get(sha256) ?? null,
    add(blob: BlobRow): void {
      insert.run(blob.sha256, blob.size, blob.mime, new Date().toISOString());
    },
  };
}
export type BlobsRepository = ReturnType<typeof createBlobsRepository>;
