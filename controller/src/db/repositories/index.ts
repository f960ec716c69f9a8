import type { Db } from '../database';
import { createBlobsRepository } from './blobs';
import { createCommandsRepository } from './commands';
import { createHeartbeatsRepository } from './heartbeats';
import { createLayoutsRepository } from './layouts';
import { createLibraryRepository } from './library';
import { createLoopItemsRepository } from './loop-items';
import { createManifestsRepository } from './manifests';
import { createPlayersRepository } from './players';
import { createPresenceRepository } from './presence';
import { createProofOfPlayRepository } from './proof-of-play';
import { createSchedulesRepository } from './schedules';
import { createScreensRepository } from './screens';
import { createSessionsRepository } from './sessions';
import { createUsersRepository } from './users';

/** The only place the controller writes SQL; routes and services talk to these. */
export function createRepositories(db: Db) {
  return {
    users: createUsersRepository(db),
    sessions: createSessionsRepository(db),
    screens: createScreensRepository(db),
    loopItems: createLoopItemsRepository(db),
    manifests: createManifestsRepository(db),
    presence: createPresenceRepository(db),
    blobs: createBlobsRepository(db),
    players: createPlayersRepository(db),
    heartbeats: createHeartbeatsRepository(db),
    proofOfPlay: createProofOfPlayRepository(db),
    commands: createCommandsRepository(db),
    library: createLibraryRepository(db),
    schedules: createSchedulesRepository(db),
    layouts: createLayoutsRepository(db),
    settings: {
      get: (key: string): string | null =>
        db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value ?? null,
      set: (key: string, value: string): void => {
        db.prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        ).run(key, value);
      },
    },
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
