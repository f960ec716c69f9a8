import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BlobStore } from './blob-store';

function tmp() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-blobs-'));
}

describe('blob store', () => {
  it('stores bytes under their SHA-256 and deduplicates', async () => {
    const store = new BlobStore(tmp());
    const data = crypto.randomBytes(100_000);
    const a = await store.putBuffer(data);
    const b = await store.putBuffer(data);
    expect(a.sha256).toBe(crypto.createHash('sha256').update(data).digest('hex'));
    expect(b).toEqual(a);
    expect(fs.readFileSync(store.pathOf(a.sha256)).equals(data)).toBe(true);
    expect(fs.readdirSync(path.join(store.root, 'tmp'))).toEqual([]);
  });

  it('leaves nothing behind when the source fails halfway', async () => {
    const store = new BlobStore(tmp());
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(64 * 1024, 1));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.putStream(failing)).rejects.toThrow('connection reset');
    const files = fs.readdirSync(store.root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(files).toEqual([]);
  });

  it('clears temp files a crash left behind on the next start', () => {
    const dir = tmp();
    const store = new BlobStore(dir);
    fs.writeFileSync(path.join(store.root, 'tmp', 'half-written'), 'x');
    new BlobStore(dir);
    expect(fs.readdirSync(path.join(store.root, 'tmp'))).toEqual([]);
  });
});
