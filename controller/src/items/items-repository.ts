import crypto from 'node:crypto';
import { type LoopItemView, type PlaylistItemView, missingCase } from '@baruga/protocol';
import type { CheckedItem } from './check-item';
import type { Db } from '../db/database';

/**
 * Every content item, whoever holds it (migration 0006): the one place that reads and writes them, so a rule
 * about stored items (approval for public screens, library usage, garbage collection) has one place to go.
 */

/** Who holds a list of items: a screen's loop, a playlist, a zone of a layout, or a zone of a screen's overlays. */
export type ItemOwner =
  | { kind: 'loop'; screenId: string }
  | { kind: 'playlist'; playlistId: string }
  | { kind: 'layout'; layoutId: string; zoneId: string }
  | { kind: 'overlay'; screenId: string; zoneId: string };

/** A stored item as the API shows it in a playlist or a zone (a loop item adds its screen). */
export type StoredItem = PlaylistItemView;

/** An item with the owner it belongs to: for library usage and the garbage collector. */
export interface OwnedItem extends StoredItem {
  owner: ItemOwner;
}

interface RawItem {
  id: string;
  owner_kind: ItemOwner['kind'];
  owner_id: string;
  zone_id: string | null;
  position: number;
  type: string;
  type_version: number;
  duration_ms: number;
  props: string;
  sample: number;
  created_at: string | null;
}

interface OwnerKey {
  kind: ItemOwner['kind'];
  ownerId: string;
  zoneId: string | null;
}

interface ItemRow extends OwnerKey {
  id: string;
  position: number;
  type: string;
  typeVersion: number;
  durationMs: number;
  props: string;
  sample: number;
  createdAt: string | null;
}

const COLUMNS =
  'id, owner_kind, owner_id, zone_id, position, type, type_version, duration_ms, props, sample, created_at';

function ownerKey(owner: ItemOwner): OwnerKey {
  switch (owner.kind) {
    case 'loop':
      return { kind: owner.kind, ownerId: owner.screenId, zoneId: null };
    case 'playlist':
      return { kind: owner.kind, ownerId: owner.playlistId, zoneId: null };
    case 'layout':
      return { kind: owner.kind, ownerId: owner.layoutId, zoneId: owner.zoneId };
    case 'overlay':
      return { kind: owner.kind, ownerId: owner.screenId, zoneId: owner.zoneId };
    default:
      return missingCase(owner);
  }
}

function ownerOf(r: RawItem): ItemOwner {
  const zone = (): string => {
    // Migration 0006's CHECK gives every zone item its zone.
    if (r.zone_id === null) throw new Error(`${r.owner_kind} item ${r.id} has no zone`);
    return r.zone_id;
  };
  switch (r.owner_kind) {
    case 'loop':
      return { kind: 'loop', screenId: r.owner_id };
    case 'playlist':
      return { kind: 'playlist', playlistId: r.owner_id };
    case 'layout':
      return { kind: 'layout', layoutId: r.owner_id, zoneId: zone() };
    case 'overlay':
      return { kind: 'overlay', screenId: r.owner_id, zoneId: zone() };
    default:
      return missingCase(r.owner_kind);
  }
}

/** The one row mapper: a stored item as the API shows it. */
const toItem = (r: RawItem): StoredItem => ({
  id: r.id,
  position: r.position,
  type: r.type,
  typeVersion: r.type_version,
  durationMs: r.duration_ms,
  props: JSON.parse(r.props) as Record<string, unknown>, // written by us, validated on the way in
  sample: r.sample === 1,
});

/** A loop item as the API shows it: the same item, naming its screen. */
export const loopItemView = (screenId: string, { id, ...rest }: StoredItem): LoopItemView => ({
  id,
  screenId,
  ...rest,
});

/** What makes two items the same item: everything but the id and the place. */
const sameness = (type: string, typeVersion: number, durationMs: number, sample: boolean, propsJson: string) =>
  JSON.stringify([type, typeVersion, durationMs, sample, propsJson]);

export function createItemsRepository(db: Db) {
  // `zone_id IS @zoneId` matches the null of a loop or playlist; the index items_by_owner serves it.
  const byOwner = 'owner_kind = @kind AND owner_id = @ownerId AND zone_id IS @zoneId';
  const list = db.prepare<[OwnerKey], RawItem>(`SELECT ${COLUMNS} FROM items WHERE ${byOwner} ORDER BY position, id`);
  const one = db.prepare<[OwnerKey & { id: string }], RawItem>(
    `SELECT ${COLUMNS} FROM items WHERE ${byOwner} AND id = @id`,
  );
  const nextPosition = db.prepare<[OwnerKey], { p: number }>(
    `SELECT coalesce(max(position), -1) + 1 AS p FROM items WHERE ${byOwner}`,
  );
  const insert = db.prepare<[ItemRow]>(
    `INSERT INTO items (id, owner_kind, owner_id, zone_id, position, type, type_version, duration_ms, props, sample,
       created_at)
     VALUES (@id, @kind, @ownerId, @zoneId, @position, @type, @typeVersion, @durationMs, @props, @sample, @createdAt)`,
  );
  const clear = db.prepare<[OwnerKey]>(`DELETE FROM items WHERE ${byOwner}`);
  const remove = db.prepare<[OwnerKey & { id: string }]>(`DELETE FROM items WHERE ${byOwner} AND id = @id`);
  const all = db.prepare<[], RawItem>(
    `SELECT ${COLUMNS} FROM items ORDER BY owner_kind, owner_id, zone_id, position, id`,
  );
  const playlistTotals = db.prepare<[], { owner_id: string; ms: number }>(
    "SELECT owner_id, sum(duration_ms) AS ms FROM items WHERE owner_kind = 'playlist' GROUP BY owner_id",
  );

  const write = (key: OwnerKey, item: CheckedItem, at: { id: string; position: number; createdAt: string | null }) =>
    insert.run({
      ...key,
      ...at,
      type: item.type,
      typeVersion: item.typeVersion,
      durationMs: item.durationMs,
      props: JSON.stringify(item.props),
      sample: item.sample ? 1 : 0,
    });

  return {
    /** The owner's items in play order. */
    list: (owner: ItemOwner): StoredItem[] => list.all(ownerKey(owner)).map(toItem),

    /** Adds an item after the owner's last one. */
    append(owner: ItemOwner, item: CheckedItem, now = new Date()): StoredItem {
      return db.transaction(() => {
        const key = ownerKey(owner);
        const id = crypto.randomUUID();
        write(key, item, { id, position: nextPosition.get(key)?.p ?? 0, createdAt: now.toISOString() });
        const row = one.get({ ...key, id });
        if (!row) throw new Error(`item ${id} vanished after insert`);
        return toItem(row);
      })();
    },

    /**
     * Replaces the owner's items with these, in this order; call inside the transaction that writes the owner.
     * With `keepIds`, an item the same as one it replaces keeps that one's id, so a list nobody touched stays the
     * same list to a player (it goes on playing rather than restart) and proof of play goes on counting the same
     * item (and keeps when it was made); without, every item is new.
     */
    replace(owner: ItemOwner, items: readonly CheckedItem[], options: { keepIds?: boolean; now?: Date } = {}): void {
      const key = ownerKey(owner);
      const reusable = new Map<string, { id: string; createdAt: string | null }[]>();
      if (options.keepIds) {
        for (const r of list.all(key)) {
          const same = sameness(r.type, r.type_version, r.duration_ms, r.sample === 1, r.props);
          reusable.set(same, [...(reusable.get(same) ?? []), { id: r.id, createdAt: r.created_at }]);
        }
      }
      clear.run(key);
      const now = (options.now ?? new Date()).toISOString();
      items.forEach((item, position) => {
        const same = sameness(item.type, item.typeVersion, item.durationMs, item.sample, JSON.stringify(item.props));
        const kept = reusable.get(same)?.shift();
        write(key, item, { id: kept?.id ?? crypto.randomUUID(), position, createdAt: kept ? kept.createdAt : now });
      });
    },

    /** Removes one item of the owner's; false when the owner has no item with this id. */
    remove: (owner: ItemOwner, id: string): boolean => remove.run({ ...ownerKey(owner), id }).changes > 0,

    /** Every item with its owner, owners in a stable order. */
    all: (): OwnedItem[] => all.all().map((r) => ({ ...toItem(r), owner: ownerOf(r) })),

    /** One pass of each playlist that has items, in ms, by playlist id. */
    playlistDurations: (): Map<string, number> => new Map(playlistTotals.all().map((r) => [r.owner_id, r.ms])),
  };
}
export type ItemsRepository = ReturnType<typeof createItemsRepository>;
