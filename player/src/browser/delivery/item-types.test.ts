import { type Manifest, parseManifest } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { itemTypes } from './item-types';

const item = (id: string, type: string, props: Record<string, unknown>) => ({
  id,
  type,
  typeVersion: 1,
  durationMs: 10_000,
  props,
  sample: false,
});

function manifest(): Manifest {
  const parsed = parseManifest({
    schemaVersion: 2,
    screenId: 'lobi-1',
    version: 4,
    issuedAt: '2026-03-01T00:00:00.000Z',
    expiresAt: '2026-03-08T00:00:00.000Z',
    screen: {
      id: 'lobi-1',
      name: 'Lobi',
      width: 1280,
      height: 720,
      timezone: 'Asia/Makassar',
      locale: 'id-ID',
      public: false,
    },
    loop: [item('salam', 'text', { body: 'Selamat datang' })],
    playlists: { siaran: [item('jam', 'clock', {})] },
    schedule: { wallId: null, groups: [], events: [], dayparts: [] },
    layouts: {
      rapat: {
        id: 'rapat',
        name: 'Rapat',
        width: 1280,
        height: 720,
        zones: [
          { id: 'kiri', x: 0, y: 0, width: 640, height: 720, items: [item('agenda', 'text', { body: 'Agenda' })] },
        ],
      },
    },
    overlays: [
      { id: 'ticker', x: 0, y: 640, width: 1280, height: 80, items: [item('info', 'running-text', { text: 'Info' })] },
    ],
    assets: [],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

describe('item types for proof of play', () => {
  it('names the type of every item a screen can show: loop, playlists, layout zones and overlays', () => {
    const types = itemTypes(manifest());
    expect(types.get('salam')).toBe('text');
    expect(types.get('jam')).toBe('clock');
    // Proof of play once recorded these as "unknown" (issue #11).
    expect(types.get('agenda')).toBe('text');
    expect(types.get('info')).toBe('running-text');
  });
});
