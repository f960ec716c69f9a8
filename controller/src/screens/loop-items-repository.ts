import crypto from 'node:crypto';
import type { LoopItemView } from '@baruga/protocol';
import type { Db } from '../db/database';

interface RawItem {
  id: string;
  screen_id: string;
  position: number;
  type: string;
  type_version: number;
  duration_ms: number;
  props: string;
  sample: number;
}

const toItem = (r: RawItem): LoopItemView => ({
  id: r.id,
  screenId: r.screen_id,
  position: r.position,
  type: r.type,
  typeVersion: r.type_version,
  durationMs: r.duration_ms,
  props: JSON.parse(r.props) as Record<string, unknown>, // written by us, validated on the way in
  sample: r.sample === 1,
});

export interface NewLoopItem {
  type: string;
  typeVersion: number;
  durationMs: number;
  props: unknown;
  sample: boolean;
}

export function createLoopItemsRepository(db: Db) {
  const list = db.prepare<[string], RawItem>('SELECT * FROM loop_items WHERE screen_id = ? ORDER BY position, id');
  const one = db.prepare<[string, string], RawItem>('SELECT * FROM loop_items WHERE screen_id = ? AND id = ?');
  const nextPosition = db.prepare<[string], { p: number }>(
    'SELECT coalesce(max(position), -1) + 1 AS p FROM loop_items WHERE screen_id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO loop_items (id, screen_id, position, type, type_version, duration_ms, props, sample, created_at)
     VALUES (@id, @screenId, @position, @type, @typeVersion, @durationMs, @props, @sample, @createdAt)`,
  );
  const remove = db.prepare('DELETE FROM loop_items WHERE screen_id = ? AND id = ?');
  const allProps = db.prepare<[], { props: string; type: string }>('SELECT type, props FROM loop_items');

  return {
    list: (screenId: string): LoopItemView[] => list.all(screenId).map(toItem),
    append(screenId: string, item: NewLoopItem): LoopItemView {
      return db.transaction(() => {
        const id = crypto.randomUUID();
        insert.run({
          id,
          screenId,
          position: nextPosition.get(screenId)?.p ?? 0,
          type: item.type,
          typeVersion: item.typeVersion,
          durationMs: item.durationMs,
          props: JSON.stringify(item.props),
          sample: item.sample ? 1 : 0,
          createdAt: new Date().toISOString(),
        });
        const row = one.get(screenId, id);
        if (!row) throw new Error(`loop item ${id} vanished after insert`);
        return toItem(row);
      })();
    },
    remove: (screenId: string, id: string): boolean => remove.run(screenId, id).changes > 0,
    allProps: () => allProps.all().map((r) => ({ type: r.type, props: JSON.parse(r.props) as unknown })),
  };
}
export type LoopItemsRepository = ReturnType<typeof createLoopItemsRepository>;
