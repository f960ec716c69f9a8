import type { Transition, ZoneView } from '@baruga/protocol';
import { layoutPassMs } from '@baruga/schedules';
import type { Db } from '../db/database';
import type { CheckedItem } from '../items/check-item';
import type { ItemOwner, ItemsRepository } from '../items/items-repository';

/** Zoned layouts and each screen's overlay zones (migration 0005); their items are in the items table (0006). */

export interface NewZone {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  z: number;
  background?: string | undefined;
  transition: Transition;
  items: readonly CheckedItem[];
}

export interface NewLayout {
  name: string;
  width: number;
  height: number;
  background: string;
  zones: readonly NewZone[];
}

export interface LayoutRow {
  id: string;
  name: string;
  width: number;
  height: number;
  background: string;
  zones: ZoneView[];
  /** One pass, as the schedule engine counts it (the longest zone). */
  durationMs: number;
  updatedAt: string;
}

interface RawZone {
  owner: string;
  id: string;
  position: number;
  x: number;
  y: number;
  width: number;
  height: number;
  z: number;
  background: string | null;
  transition_kind: Transition['kind'];
  transition_ms: number;
}

interface RawLayout {
  id: string;
  name: string;
  width: number;
  height: number;
  background: string;
  updated_at: string;
}

/**
 * The zones of one kind of owner (a layout, or a screen's overlays), with their items from the items repository.
 * Table and column names are ours, never input.
 */
function createZoneStore(
  db: Db,
  items: ItemsRepository,
  t: { zones: string; owner: string; itemsOf: (owner: string, zoneId: string) => ItemOwner },
) {
  const zones = db.prepare<[string], RawZone>(
    `SELECT ${t.owner} AS owner, id, position, x, y, width, height, z, background, transition_kind, transition_ms
     FROM ${t.zones} WHERE ${t.owner} = ? ORDER BY position`,
  );
  // The zones a write leaves out go, and their items with them (a foreign key of migration 0006).
  const removeOthers = db.prepare<[string, string]>(
    `DELETE FROM ${t.zones} WHERE ${t.owner} = ? AND id NOT IN (SELECT value FROM json_each(?))`,
  );
  const upsertZone = db.prepare(
    `INSERT INTO ${t.zones} (${t.owner}, id, position, x, y, width, height, z, background, transition_kind,
       transition_ms)
     VALUES (@owner, @id, @position, @x, @y, @width, @height, @z, @background, @transitionKind, @transitionMs)
     ON CONFLICT (${t.owner}, id) DO UPDATE SET position = excluded.position, x = excluded.x, y = excluded.y,
       width = excluded.width, height = excluded.height, z = excluded.z, background = excluded.background,
       transition_kind = excluded.transition_kind, transition_ms = excluded.transition_ms`,
  );

  function read(owner: string): ZoneView[] {
    return zones.all(owner).map((z) => ({
      id: z.id,
      x: z.x,
      y: z.y,
      width: z.width,
      height: z.height,
      z: z.z,
      ...(z.background === null ? {} : { background: z.background }),
      transition: { kind: z.transition_kind, durationMs: z.transition_ms },
      items: items.list(t.itemsOf(owner, z.id)),
    }));
  }

  /**
   * Replaces the owner's zones; call inside a transaction. A zone that stays keeps its row, so an item the same
   * as before in the same zone keeps its id: a zone nobody touched stays the same zone to a player (it goes on
   * playing rather than restart) and proof of play goes on counting the same item.
   */
  function write(owner: string, list: readonly NewZone[], now: Date): void {
    removeOthers.run(owner, JSON.stringify(list.map((zone) => zone.id)));
    list.forEach((zone, position) => {
      upsertZone.run({
        owner,
        id: zone.id,
        position,
        x: zone.x,
        y: zone.y,
        width: zone.width,
        height: zone.height,
        z: zone.z,
        background: zone.background ?? null,
        transitionKind: zone.transition.kind,
        transitionMs: zone.transition.durationMs,
      });
      items.replace(t.itemsOf(owner, zone.id), zone.items, { keepIds: true, now });
    });
  }

  return { read, write };
}

export function createLayoutsRepository(db: Db, items: ItemsRepository) {
  const layoutZones = createZoneStore(db, items, {
    zones: 'layout_zones',
    owner: 'layout_id',
    itemsOf: (layoutId, zoneId) => ({ kind: 'layout', layoutId, zoneId }),
  });
  const overlayZones = createZoneStore(db, items, {
    zones: 'overlay_zones',
    owner: 'screen_id',
    itemsOf: (screenId, zoneId) => ({ kind: 'overlay', screenId, zoneId }),
  });

  const layouts = db.prepare<[], RawLayout>(
    'SELECT id, name, width, height, background, updated_at FROM layouts ORDER BY id',
  );
  const layout = db.prepare<[string], RawLayout>(
    'SELECT id, name, width, height, background, updated_at FROM layouts WHERE id = ?',
  );
  const insertLayout = db.prepare(
    `INSERT INTO layouts (id, name, width, height, background, created_at, updated_at)
     VALUES (@id, @name, @width, @height, @background, @now, @now)`,
  );
  const updateLayout = db.prepare(
    `UPDATE layouts SET name = @name, width = @width, height = @height, background = @background, updated_at = @now
     WHERE id = @id`,
  );
  const deleteLayout = db.prepare('DELETE FROM layouts WHERE id = ?');

  function readLayout(row: RawLayout): LayoutRow {
    const zones = layoutZones.read(row.id);
    return {
      id: row.id,
      name: row.name,
      width: row.width,
      height: row.height,
      background: row.background,
      zones,
      durationMs: layoutPassMs({ zones }),
      updatedAt: row.updated_at,
    };
  }

  return {
    listLayouts: (): LayoutRow[] => layouts.all().map(readLayout),
    getLayout(id: string): LayoutRow | null {
      const row = layout.get(id);
      return row ? readLayout(row) : null;
    },
    /** Creates or replaces a layout with its zones and items, in one transaction. */
    saveLayout(id: string, input: NewLayout, now = new Date()): LayoutRow {
      return db.transaction(() => {
        const fields = {
          id,
          name: input.name,
          width: input.width,
          height: input.height,
          background: input.background,
          now: now.toISOString(),
        };
        if (layout.get(id)) updateLayout.run(fields);
        else insertLayout.run(fields);
        layoutZones.write(id, input.zones, now);
        const row = layout.get(id);
        if (!row) throw new Error(`layout ${id} vanished after write`);
        return readLayout(row);
      })();
    },
    deleteLayout: (id: string): boolean => deleteLayout.run(id).changes > 0,

    overlays: (screenId: string): ZoneView[] => overlayZones.read(screenId),
    /** Replaces a screen's overlay zones, in one transaction; an empty list removes them. */
    setOverlays(screenId: string, zones: readonly NewZone[], now = new Date()): ZoneView[] {
      return db.transaction(() => {
        overlayZones.write(screenId, zones, now);
        return overlayZones.read(screenId);
      })();
    },
  };
}
export type LayoutsRepository = ReturnType<typeof createLayoutsRepository>;
