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
    // Leftovers of writes interrupted by a crash are never referenced: clear them (files and work folders).
    for (const name of fs.readdirSync(this.tmp)) fs.rmSync(path.join(this.tmp, name), { force: true, recursive: true });
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
    const received = await this.receive(source);
    return this.commit(received);
  }

  /**
   * First half of an upload: streams into a temp file (hashing as it goes) that nothing can see yet. The
   * caller then checks the file and either `commit`s or `discard`s it; `onProgress` gets the bytes so far.
   */
  async receive(source: Readable, onProgress?: (bytes: number) => void): Promise<ReceivedFile> {
    const tmpPath = this.tempPath();
    const hash = crypto.createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        onProgress?.(size);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, fs.createWriteStream(tmpPath, { flags: 'wx' }));
      return { tmpPath, sha256: hash.digest('hex'), size };
    } catch (error) {
      await fs.promises.rm(tmpPath, { force: true });
      throw error;
    }
  }

  /** Makes a received file visible under its digest (fsync, then rename), or drops it as a duplicate. */
  async commit(received: ReceivedFile): Promise<StoredBlob> {
    try {
      // fsync applies to the file, not the descriptor: flush it before the rename makes it visible.
      const fd = await fs.promises.open(received.tmpPath, 'r+');
      try {
        await fd.sync();
      } finally {
        await fd.close();
      }
      const finalPath = this.pathOf(received.sha256);
      await fs.promises.mkdir(path.dirname(finalPath), { recursive: true });
      if (this.touchIfPresent(finalPath)) {
        // Same digest, same bytes: the existing blob stays and the copy goes (deduplication).
        await fs.promises.rm(received.tmpPath, { force: true });
      } else {
        await fs.promises.rename(received.tmpPath, finalPath);
      }
      return { sha256: received.sha256, size: received.size, path: finalPath };
    } catch (error) {
      await fs.promises.rm(received.tmpPath, { force: true });
      throw error;
    }
  }

  async discard(received: ReceivedFile): Promise<void> {
    await fs.promises.rm(received.tmpPath, { force: true });
  }

  /** Moves a file made in a work folder (a rendition, a video, an HLS segment) into the store. */
  async putFile(file: string): Promise<StoredBlob> {
    const hash = crypto.createHash('sha256');
    let size = 0;
    for await (const chunk of fs.createReadStream(file)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return this.commit({ tmpPath: file, sha256: hash.digest('hex'), size });
  }

  /** A fresh path in the store's temp folder (same file system: a rename, never a copy). */
  tempPath(): string {
    return path.join(this.tmp, `${process.pid}-${crypto.randomUUID()}`);
  }

  /** A scratch folder for a pipeline's outputs; remove it with `removeWorkDir`, done or failed. */
  async makeWorkDir(): Promise<string> {
    const dir = this.tempPath();
    await fs.promises.mkdir(dir);
    return dir;
  }

  async removeWorkDir(dir: string): Promise<void> {
    if (path.dirname(dir) !== this.tmp) throw new Error(`${dir} is not a work folder of this store`);
    await fs.promises.rm(dir, { recursive: true, force: true });
  }

  /** Every stored blob with its size and age, for the garbage collector. */
  async *list(): AsyncGenerator<{ sha256: string; size: number; modifiedMs: number }> {
    for (const prefix of await fs.promises.readdir(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const name of await fs.promises.readdir(path.join(this.root, prefix))) {
        if (!/^[0-9a-f]{64}$/.test(name) || !name.startsWith(prefix)) continue;
        const stat = await fs.promises.stat(path.join(this.root, prefix, name)).catch(() => null);
        if (stat?.isFile()) yield { sha256: name, size: stat.size, modifiedMs: stat.mtimeMs };
      }
    }
  }

  /**
   * Removes a blob unless it was written or touched after `cutoffMs`. Synchronous on purpose: no upload can
   * commit (and touch) the same blob between the check and the unlink. See `touchIfPresent`.
   */
  removeIfOlderThan(sha256: string, cutoffMs: number): boolean {
    const file = this.pathOf(sha256);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return false;
    }
    if (stat.mtimeMs > cutoffMs) return false;
    fs.rmSync(file, { force: true });
    return true;
  }

  /** Age of a stored blob's file (ms since its last write or touch), or null when absent. */
  modifiedMs(sha256: string): number | null {
    try {
      return fs.statSync(this.pathOf(sha256)).mtimeMs;
    } catch {
      return null;
    }
  }

  /**
   * A commit that finds its blob already stored marks it fresh, in the same tick as the check, so the
   * garbage collector (which spares fresh blobs) cannot remove it before the caller records it.
   */
  private touchIfPresent(file: string): boolean {
    try {
      const now = new Date();
      fs.utimesSync(file, now, now);
      return true;
    } catch {
      return false;
    }
  }
}

export interface ReceivedFile {
  tmpPath: string;
  sha256: string;
  size: number;
}
