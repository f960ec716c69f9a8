import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { backupDataDir } from './backup';
import { BackupError } from './backup-files';

/**
 * `npm run backup [-- --out DIR]`: a consistent copy of the controller's data folder (BARUGA_DATA) while it runs
 * (backup.ts). Without --out, a new folder `backups/baruga-<UTC time>` beside the data folder. Exit 0 with the
 * folder's path, 1 with the reason.
 */
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
const out = path.resolve(values.out ?? path.join(path.dirname(config.dataDir), 'backups', `baruga-${stamp}`));
try {
  const started = Date.now();
  const report = await backupDataDir(config.dataDir, out);
  const mb = (report.manifest.blobs.bytes / 1e6).toFixed(1);
  process.stdout.write(
    `backup written: ${report.dir}\n  database ${report.manifest.database.bytes} bytes, ${report.manifest.blobs.count} blobs (${mb} MB), keys: ${report.manifest.keys.join(', ') || 'none'}; ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
} catch (error) {
  process.stderr.write(`backup failed: ${error instanceof BackupError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
