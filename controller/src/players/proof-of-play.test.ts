import crypto from 'node:crypto';
import type { PlayRecord, PlaySummary } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

describe('proof of play: what counts as one play, and reports people can read', () => {
  let t: Started;
  let itemId = '';
  beforeAll(async () => {
    t = await startTestController();
    const inject = (url: string, payload: object) =>
      t.controller.app.inject({ method: 'POST', url, headers: t.auth, payload });
    await inject('/api/screens', { id: 'aula', name: 'Aula Bappeda', width: 1280, height: 720 });
    const item = await inject('/api/screens/aula/items', {
      type: 'text',
      props: { title: 'Jadwal vaksinasi', body: 'Puskesmas buka pukul 08.00' },
    });
    itemId = item.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.controller.close();
  });

  const record = (startMs: number, overrides: Partial<PlayRecord> = {}): PlayRecord => ({
    id: crypto.randomUUID(),
    screenId: 'aula',
    itemId,
    itemType: 'text',
    zoneId: 'main',
    startedAt: new Date(startMs).toISOString(),
    endedAt: new Date(startMs + 10_000).toISOString(),
    manifestVersion: 3,
    ...overrides,
  });
  const stored = () => t.controller.db.prepare('SELECT count(*) AS n FROM proof_of_play').get() as { n: number };

  it('two windows showing one unclaimed screen record each play once', () => {
    const start = Date.UTC(2026, 11, 6, 1, 0, 0);
    // 1. The first window reports three passes of the item, ten seconds apart.
    const first = [0, 10_000, 20_000].map((offset) => record(start + offset));
    expect(t.controller.repos.proofOfPlay.insertBatch('web-jendela', first)).toBe(3);
    // 2. The second window, same player id (one browser), reports the same passes a few frames off.
    const second = [40, 10_016, 19_950].map((offset) => record(start + offset));
    expect(t.controller.repos.proofOfPlay.insertBatch('web-jendela', second)).toBe(0);
    // 3. A third window opened halfway through the first pass records it from there: the same pass, not a new play.
    const late = { ...record(start + 4000), endedAt: new Date(start + 10_000).toISOString() };
    expect(t.controller.repos.proofOfPlay.insertBatch('web-jendela', [late])).toBe(0);
    // 4. Plays that differ in what counts stay apart: another zone, another manifest, a second later.
    const apart = [
      record(start, { zoneId: 'ticker' }),
      record(start, { manifestVersion: 4 }),
      record(start + 30_000 + 1000),
    ];
    expect(t.controller.repos.proofOfPlay.insertBatch('web-jendela', apart)).toBe(3);
    // 5. The same batch sent again (its acknowledgement lost) adds nothing.
    expect(t.controller.repos.proofOfPlay.insertBatch('web-jendela', first)).toBe(0);
    expect(stored().n).toBe(6);
  });

  it('names the screen and the item in the summary, and writes a CSV with headings in the reader’s language', async () => {
    const get = (query: string) =>
      t.controller.app.inject({ method: 'GET', url: `/api/proof-of-play/summary?${query}`, headers: t.auth });
    const summary = (await get('screen=aula&by=day')).json<PlaySummary>();
    expect(summary.rows[0]).toMatchObject({ screenName: 'Aula Bappeda', itemName: 'Jadwal vaksinasi' });

    const lines = async (query: string) =>
      (await get(query)).body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
    const indonesian = await lines('by=day&format=csv&lang=id');
    expect(indonesian[0]).toBe(
      'Periode,Zona waktu,Layar,Nama layar,Konten,Nama konten,Jenis,Jumlah tayang,Durasi (detik)',
    );
    expect(indonesian[1]).toBe(`2026-12-06,Asia/Makassar,aula,Aula Bappeda,${itemId},Jadwal vaksinasi,Pengumuman,6,60`);
    expect((await lines('by=day&format=csv&lang=en'))[0]).toBe(
      'Period,Time zone,Screen,Screen name,Item,Item name,Type,Plays,Duration (seconds)',
    );
    // Scripts keep the machine headings they read today.
    expect((await lines('by=day&format=csv'))[0]).toBe('period,timezone,screen_id,item_id,item_type,plays,total_ms');
  });
});
