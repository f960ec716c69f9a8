import { type LoopItem, type Manifest, OVERLAYS_CUE, parseManifest } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { cycleOf, onScreenAt, positionAt, showingAfter } from './playback';
import { at, event } from './test-support';

const T = at('2025-03-07T09:00+08:00');

describe('where a zone is in its playlist', () => {
  const durations = [10_000, 5_000, 20_000]; // a pass of 35 s

  it('follows from the instant its cycle began, not from when anyone asked', () => {
    const cycle = { start: T, index: 0 };
    expect(positionAt(durations, cycle, T)).toEqual({
      index: 0,
      offsetMs: 0,
      startedAt: T,
      dueAt: T + 10_000,
      nextIndex: 1,
    });
    expect(positionAt(durations, cycle, T + 12_000)).toMatchObject({ index: 1, offsetMs: 2_000, dueAt: T + 15_000 });
    expect(positionAt(durations, cycle, T + 15_000)).toMatchObject({ index: 2, offsetMs: 0, nextIndex: 0 });
    // An hour and a bit later: 102 passes of 35 s, then 30 s in.
    expect(positionAt(durations, cycle, T + 3600_000)).toMatchObject({ index: 2, offsetMs: 15_000 });
  });

  it('begins at the cued item, and runs backwards before its cycle began', () => {
    const cycle = { start: T, index: 2 };
    expect(positionAt(durations, cycle, T + 21_000)).toMatchObject({ index: 0, offsetMs: 1_000 });
    // 3 ms before the cue (a clock estimate a little behind): the item that ends at the cue.
    expect(positionAt(durations, cycle, T - 3)).toMatchObject({ index: 1, dueAt: T, nextIndex: 2 });
  });

  it('gives the same boundaries whatever the fraction of the instant asked about', () => {
    const cycle = { start: T, index: 0 };
    const a = positionAt(durations, cycle, T + 40_000.123456);
    const b = positionAt(durations, cycle, T + 44_999.999);
    expect(a?.startedAt).toBe(T + 35_000);
    expect(b?.startedAt).toBe(T + 35_000);
    expect(a?.dueAt).toBe(b?.dueAt);
  });

  it('has nothing to say about a zone without items', () => {
    expect(positionAt([], { start: T, index: 0 }, T)).toBeNull();
  });

  it('plans the next showing on the grid, and lets a late zone catch up at the next boundary', () => {
    const cycle = { start: T, index: 0 };
    // On time: the next item begins when this one ends.
    expect(showingAfter(durations, cycle, { index: 0, at: T }, T + 3_000)).toEqual({ index: 1, at: T + 10_000 });
    // Item 0 reached the screen 11 s late (its showing was over): skip to the next boundary after now.
    expect(showingAfter(durations, cycle, { index: 0, at: T }, T + 11_000)).toEqual({ index: 2, at: T + 15_000 });
  });

  it('starts from the segment, or from a cue published later', () => {
    expect(cycleOf(T, undefined)).toEqual({ start: T, index: 0 });
    expect(cycleOf(T, { at: T + 5_000, index: 2 })).toEqual({ start: T + 5_000, index: 2 });
    // A cue from before the segment began says nothing about it.
    expect(cycleOf(T, { at: T - 5_000, index: 2 })).toEqual({ start: T, index: 0 });
  });
});

const item = (id: string, durationMs = 10_000): LoopItem => ({
  id,
  type: 'text',
  typeVersion: 1,
  durationMs,
  props: { body: id },
  sample: false,
});

function manifest(extra: Record<string, unknown> = {}): Manifest {
  const parsed = parseManifest({
    schemaVersion: 2,
    screenId: 'lounge-1',
    version: 3,
    issuedAt: '2025-03-07T00:00:00.000Z',
    expiresAt: '2025-03-14T00:00:00.000Z',
    screen: {
      id: 'lounge-1',
      name: 'Lounge',
      width: 1920,
      height: 1080,
      timezone: 'Asia/Makassar',
      locale: 'id-ID',
      public: false,
    },
    loop: [item('a'), item('b')],
    playlists: {},
    schedule: {
      wallId: null,
      groups: [],
      events: [
        event({
          id: 'rapat',
          playlistId: 'rapat',
          targets: { screens: ['lounge-1'], groups: [], walls: [], all: false },
          start: '2025-03-07T09:00',
          durationMinutes: 60,
        }),
      ],
      dayparts: [],
    },
    layouts: {
      rapat: {
        id: 'rapat',
        name: 'Rapat',
        width: 1920,
        height: 1080,
        zones: [
          { id: 'kiri', x: 0, y: 0, width: 960, height: 1080, items: [item('judul', 30_000), item('peta', 30_000)] },
          { id: 'kanan', x: 960, y: 0, width: 960, height: 1080, items: [item('agenda', 20_000)] },
        ],
      },
    },
    overlays: [{ id: 'ticker', x: 0, y: 1000, width: 1920, height: 80, items: [item('t1', 4_000), item('t2')] }],
    assets: [],
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

describe('what a screen shows at an instant', () => {
  it('places every zone of the scheduled layout from its segment, and the overlays from the epoch', () => {
    const { zones } = onScreenAt(manifest(), T + 45_000);
    expect(zones.map((z) => [z.programme, z.zone, z.itemId, z.position?.offsetMs])).toEqual([
      ['rapat', 'kiri', 'peta', 15_000],
      ['rapat', 'kanan', 'agenda', 5_000],
      // The ticker's 14 s pass counted from 1970: T + 45 s is 11 s into one (T itself is 8 s into one).
      [OVERLAYS_CUE, 'ticker', 't2', 7_000],
    ]);
  });

  it('starts a zone whose items a publish changed at the cued item, from the publish', () => {
    const published = T + 50_000;
    const m = manifest({
      cues: [{ programme: 'rapat', zone: 'kiri', at: new Date(published).toISOString(), index: 1 }],
    });
    const kiri = () => onScreenAt(m, published + 1_000).zones.find((z) => z.zone === 'kiri');
    expect(kiri()).toMatchObject({ itemId: 'peta', position: { offsetMs: 1_000 } });
    // The other zone is not disturbed.
    expect(onScreenAt(m, published + 1_000).zones.find((z) => z.zone === 'kanan')?.position?.offsetMs).toBe(11_000);
  });

  it('plays the loop outside the event, from the start of the local day', () => {
    const { zones } = onScreenAt(manifest(), at('2025-03-07T00:00:35+08:00'));
    expect(zones[0]).toMatchObject({ programme: 'default', zone: 'main', itemId: 'b', position: { offsetMs: 5_000 } });
  });
});
