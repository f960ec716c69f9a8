import { describe, expect, it } from 'vitest';
import { type LoopItem, type Manifest, parseManifest } from '@baruga/protocol';
import { playlistAt } from './manifest-schedule';
import { at, event } from './test-support';

const item = (id: string, durationMs = 10_000): LoopItem => ({
  id,
  type: 'text',
  typeVersion: 1,
  durationMs,
  props: { title: id },
  sample: false,
});

function manifest(overrides: Partial<Manifest> = {}): Manifest {
  const parsed = parseManifest({
    schemaVersion: 2,
    screenId: 'lounge-1',
    version: 3,
    issuedAt: '2025-03-07T00:00:00.000Z',
    expiresAt: '2025-03-14T00:00:00.000Z',
    screen: {
      id: 'lounge-1',
      name: 'Baruga Lounge · kiri atas',
      width: 1920,
      height: 1080,
      timezone: 'Asia/Makassar',
      locale: 'id-ID',
      public: false,
    },
    loop: [item('clock'), item('welcome')],
    playlists: { budget: [item('apbd', 20_000)], psa: [item('psa', 10_000)] },
    schedule: {
      wallId: 'baruga-lounge',
      groups: ['lounge'],
      events: [
        event({
          id: 'budget',
          name: 'Data APBD',
          playlistId: 'budget',
          start: '2025-03-03T08:00',
          rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
          durationMinutes: 480,
          targets: { screens: [], groups: [], walls: ['baruga-lounge'], all: false },
          priority: 5,
        }),
        event({
          id: 'psa',
          name: 'Layanan masyarakat',
          playlistId: 'psa',
          start: '2025-01-01T00:00',
          interrupt: { secondsPerHour: 60 },
          targets: { screens: [], groups: ['lounge'], walls: [], all: false },
          priority: 5,
        }),
      ],
      dayparts: [],
    },
    assets: [],
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

describe('playlistAt: what the player plays, from its manifest alone', () => {
  it('plays the scheduled playlist, with its items and why', () => {
    const now = playlistAt(manifest(), at('2025-03-07T09:05+08:00'));
    expect(now.playlistId).toBe('budget');
    expect(now.items.map((i) => i.id)).toEqual(['apbd']);
    expect(now.explanation).toBe('Event "Data APBD" (priority 5) plays.');
    expect(now.since).toBe(at('2025-03-07T09:00:10+08:00')); // after the 09:00 interrupt slot
    expect(now.until).toBe(at('2025-03-07T09:10+08:00'));
  });

  it('plays the interrupt in its slot, then goes back', () => {
    const m = manifest();
    expect(playlistAt(m, at('2025-03-07T09:10:05+08:00')).items.map((i) => i.id)).toEqual(['psa']);
    expect(playlistAt(m, at('2025-03-07T09:10:15+08:00')).playlistId).toBe('budget');
  });

  it("plays the screen's own loop when nothing is scheduled (a Saturday night)", () => {
    const now = playlistAt(manifest(), at('2025-03-08T21:00:30+08:00'));
    expect(now.playlistId).toBe('default');
    expect(now.items.map((i) => i.id)).toEqual(['clock', 'welcome']);
  });

  it('names a layout with no items of its own: its zones carry them', () => {
    const base = manifest();
    const lobby = {
      id: 'budget',
      name: 'Lobi',
      width: 1920,
      height: 1080,
      background: '#000000',
      zones: [
        {
          id: 'kiri',
          x: 0,
          y: 0,
          width: 960,
          height: 1080,
          z: 0,
          transition: { kind: 'cut' as const, durationMs: 0 },
          items: [item('grafik', 30_000)],
        },
      ],
    };
    const { budget: _, ...playlists } = base.playlists;
    const now = playlistAt(manifest({ playlists, layouts: { budget: lobby } }), at('2025-03-07T09:05+08:00'));
    expect(now.playlistId).toBe('budget');
    expect(now.items).toEqual([]);
  });

  it('keeps a v1 manifest playing its loop', () => {
    const v1 = manifest();
    const parsed = parseManifest({
      schemaVersion: 1,
      screenId: v1.screenId,
      version: v1.version,
      issuedAt: v1.issuedAt,
      expiresAt: v1.expiresAt,
      screen: v1.screen,
      loop: v1.loop,
      assets: [],
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(playlistAt(parsed.value, at('2025-03-07T09:05+08:00')).items).toEqual(v1.loop);
  });
});
