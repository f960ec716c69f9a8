import fs from 'node:fs';
import path from 'node:path';
import { BackupManifest } from '@baruga/protocol';
import Database from 'better-sqlite3';
import { migrations as known } from '../db/migrations/index';
import {
  BackupError,
  DATABASE_FILE,
  MANIFEST_FILE,
  copyBlob,
  copyHashed,
  fsyncDirectory,
  hashFile,
} from './backup-files';

const fail = (message: string) => new BackupError('BARUGA_ERR_RESTORE', message);

/** Reads and checks `backup.json` and the database it describes; nothing is written. */
async function readBackup(backupDir: string): Promise<{ manifest: BackupManifest; named: string[] }> {
  const file = path.join(backupDir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw fail(`${backupDir} is not a Baruga backup: it has no ${MANIFEST_FILE}`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw fail(`${file} is not JSON`);
  }
  const parsed = BackupManifest.safeParse(json);
  if (!parsed.success) throw fail(`${file} is not a backup description this controller reads`);
  const manifest = parsed.data;
  const newest = Math.max(...known.map((m) => m.version));
  const unknown = manifest.migrations.filter((v) => !known.some((m) => m.version === v));
  if (unknown.length > 0 || manifest.schemaVersion > newest) {
    throw fail(`the backup is from a newer controller (migrations ${unknown.join(', ')}); update Baruga first`);
  }
  const database = path.join(backupDir, DATABASE_FILE);
  const hashed = await hashFile(database).catch(() => null);
  if (!hashed || hashed.sha256 !== manifest.database.sha256) {
    throw fail(`${database} is missing or damaged (its SHA-256 is not the one backup.json gives)`);
  }
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw fail(`${database} fails its integrity check: ${String(integrity)}`);
    const named = db.prepare<[], { sha256: string }>('SELECT sha256 FROM blobs').all();
    return { manifest, named: named.map((r) => r.sha256) };
  } finally {
    db.close();
  }
}

/**
 * `npm run restore`: puts a backup back into an empty data folder (a fresh machine, or a folder moved aside),
 * checking everything on the way: backup.json, the database's hash and integrity, and every blob against its
 * name. Files are copied into a folder beside the target and moved into place, the database last, so a
 * controller started on the data folder finds either nothing or everything. It then starts as it was at the
 * instant of the backup, serving the same signed manifests with the same key.
 */
export async function restoreBackup(backupDir: string, dataDir: string): Promise<BackupManifest> {
  const { manifest, named } = await readBackup(backupDir);
  if (fs.existsSync(path.join(dataDir, DATABASE_FILE))) {
    throw fail(`${dataDir} already holds a controller's database; restore into an empty data folder`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const work = path.join(dataDir, `.restore-${process.pid}`);
  fs.rmSync(work, { recursive: true, force: true });
  try {
    for (const sha256 of new Set(named)) await copyBlob(backupDir, work, sha256, 'BARUGA_ERR_RESTORE');
    fs.mkdirSync(path.join(work, 'keys'), { recursive: true, mode: 0o700 });
    for (const name of manifest.keys) {
      await copyHashed(path.join(backupDir, 'keys', name), path.join(work, 'keys', name), 0o600);
    }
    await copyHashed(path.join(backupDir, DATABASE_FILE), path.join(work, DATABASE_FILE));

    // Into place: blobs (merged with any already there), keys, and the database last.
    for (const dir of fs.existsSync(path.join(work, 'blobs')) ? fs.readdirSync(path.join(work, 'blobs')) : []) {
      const target = path.join(dataDir, 'blobs', dir);
      fs.mkdirSync(target, { recursive: true });
      for (const name of fs.readdirSync(path.join(work, 'blobs', dir))) {
        fs.renameSync(path.join(work, 'blobs', dir, name), path.join(target, name));
      }
      fsyncDirectory(target);
    }
    const keys = path.join(dataDir, 'keys');
    fs.mkdirSync(keys, { recursive: true, mode: 0o700 });
    for (const name of manifest.keys) fs.renameSync(path.join(work, 'keys', name), path.join(keys, name));
    fsyncDirectory(keys);
    fs.renameSync(path.join(work, DATABASE_FILE), path.join(dataDir, DATABASE_FILE));
    fsyncDirectory(dataDir);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
