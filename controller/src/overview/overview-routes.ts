import {
  DEFAULT_PLAYLIST_ID,
  type Overview,
  type PlaylistKind,
  type ScreenDelivery,
  type ScreenOverview,
  type WallOverview,
} from '@baruga/protocol';
import { resolve } from '@baruga/schedules';
import type { FastifyInstance } from 'fastify';
import { isAnnouncementId } from '../announcements/announcements';
import type { Repositories } from '../db/repositories';
import { itemDirectory } from '../items/item-labels';
import { resolutionView, screenSchedule } from '../schedules/previews';
import type { ScreenRow } from '../screens/screens-repository';

/** Playlists and layouts by id, with what kind of thing each is, for naming what a schedule plays. */
function playlistNames(repos: Repositories): (id: string) => { name: string | null; kind: PlaylistKind } {
  const known = new Map<string, { name: string; kind: PlaylistKind }>();
  for (const p of repos.schedules.listPlaylists()) {
    known.set(p.id, { name: p.name, kind: isAnnouncementId(p.id) ? 'announcement' : 'playlist' });
  }
  for (const l of repos.layouts.listLayouts()) known.set(l.id, { name: l.name, kind: 'layout' });
  return (id) =>
    id === DEFAULT_PLAYLIST_ID ? { name: null, kind: 'default' } : (known.get(id) ?? { name: null, kind: 'unknown' });
}

/**
 * The loop is the one thing an operator edits without publishing at once (adding and removing items): it differs
 * from what the screen runs until "publish". Items keep their ids, so the ids in order tell.
 */
function loopUnpublished(repos: Repositories, screenId: string): boolean {
  const loop = repos.items.list({ kind: 'loop', screenId }).map((i) => i.id);
  const published = repos.manifests.latest(screenId);
  if (!published) return loop.length > 0;
  const shipped = published.loop.map((i) => i.id);
  return loop.length !== shipped.length || loop.some((id, i) => id !== shipped[i]);
}

function wallsOf(repos: Repositories, screens: readonly ScreenRow[]): WallOverview[] {
  const ids = [...new Set(screens.flatMap((s) => (s.wallId ? [s.wallId] : [])))].sort();
  return ids.flatMap((id) => {
    const wall = repos.schedules.getWall(id);
    if (!wall) return [];
    const tiles = repos.schedules
      .wallTiles(id)
      .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    return [{ id, name: wall.name, columns: wall.columns, rows: wall.rows, screenIds: tiles.map((t) => t.screenId) }];
  });
}

/**
 * `GET /api/overview` (docs/api.md, "Overview"): every screen and wall at a glance for the console's home page, in
 * one request. What plays is the schedule engine's answer on the screen's own input; what is on screen is what the
 * player last reported, each item named as an operator knows it.
 */
export async function overviewRoutes(
  app: FastifyInstance,
  { repos, delivery }: { repos: Repositories; delivery: () => ScreenDelivery[] },
) {
  app.get('/api/overview', { config: { access: 'signed-in' } }, async (): Promise<Overview> => {
    const now = Date.now();
    const rows = new Map(delivery().map((d) => [d.screenId, d]));
    const describe = itemDirectory(repos);
    const nameOf = playlistNames(repos);
    const screenRows = repos.screens.list();
    const groups = new Set<string>();
    const screens = screenRows.map((screen): ScreenOverview => {
      const row = rows.get(screen.id);
      const beat = row?.heartbeat ?? null;
      const live = row?.health === 'online' || row?.health === 'late';
      const screenGroups = repos.schedules.groupsOf(screen.id);
      for (const g of screenGroups) groups.add(g);
      const playing = resolutionView(screen.id, resolve(screenSchedule(repos, screen), now));
      const named = nameOf(playing.playlistId);
      return {
        screenId: screen.id,
        name: screen.name,
        width: screen.width,
        height: screen.height,
        timezone: screen.timezone,
        public: screen.public,
        wallId: screen.wallId,
        groups: screenGroups,
        health: row?.health ?? 'unknown',
        lastHeartbeatAt: row?.lastHeartbeatAt ?? null,
        hostKind: beat?.host.kind ?? null,
        blackout: live && (beat?.blackout ?? false),
        now: { ...playing, playlistName: named.name, playlistKind: named.kind },
        onScreen: live
          ? (beat?.zones ?? []).map((z) => {
              const item = describe(z.itemId);
              return {
                zoneId: z.zoneId,
                itemId: z.itemId,
                type: item?.type ?? null,
                label: item?.label ?? null,
                since: z.since,
              };
            })
          : [],
        lastScreenshot: row?.lastScreenshot
          ? { url: row.lastScreenshot.url, takenAt: row.lastScreenshot.takenAt }
          : null,
        publishedVersion: row?.publishedVersion ?? null,
        runningVersion: beat?.manifestVersion ?? null,
        unpublishedChanges: loopUnpublished(repos, screen.id),
      };
    });
    return { at: new Date(now).toISOString(), screens, walls: wallsOf(repos, screenRows), groups: [...groups].sort() };
  });
}
