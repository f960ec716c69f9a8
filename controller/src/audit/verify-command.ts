import path from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { createAuditRepository, verifyChain } from './audit-repository';

/**
 * `npm run audit:verify`: walks the audit trail of the controller's database (BARUGA_DATA, ./data by default) and
 * says whether every entry is as it was written. Exit code 0 when it holds, 1 with the first broken entry.
 */
const config = loadConfig();
const db = openDatabase(path.join(config.dataDir, 'baruga.sqlite'));
try {
  const audit = createAuditRepository(db);
  const entries = audit.all();
  const broken = verifyChain(entries, audit.head());
  if (broken) {
    process.stderr.write(`audit trail BROKEN at entry ${broken.seq}: ${broken.problem}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`audit trail intact: ${entries.length} entries, head ${audit.head()?.hash ?? '(empty)'}\n`);
  }
} finally {
  db.close();
}
