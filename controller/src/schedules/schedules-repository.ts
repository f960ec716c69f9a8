import type { Daypart, DaypartWindow, EventTargets, PlaylistItemView, ScheduleEvent } from '@baruga/protocol';
import type { Db } from '../db/database';
import type { CheckedItem } from '../items/check-item';
import type { ItemsRepository } from '../items/items-repository';

/** Playlists, dayparts, events and their targets, and screen groups: everything the schedule engine reads. */

export interface PlaylistRow {
  id: string;
  name: string;
  items: PlaylistItemView[];
  durationMs: number;
  updatedAt: string;
}

export interface EventRow {
  event: ScheduleEvent;
  createdAt: string;
  updatedAt: string;
}

export interface WallRow {
  id: string;
  name: string;
  columns: number;
  rows: number;
}

export interface ScreenTargetFacts {
  id: string;
  wallId: string | null;
  groups: readonly string[];
}

// Bodies are written only after ScheduleEvent / DaypartWindow parsed them.
const toEvent = (r: { body: string; created_at: string; updated_at: string }): EventRow => ({
  event: JSON.parse(r.body) as ScheduleEvent,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function targetRows(targets: EventTargets): [kind: string, id: string][] {
  return [
    ...targets.screens.map((id): [string, string] => ['screen', id]),
    ...targets.groups.map((id): [string, string] => ['group', id]),
    ...targets.walls.map((id): [string, string] => ['wall', id]),
    ...(targets.all ? [['all', '*'] as [string, string]] : []),
  ];
}

export function createSchedulesRepository(db: Db, items: ItemsRepository) {
  const playlists = db.prepare<[], { id: string; name: string; updated_at: string }>(
    'SELECT id, name, updated_at FROM playlists ORDER BY id',
  );
  const playlist = db.prepare<[string], { id: string; name: string; updated_at: string }>(
    'SELECT id, name, updated_at FROM playlists WHERE id = ?',
  );
  const insertPlaylist = db.prepare(
    'INSERT INTO playlists (id, name, created_at, updated_at) VALUES (@id, @name, @now, @now)',
  );
  const renamePlaylist = db.prepare('UPDATE playlists SET name = @name, updated_at = @now WHERE id = @id');
  const deletePlaylist = db.prepare('DELETE FROM playlists WHERE id = ?');
  const playlistIds = db.prepare<[], { id: string }>('SELECT id FROM playlists ORDER BY id');

  const dayparts = db.prepare<[], { id: string; name: string; windows: string }>(
    'SELECT id, name, windows FROM dayparts ORDER BY id',
  );
  const daypart = db.prepare<[string], { id: string; name: string; windows: string }>(
    'SELECT id, name, windows FROM dayparts WHERE id = ?',
  );
  const upsertDaypart = db.prepare(
    `INSERT INTO dayparts (id, name, windows, updated_at) VALUES (@id, @name, @windows, @now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, windows = excluded.windows, updated_at = excluded.updated_at`,
  );
  const deleteDaypart = db.prepare('DELETE FROM dayparts WHERE id = ?');

  const events = db.prepare<[], { body: string; created_at: string; updated_at: string }>(
    'SELECT body, created_at, updated_at FROM events ORDER BY id',
  );
  const event = db.prepare<[string], { body: string; created_at: string; updated_at: string }>(
    'SELECT body, created_at, updated_at FROM events WHERE id = ?',
  );
  const upsertEvent = db.prepare(
    `INSERT INTO events (id, body, playlist_id, daypart_id, created_at, updated_at)
     VALUES (@id, @body, @playlistId, @daypartId, @now, @now)
     ON CONFLICT (id) DO UPDATE SET body = excluded.body, playlist_id = excluded.playlist_id,
       daypart_id = excluded.daypart_id, updated_at = excluded.updated_at`,
  );
  const clearTargets = db.prepare('DELETE FROM event_targets WHERE event_id = ?');
  const insertTarget = db.prepare('INSERT OR IGNORE INTO event_targets (event_id, kind, target_id) VALUES (?, ?, ?)');
  const deleteEvent = db.prepare('DELETE FROM events WHERE id = ?');
  const eventsForScreen = db.prepare<
    { screen: string; wall: string | null },
    { body: string; created_at: string; updated_at: string }
  >(
    `SELECT body, created_at, updated_at FROM events WHERE id IN (
       SELECT event_id FROM event_targets
       WHERE (kind = 'screen' AND target_id = @screen)
          OR (kind = 'wall' AND target_id = @wall)
          OR kind = 'all'
          OR (kind = 'group' AND target_id IN (SELECT group_id FROM screen_groups WHERE screen_id = @screen)))
     ORDER BY id`,
  );
  const eventsUsingPlaylist = db.prepare<[string], { id: string }>(
    'SELECT id FROM events WHERE playlist_id = ? ORDER BY id',
  );
  const eventsUsingDaypart = db.prepare<[string], { id: string }>(
    'SELECT id FROM events WHERE daypart_id = ? ORDER BY id',
  );

  const groupsOf = db.prepare<[string], { group_id: string }>(
    'SELECT group_id FROM screen_groups WHERE screen_id = ? ORDER BY group_id',
  );
  const clearGroups = db.prepare('DELETE FROM screen_groups WHERE screen_id = ?');
  const insertGroup = db.prepare('INSERT OR IGNORE INTO screen_groups (screen_id, group_id) VALUES (?, ?)');
  const screensOfWall = db.prepare<[string], { id: string }>('SELECT id FROM screens WHERE wall_id = ?');
  const screensOfGroup = db.prepare<[string], { screen_id: string }>(
    'SELECT screen_id FROM screen_groups WHERE group_id = ?',
  );
  const allScreens = db.prepare<[], { id: string }>('SELECT id FROM screens');
  const screenExists = db.prepare<[string], { id: string }>('SELECT id FROM screens WHERE id = ?');
  const wall = db.prepare<[string], WallRow>('SELECT id, name, columns, rows FROM walls WHERE id = ?');
  const wallTiles = db.prepare<[string], { id: string; tile_column: number | null; tile_row: number | null }>(
    'SELECT id, tile_column, tile_row FROM screens WHERE wall_id = ? ORDER BY tile_row, tile_column, id',
  );

  function readPlaylist(row: { id: string; name: string; updated_at: string }): PlaylistRow {
    const list = items.list({ kind: 'playlist', playlistId: row.id });
    return {
      id: row.id,
      name: row.name,
      items: list,
      durationMs: list.reduce((sum, i) => sum + i.durationMs, 0),
      updatedAt: row.updated_at,
    };
  }

  const toDaypart = (r: { id: string; name: string; windows: string }): Daypart => ({
    id: r.id,
    name: r.name,
    windows: JSON.parse(r.windows) as DaypartWindow[],
  });

  return {
    listPlaylists: (): PlaylistRow[] => playlists.all().map(readPlaylist),
    getPlaylist(id: string): PlaylistRow | null {
      const row = playlist.get(id);
      return row ? readPlaylist(row) : null;
    },
    /** Creates or replaces a playlist with its items, in one transaction. */
    savePlaylist(id: string, name: string, list: readonly CheckedItem[], now = new Date()): PlaylistRow {
      return db.transaction(() => {
        const stamp = now.toISOString();
        if (playlist.get(id)) renamePlaylist.run({ id, name, now: stamp });
        else insertPlaylist.run({ id, name, now: stamp });
        // Every save gives the items new ids, as it always has (layouts and overlays keep unchanged ones).
        items.replace({ kind: 'playlist', playlistId: id }, list, { now });
        const row = playlist.get(id);
        if (!row) throw new Error(`playlist ${id} vanished after write`);
        return readPlaylist(row);
      })();
    },
    deletePlaylist: (id: string): boolean => deletePlaylist.run(id).changes > 0,
    /** One pass of every playlist, in ms. */
    playlistDurations(): Record<string, number> {
      const passes = items.playlistDurations();
      const out: Record<string, number> = {};
      // An empty playlist counts 0 ms: the engine then warns "empty-playlist", not "unknown-playlist".
      for (const { id } of playlistIds.all()) out[id] = passes.get(id) ?? 0;
      return out;
    },

    listDayparts: (): Daypart[] => dayparts.all().map(toDaypart),
    getDaypart(id: string): Daypart | null {
      const row = daypart.get(id);
      return row ? toDaypart(row) : null;
    },
    saveDaypart(d: Daypart, now = new Date()): void {
      upsertDaypart.run({ id: d.id, name: d.name, windows: JSON.stringify(d.windows), now: now.toISOString() });
    },
    deleteDaypart: (id: string): boolean => deleteDaypart.run(id).changes > 0,

    listEvents: (): EventRow[] => events.all().map(toEvent),
    getEvent(id: string): EventRow | null {
      const row = event.get(id);
      return row ? toEvent(row) : null;
    },
    /** Creates or replaces an event and its target index, in one transaction. */
    saveEvent(e: ScheduleEvent, now = new Date()): EventRow {
      return db.transaction(() => {
        upsertEvent.run({
          id: e.id,
          body: JSON.stringify(e),
          playlistId: e.playlistId,
          daypartId: e.daypartId,
          now: now.toISOString(),
        });
        clearTargets.run(e.id);
        for (const [kind, target] of targetRows(e.targets)) insertTarget.run(e.id, kind, target);
        const row = event.get(e.id);
        if (!row) throw new Error(`event ${e.id} vanished after write`);
        return toEvent(row);
      })();
    },
    deleteEvent: (id: string): boolean => deleteEvent.run(id).changes > 0,
    /** The events whose targets can match this screen (the engine checks the match again). */
    eventsForScreen: (screen: ScreenTargetFacts): ScheduleEvent[] =>
      eventsForScreen.all({ screen: screen.id, wall: screen.wallId }).map((r) => toEvent(r).event),
    eventsUsingPlaylist: (id: string): string[] => eventsUsingPlaylist.all(id).map((r) => r.id),
    eventsUsingDaypart: (id: string): string[] => eventsUsingDaypart.all(id).map((r) => r.id),

    groupsOf: (screenId: string): string[] => groupsOf.all(screenId).map((r) => r.group_id),
    setGroups(screenId: string, groups: readonly string[]): void {
      db.transaction(() => {
        clearGroups.run(screenId);
        for (const g of groups) insertGroup.run(screenId, g);
      })();
    },
    /** The screens an event's targets name (screens that do not exist are left out). */
    screensTargeted(targets: EventTargets): string[] {
      if (targets.all) return allScreens.all().map((r) => r.id);
      const ids = new Set<string>();
      for (const s of targets.screens) if (screenExists.get(s)) ids.add(s);
      for (const w of targets.walls) for (const r of screensOfWall.all(w)) ids.add(r.id);
      for (const g of targets.groups) for (const r of screensOfGroup.all(g)) ids.add(r.screen_id);
      return [...ids].sort();
    },
    getWall: (id: string): WallRow | null => wall.get(id) ?? null,
    wallTiles: (wallId: string) =>
      wallTiles.all(wallId).map((r) => ({ screenId: r.id, column: r.tile_column, row: r.tile_row })),
  };
}
export type SchedulesRepository = ReturnType<typeof createSchedulesRepository>;
