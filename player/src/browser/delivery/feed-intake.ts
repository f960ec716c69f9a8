import { feedsOfManifest } from '@baruga/content';
import type { DataFeeds } from '@baruga/content/browser';
import { type Decoded, FeedSnapshot, type FeedUpdate, type Manifest } from '@baruga/protocol';
import { z } from 'zod';
import { type PlayerDb, STORES } from './idb';
import type { OwnerScope } from './owner-scope';

const snapshotKey = (sourceId: string) => `feed:${sourceId}`;
const followsKey = (screenId: string) => `feeds:${screenId}`;
const FOLLOWS_PREFIX = 'feeds:';
const SNAPSHOT_PREFIX = 'feed:';
const Follows = z.array(z.string());

const metaOf = (s: FeedSnapshot) => ({
  name: s.name,
  credit: s.credit,
  fetchedAt: s.fetchedAt ? Date.parse(s.fetchedAt) : null,
  stale: s.stale,
});

/**
 * The data sources' feeds one screen shows (docs/data.md): followed as the manifest on screen names them, each
 * snapshot handed to the widgets (content's DataFeeds) and kept in IndexedDB, so a player that starts offline shows
 * the last rows it had. An older snapshot than the one held is ignored; an update applies only to the version it
 * names. Snapshots no screen of this host follows any longer are removed.
 */
export function createFeedIntake(deps: {
  screenId: string;
  db: PlayerDb;
  feeds: DataFeeds;
  scope: OwnerScope;
  /** Follows these sources' feed topics (the controller link). */
  follow(sourceIds: readonly string[]): void;
}) {
  const { screenId, db, feeds, scope } = deps;
  const held = new Map<string, FeedSnapshot>();
  let following: string[] = [];

  function show(snapshot: FeedSnapshot): void {
    held.set(snapshot.sourceId, snapshot);
    feeds.publish(snapshot.sourceId, { columns: snapshot.columns, rows: snapshot.rows }, metaOf(snapshot));
  }

  async function restore(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      if (held.has(id)) continue;
      const stored = FeedSnapshot.safeParse(await db.get<unknown>(STORES.kv, snapshotKey(id)));
      if (scope.disposed) return;
      if (stored.success && !held.has(id)) show(stored.data);
    }
  }

  /** Keeps the snapshots some screen of this host follows; the rest go. */
  async function evict(): Promise<void> {
    const wanted = new Set<string>();
    for (const entry of await db.entries(STORES.kv, FOLLOWS_PREFIX)) {
      const ids = Follows.safeParse(entry.value);
      if (ids.success) for (const id of ids.data) wanted.add(id);
    }
    const stale = (await db.entries(STORES.kv, SNAPSHOT_PREFIX))
      .map((e) => e.key)
      .filter((key) => key.startsWith(SNAPSHOT_PREFIX) && !wanted.has(key.slice(SNAPSHOT_PREFIX.length)));
    if (stale.length) await db.delete(STORES.kv, stale);
  }

  return {
    /** The manifest on screen changed: follow the feeds it shows, with their stored rows at once. */
    async manifest(manifest: Manifest): Promise<void> {
      const ids = feedsOfManifest(manifest);
      if (ids.join() === following.join()) return;
      following = ids;
      deps.follow(ids);
      await db.put(STORES.kv, ids, followsKey(screenId));
      await restore(ids);
      await evict();
    },
    receive(decoded: Decoded<FeedSnapshot>): void {
      if (!decoded.ok) return;
      const snapshot = decoded.value;
      const before = held.get(snapshot.sourceId);
      if (before && snapshot.version < before.version) return;
      show(snapshot);
      void db.put(STORES.kv, snapshot, snapshotKey(snapshot.sourceId));
    },
    update(decoded: Decoded<FeedUpdate>): void {
      if (!decoded.ok) return;
      const u = decoded.value;
      const before = held.get(u.sourceId);
      if (!before || before.version !== u.version) return;
      const next: FeedSnapshot = {
        ...before,
        fetchedAt: u.fetchedAt,
        checkedAt: u.checkedAt,
        stale: u.stale,
        error: u.error,
      };
      held.set(u.sourceId, next);
      feeds.touch(u.sourceId, metaOf(next));
      void db.put(STORES.kv, next, snapshotKey(u.sourceId));
    },
  };
}
export type FeedIntake = ReturnType<typeof createFeedIntake>;
