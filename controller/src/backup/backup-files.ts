import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const DATABASE_FILE = 'baruga.sqlite';
export const MANIFEST_FILE = 'backup.json';

export class BackupError extends Error {
  constructor(
    readonly code: 'BARUGA_ERR_BACKUP' | 'BARUGA_ERR_RESTORE',
    message: string,
  ) {
    super(message);
  }
}

/** Where a blob lives under a folder that holds `blobs/` (the data folder, or a backup). */
export const blobPath = (root: string, sha256: string) => path.join(root, 'blobs', sha256.slice(0, 2), sha256);

/**
 * Copies a file and says what it copied: its SHA-256, computed from the bytes as they pass, and its size. The copy
 * is fsynced before it returns, so a backup that says it is complete is on the disk.
 */
export async function copyHashed(from: string, to: string, mode?: number): Promise<{ sha256: string; bytes: number }> {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(fs.createReadStream(from), tap, fs.createWriteStream(to, mode === undefined ? {} : { mode }));
  const handle = fs.openSync(to, 'r');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** A file's SHA-256 and size, read as a stream. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Copies one blob and checks it is what its name says: content-addressed files verify themselves, so a backup
 * never carries (and a restore never puts back) a damaged one.
 */
export async function copyBlob(fromRoot: string, toRoot: string, sha256: string, what: BackupError['code']) {
  const from = blobPath(fromRoot, sha256);
  if (!fs.existsSync(from)) throw new BackupError(what, `blob ${sha256} is named by the database but is missing`);
  const copied = await copyHashed(from, blobPath(toRoot, sha256));
  if (copied.sha256 !== sha256) {
    throw new BackupError(what, `blob ${sha256} is damaged: its bytes hash to ${copied.sha256}`);
  }
  return copied.bytes;
}

/** The blobs stored under a folder's `blobs/` (not its `tmp/`, where unfinished writes live). */
export function storedBlobs(root: string): string[] {
  const blobs = path.join(root, 'blobs');
  if (!fs.existsSync(blobs)) return [];
  return fs
    .readdirSync(blobs)
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .flatMap((d) => fs.readdirSync(path.join(blobs, d)).filter((f) => /^[0-9a-f]{64}$/.test(f) && f.startsWith(d)));
}

/** Makes a directory's entries durable (a rename into it survives a power cut). */
export function fsyncDirectory(dir: string): void {
  const handle = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}
