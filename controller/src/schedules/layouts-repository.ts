import crypto from 'node:crypto';
import type { PlaylistItemView, Transition, ZoneView } from '@baruga/protocol';
import { layoutPassMs } from '@baruga/schedules';
import type { Db } from '../db/database';
import { type RawItemColumns, toItem } from './schedules-repository';

/** Zoned layouts and each screen's overlay zones (migration 0005). */

/** A content item as checked on the way in (items/check-item.ts); the repository gives it its id. */
export interface NewZoneItem {
  type: string;
  typeVersion: number;
  durationMs: number;
  props: unknown;
  sample: boolean;
}

export interface NewZone {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  z: number;
  background?: string | undefined;
  transition: Transition;
  items: readonly NewZoneItem[];
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

/** Where a zone's items come from: for content usage and the garbage collector. */
export interface ZoneItemProps {
  /** The layout id, or the screen id for overlays. */
  owner: string;
  type: string;
  typeVersion: number;
  props: unknown;
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

interface RawItem extends RawItemColumns {
  owner: string;
  zone_id: string;
}

interface RawLayout {
  id: string;
  name: string;
  width: number;
  height: number;
  background: string;
  updated_at: string;
}

/** What makes two items the same item: everything but the id and the place. */
const sameness = (type: string, typeVersion: number, durationMs: number, sample: boolean, propsJson: string) =>
  JSON.stringify([type, typeVersion, durationMs, sample, propsJson]);

/**
 * The zones of one kind of owner (a layout, or a screen's overlays) and their items. Table and column names
 * are ours, never input.
 */
function createZoneStore(db: Db, t: { zones: string; items: string; owner: string }) {
  const zones = db.prepare<[string], RawZone>(
    `SELECT ${t.owner} AS owner, id, position, x, y, width, height, z, background, transition_kind, transition_ms
     FROM ${t.zones} WHERE ${t.owner} = ? ORDER BY position`,
  );
  const items = db.prepare<[string], RawItem>(
    `SELECT id, ${t.owner} AS owner, zone_id, position, type, type_version, duration_ms, props, sample
     FROM ${t.items} WHERE ${t.owner} = ? ORDER BY zone_id, position`,
  );
  const clear = db.prepare(`DELETE FROM ${t.zones} WHERE ${t.owner} = ?`); // items go with their zones
  const insertZone = db.prepare(
    `INSERT INTO ${t.zones} (${t.owner}, id, position, x, y, width, height, z, background, transition_kind,
       transition_ms)
     VALUES (@owner, @id, @position, @x, @y, @width, @height, @z, @background, @transitionKind, @transitionMs)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO ${t.items} (id, ${t.owner}, zone_id, position, type, type_version, duration_ms, props, sample)
     VALUES (@id, @owner, @zoneId, @position, @type, @typeVersion, @durationMs, @props, @sample)`,
  );
  const allItems = db.prepare<[], { owner: string; type: string; type_version: number; props: string }>(
    `SELECT ${t.owner} AS owner, type, type_version, props FROM ${t.items} ORDER BY ${t.owner}, zone_id, position`,
  );

  function read(owner: string): ZoneView[] {
    const byZone = new Map<string, PlaylistItemView[]>();
    for (const r of items.all(owner)) {
      const list = byZone.get(r.zone_id) ?? [];
      list.push(toItem(r));
      byZone.set(r.zone_id, list);
    }
    return zones.all(owner).map((z) => ({
      id: z.id,
      x: z.x,
      y: z.y,
      width: z.width,
      height: z.height,
      z: z.z,
      ...(z.background === null ? {} : { background: z.background }),
      transition: { kind: z.transition_kind, durationMs: z.transition_ms },
      items: byZone.get(z.id) ?? [],
    }));
  }

  /**
   * Replaces the owner's zones; call inside a transaction. An item that is the same as before in the same zone
   * keeps its id, so a zone nobody touched stays the same zone to a player (it goes on playing rather than
   * restart) and proof of play goes on counting the same item.
   */
  function write(owner: string, list: readonly NewZone[]): void {
    const reusable = new Map<string, string[]>();
    for (const r of items.all(owner)) {
      const key = `${r.zone_id}\u0000${sameness(r.type, r.type_version, r.duration_ms, r.sample === 1, r.props)}`;
      reusable.set(key, [...(reusable.get(key) ?? []), r.id]);
    }
    clear.run(owner);
    list.forEach((zone, position) => {
      insertZone.run({
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
      zone.items.forEach((item, itemPosition) => {
        const props = JSON.stringify(item.props);
        const key = `${zone.id}\u0000${sameness(item.type, item.typeVersion, item.durationMs, item.sample, props)}`;
        insertItem.run({
          id: reusable.get(key)?.shift() ?? crypto.randomUUID(),
          owner,
          zoneId: zone.id,
          position: itemPosition,
          type: item.type,
          typeVersion: item.typeVersion,
          durationMs: item.durationMs,
          props,
          sample: item.sample ? 1 : 0,
        });
      });
    });
  }

  return {
    read,
    write,
    allItems: (): ZoneItemProps[] =>
      allItems.all().map((r) => ({
        owner: r.owner,
        type: r.type,
        typeVersion: r.type_version,
        props: JSON.parse(r.props) as unknown,
      })),
  };
}

export function createLayoutsRepository(db: Db) {
  const layoutZones = createZoneStore(db, { zones: 'layout_zones', items: 'layout_items', owner: 'layout_id' });
  const overlayZones = createZoneStore(db, { zones: 'overlay_zones', items: 'overlay_items', owner: 'screen_id' });

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
        layoutZones.write(id, input.zones);
        const row = layout.get(id);
        if (!row) throw new Error(`layout ${id} vanished after write`);
        return readLayout(row);
      })();
    },
    deleteLayout: (id: string): boolean => deleteLayout.run(id).changes > 0,
    /** Every layout zone's items, with the layout they belong to. */
    layoutItems: (): ZoneItemProps[] => layoutZones.allItems(),

    overlays: (screenId: string): ZoneView[] => overlayZones.read(screenId),
    /** Replaces a screen's overlay zones, in one transaction; an empty list removes them. */
    setOverlays(screenId: string, zones: readonly NewZone[]): ZoneView[] {
      return db.transaction(() => {
        overlayZones.write(screenId, zones);
        return overlayZones.read(screenId);
      })();
    },
    /** Every overlay zone's items, with the screen they belong to. */
    overlayItems: (): ZoneItemProps[] => overlayZones.allItems(),
  };
}
export type LayoutsRepository = ReturnType<typeof createLayoutsRepository>;
