import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { BackupError } from './backup-files';
import { restoreBackup } from './restore';

/**
 * `npm run restore -- BACKUP_DIR`: puts a backup made by `npm run backup` into the data folder (BARUGA_DATA),
 * which must hold no database yet (restore.ts). Start the controller afterwards as usual.
 */
const { positionals } = parseArgs({ allowPositionals: true });
const config = loadConfig();
const from = positionals[0];
if (!from) {
  process.stderr.write(
    'usage: BARUGA_DATA=/srv/baruga/data npm run restore -- /path/to/backups/baruga-20260101T000000Z\n',
  );
  process.exit(2);
}
try {
  const manifest = await restoreBackup(path.resolve(from), config.dataDir);
  process.stdout.write(
    `restored into ${config.dataDir}: the backup of ${manifest.createdAt}, ${manifest.blobs.count} blobs, keys: ${manifest.keys.join(', ') || 'none'}\n`,
  );
} catch (error) {
  process.stderr.write(`restore failed: ${error instanceof BackupError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
