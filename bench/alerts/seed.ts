import path from 'node:path';
import { openDatabase } from '../../controller/src/db/database';
import { createRepositories } from '../../controller/src/db/repositories';

/**
 * Screens for the benchmark, written through the controller's own repositories before it starts (ten thousand
 * screens through the HTTP API would time the API, not alerts). Every screen stands inside the Makassar box the
 * benchmark's CAP polygon covers, spread over the city.
 */
export function seedScreens(dataDir: string, ids: readonly string[]): void {
  const db = openDatabase(path.join(dataDir, 'baruga.sqlite'));
  const repos = createRepositories(db);
  db.transaction(() => {
    ids.forEach((id, i) => {
      repos.screens.create({
        id,
        name: id,
        width: 640,
        height: 360,
        timezone: 'Asia/Makassar',
        locale: 'id-ID',
        // Not public: the simulated players connect as browser tabs do (anonymous), and a public screen plays on an
        // enrolled player only. The alert's path (controller → broker → player → acknowledgement) is the same.
        public: false,
        location: { lat: -5.05 - ((i * 7) % 200) / 1000, lon: 119.35 + ((i * 13) % 200) / 1000 },
      });
    });
  })();
  db.close();
}

export const screenIds = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(5, '0')}`);
