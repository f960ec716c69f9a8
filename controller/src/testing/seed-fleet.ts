import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/database';
import { createRepositories } from '../db/repositories';

/**
 * Benchmark seeding (bench/load): `tsx controller/src/testing/seed-fleet.ts <data dir> <screens> <players.json>`
 * writes a province-sized fleet into a controller's database before the controller starts: `screens` screens of
 * 1920×1080 in 79 groups (55 agencies, 24 regencies and cities), each driven by its own enrolled player, through the
 * same repository code as enrollment (so secrets are hashed as the controller and Mosquitto expect). Pairing ten
 * thousand players through the HTTP API would take the benchmark's whole time budget. The players' ids and
 * secrets go to `players.json` for the simulated fleet; nothing else ever writes them down.
 */
const [dataDir, countText, out] = process.argv.slice(2);
const count = Number(countText);
if (!dataDir || !out || !Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: seed-fleet.ts <data dir> <screens> <players.json>\n');
  process.exit(2);
}
const GROUPS = [
  ...Array.from({ length: 55 }, (_, i) => `opd-${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 24 }, (_, i) => `kab-${String(i + 1).padStart(2, '0')}`),
];
const db = openDatabase(path.join(dataDir, 'baruga.sqlite'));
const repos = createRepositories(db);
const players: { screenId: string; playerId: string; secret: string }[] = [];
try {
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const screenId = `layar-${String(i + 1).padStart(5, '0')}`;
      repos.screens.create({
        id: screenId,
        name: `Layar ${i + 1}`,
        width: 1920,
        height: 1080,
        timezone: 'Asia/Makassar',
        locale: 'id-ID',
        // None public: a public screen's new content waits for an approver (the two-person rule), so an edit that
        // republishes every screen would not reach them; the fan-out is what this fleet measures.
        public: false,
      });
      repos.schedules.setGroups(screenId, [GROUPS[i % GROUPS.length] ?? 'opd-01']);
      const pending = repos.players.createPending({ host: 'chromium', hostVersion: 'bench', platform: 'linux' });
      repos.players.approve(pending.playerId, `Pemutar ${i + 1}`, [screenId]);
      players.push({ screenId, playerId: pending.playerId, secret: pending.secret });
    }
  })();
} finally {
  db.close();
}
fs.writeFileSync(out, JSON.stringify(players), { mode: 0o600 });
process.stdout.write(`seeded ${count} screens and players into ${dataDir}\n`);
