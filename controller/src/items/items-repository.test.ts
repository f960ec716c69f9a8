import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createRepositories } from '../db/repositories';
import type { CheckedItem } from './check-item';

const text = (body: string, durationMs = 10_000): CheckedItem => ({
  type: 'text',
  typeVersion: 1,
  durationMs,
  props: { body },
  sample: false,
});

const screen = (id: string) => ({
  id,
  name: id,
  width: 1920,
  height: 1080,
  timezone: 'Asia/Makassar',
  locale: 'id-ID' as const,
  public: false,
});

function setUp() {
  const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-items-')), 'baruga.sqlite'));
  const repos = createRepositories(db);
  repos.screens.create(screen('lobi'));
  repos.screens.create(screen('kiosk'));
  repos.schedules.savePlaylist('psa', 'PSA', []);
  return { db, repos, items: repos.items };
}

describe('items repository', () => {
  it('keeps each owner’s items apart and in order, and refuses an owner that does not exist', () => {
    const { db, items } = setUp();

    // 1. Two items on the lobby's loop, one on the kiosk's: each loop sees its own, in the order added.
    const first = items.append({ kind: 'loop', screenId: 'lobi' }, text('Selamat datang'));
    const second = items.append({ kind: 'loop', screenId: 'lobi' }, text('Jadwal layanan'));
    items.append({ kind: 'loop', screenId: 'kiosk' }, text('Antrean'));
    expect(items.list({ kind: 'loop', screenId: 'lobi' }).map((i) => [i.position, i.props['body']])).toEqual([
      [0, 'Selamat datang'],
      [1, 'Jadwal layanan'],
    ]);

    // 2. An item is removed only through its own owner.
    expect(items.remove({ kind: 'loop', screenId: 'kiosk' }, first.id)).toBe(false);
    expect(items.remove({ kind: 'loop', screenId: 'lobi' }, first.id)).toBe(true);
    expect(items.list({ kind: 'loop', screenId: 'lobi' }).map((i) => i.id)).toEqual([second.id]);

    // 3. A loop of a screen that does not exist cannot hold an item.
    expect(() => items.append({ kind: 'loop', screenId: 'no-such-screen' }, text('x'))).toThrow(/FOREIGN KEY/);

    // 4. Every item, with whom it belongs to, for the library and the garbage collector.
    expect(items.all().map((i) => [i.owner, i.props['body']])).toEqual([
      [{ kind: 'loop', screenId: 'kiosk' }, 'Antrean'],
      [{ kind: 'loop', screenId: 'lobi' }, 'Jadwal layanan'],
    ]);
    db.close();
  });

  it('replaces a list; with keepIds an unchanged item keeps its id, a changed one is new', () => {
    const { db, items } = setUp();
    const psa = { kind: 'playlist', playlistId: 'psa' } as const;

    // 1. A playlist of three items.
    items.replace(psa, [text('A'), text('B'), text('C')]);
    const before = items.list(psa);
    expect(before.map((i) => [i.position, i.props['body']])).toEqual([
      [0, 'A'],
      [1, 'B'],
      [2, 'C'],
    ]);

    // 2. Reordered, with B made longer: A and C keep their ids, B is a new item.
    items.replace(psa, [text('C'), text('B', 20_000), text('A')], { keepIds: true });
    const after = items.list(psa);
    expect(after.map((i) => i.props['body'])).toEqual(['C', 'B', 'A']);
    expect(after[0]?.id).toBe(before[2]?.id);
    expect(after[2]?.id).toBe(before[0]?.id);
    expect(before.map((i) => i.id)).not.toContain(after[1]?.id);
    expect(items.playlistDurations()).toEqual(new Map([['psa', 40_000]]));

    // 3. Without keepIds every item is new.
    items.replace(psa, [text('C'), text('B', 20_000), text('A')]);
    const fresh = items.list(psa).map((i) => i.id);
    for (const id of fresh) expect(after.map((i) => i.id)).not.toContain(id);
    db.close();
  });
});
