import { feedsOfManifest } from '@baruga/content';
import type { Db } from '../db/database';

/**
 * Which screens' published manifests show each data source's feed: the broker lets a player read a feed only then.
 * Asked on every subscription, so it costs one aggregate query while no manifest changed, and re-reads only the
 * manifests whose version moved (versions only grow, so their sum moves whenever any does).
 */
export function createFeedReaders(db: Db) {
  const generation = db.prepare<[], { g: number | null }>('SELECT sum(version) AS g FROM manifests');
  const versions = db.prepare<[], { screen_id: string; version: number }>('SELECT screen_id, version FROM manifests');
  const body = db.prepare<[string], { body: string }>('SELECT body FROM manifests WHERE screen_id = ?');
  const perScreen = new Map<string, { version: number; feeds: string[] }>();
  let seen = -1;
  let byFeed = new Map<string, string[]>();

  function rebuild(): void {
    const live = new Set<string>();
    for (const { screen_id: screen, version } of versions.all()) {
      live.add(screen);
      if (perScreen.get(screen)?.version === version) continue;
      const row = body.get(screen);
      let feeds: string[] = [];
      try {
        // Stored only after Manifest.parse at publish; a manifest that fails here shows no feed.
        feeds = row ? feedsOfManifest(JSON.parse(row.body)) : [];
      } catch {
        feeds = [];
      }
      perScreen.set(screen, { version, feeds });
    }
    for (const screen of perScreen.keys()) if (!live.has(screen)) perScreen.delete(screen);
    byFeed = new Map();
    for (const [screen, { feeds }] of perScreen) {
      for (const feed of feeds) byFeed.set(feed, [...(byFeed.get(feed) ?? []), screen]);
    }
  }

  const current = () => {
    const g = generation.get()?.g ?? 0;
    if (g !== seen) {
      rebuild();
      seen = g;
    }
  };

  return {
    screensShowing(feedId: string): readonly string[] {
      current();
      return byFeed.get(feedId) ?? [];
    },
    /** The feeds a screen's published manifest shows (an external broker's ACL lists them per screen). */
    feedsOn(screenId: string): readonly string[] {
      current();
      return perScreen.get(screenId)?.feeds ?? [];
    },
  };
}
