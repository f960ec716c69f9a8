import type { Db } from './database';
import { createFeedReaders } from '../sources/feed-readers';
import { createApiTokensRepository } from '../accounts/api-tokens-repository';
import { createApprovalsRepository } from '../approvals/approvals-repository';
import { createAuditRepository } from '../audit/audit-repository';
import { createBlobsRepository } from '../library/blobs-repository';
import { createCommandsRepository } from '../players/commands-repository';
import { createDeliveryListing } from '../players/delivery-listing';
import { createHeartbeatsRepository } from '../players/heartbeats-repository';
import { createItemsRepository } from '../items/items-repository';
import { createLayoutsRepository } from '../schedules/layouts-repository';
import { createLibraryRepository } from '../library/library-repository';
import { createManifestsRepository } from '../publishing/manifests-repository';
import { createPlayersRepository } from '../players/players-repository';
import { createPresenceRepository } from '../players/presence-repository';
import { createProofOfPlayRepository } from '../players/proof-of-play-repository';
import { createSchedulesRepository } from '../schedules/schedules-repository';
import { createScreenListing } from '../screens/screen-listing';
import { createScreensRepository } from '../screens/screens-repository';
import { createSessionsRepository } from '../accounts/sessions-repository';
import { createSourcesRepository } from '../sources/sources-repository';
import { createAlertsRepository } from '../alerts/alerts-repository';
import { createUsersRepository } from '../accounts/users-repository';
import { createWallsRepository } from '../walls/walls-repository';

/** The only place the controller writes SQL; routes and services talk to these. */
export function createRepositories(db: Db) {
  // Loops, playlists, layout zones and overlays all keep their items here.
  const items = createItemsRepository(db);
  return {
    users: createUsersRepository(db),
    sessions: createSessionsRepository(db),
    apiTokens: createApiTokensRepository(db),
    screens: createScreensRepository(db),
    walls: createWallsRepository(db),
    /** Screens as lists show them (presence, published version), one query a page. */
    screenListing: createScreenListing(db),
    items,
    manifests: createManifestsRepository(db),
    presence: createPresenceRepository(db),
    blobs: createBlobsRepository(db),
    players: createPlayersRepository(db),
    heartbeats: createHeartbeatsRepository(db),
    /** Screens as the delivery view shows them, one query for the list and one for the page's heartbeats. */
    deliveryListing: createDeliveryListing(db),
    proofOfPlay: createProofOfPlayRepository(db),
    commands: createCommandsRepository(db),
    library: createLibraryRepository(db),
    schedules: createSchedulesRepository(db, items),
    layouts: createLayoutsRepository(db, items),
    audit: createAuditRepository(db),
    sources: createSourcesRepository(db),
    /** Which screens show which data source's feed, from their published manifests (the broker's rules read it). */
    feedReaders: createFeedReaders(db),
    alerts: createAlertsRepository(db),
    approvals: createApprovalsRepository(db),
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
