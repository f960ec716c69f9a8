import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * What a data folder looks like after a fault, as the issue asks: no partial file (every stored blob hashes to its
 * name, nothing left in the temp folder), no orphan row (every blob row, library file and rendition has its file),
 * and SQLite's own integrity and foreign-key checks clean.
 */
export function checkDataFolder(dataDir: string): {
  integrity: string;
  foreignKeyProblems: number;
  damagedBlobs: string[];
  rowsWithoutFile: string[];
  leftInTmp: string[];
  blobCount: number;
} {
  const blobs = path.join(dataDir, 'blobs');
  const damagedBlobs: string[] = [];
  let blobCount = 0;
  for (const dir of fs.existsSync(blobs) ? fs.readdirSync(blobs) : []) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const name of fs.readdirSync(path.join(blobs, dir))) {
      blobCount++;
      const digest = crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(blobs, dir, name)))
        .digest('hex');
      if (digest !== name) damagedBlobs.push(name);
    }
  }
  const tmp = path.join(blobs, 'tmp');
  const leftInTmp = fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
  const db = new Database(path.join(dataDir, 'baruga.sqlite'), { readonly: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const named = db.prepare<[], { sha256: string }>('SELECT sha256 FROM blobs').all();
    const rowsWithoutFile = named
      .map((r) => r.sha256)
      .filter((sha) => !fs.existsSync(path.join(blobs, sha.slice(0, 2), sha)));
    return { integrity, foreignKeyProblems, damagedBlobs, rowsWithoutFile, leftInTmp, blobCount };
  } finally {
    db.close();
  }
}
