import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredBlob {
  sha256: string;
  size: number;
  path: string;
}

/**
 * Content-addressed files under `<dataDir>/blobs/ab/abcdef…`. A blob appears under its name only
 * after it is completely written and fsynced (temp file, fsync, rename): a crash never leaves a
 * half-written blob where a player could fetch it.
 */
export class BlobStore {
  readonly root: string;
  private readonly tmp: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'blobs');
    this.tmp = path.join(this.root, 'tmp');
    fs.mkdirSync(this.tmp, { recursive: true });
    // Leftovers of writes interrupted by a crash are never referenced: clear them.
    for (const name of fs.readdirSync(this.tmp)) fs.rmSync(path.join(this.tmp, name), { force: true });
  }

  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  async putBuffer(data: Buffer): Promise<StoredBlob> {
    return this.putStream(Readable.from([data]));
  }

  /** Streams into the store without holding the whole file in memory. */
  async putStream(source: Readable): Promise<StoredBlob> {
    const tmpPath = path.join(this.tmp, `${process.pid}-${crypto.randomUUID()}`);
    const hash = crypto.createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, fs.createWriteStream(tmpPath, { flags: 'wx' }));
      // fsync applies to the file, not the descriptor: flush it before the rename makes it visible.
      const fd = await fs.promises.open(tmpPath, 'r+');
      try {
        await fd.sync();
      } finally {
        await fd.close();
      }
      const sha256 = hash.digest('hex');
      const finalPath = this.pathOf(sha256);
      await fs.promises.mkdir(path.dirname(finalPath), { recursive: true });
      // Same digest, same bytes: an existing blob is kept and the copy dropped (deduplication).
      if (fs.existsSync(finalPath)) await fs.promises.rm(tmpPath, { force: true });
      else await fs.promises.rename(tmpPath, finalPath);
      return { sha256, size, path: finalPath };
    } catch (error) {
      await fs.promises.rm(tmpPath, { force: true });
      throw error;
    }
  }
}
