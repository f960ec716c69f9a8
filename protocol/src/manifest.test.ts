import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { isKnownTimezone } from './ids';
import { parseManifest } from './manifest';

const manifest = {
  schemaVersion: 1,
  screenId: 'lounge-1',
  version: 3,
  issuedAt: '2026-11-30T01:00:00.000Z',
  expiresAt: '2026-12-07T01:00:00.000Z',
  screen: {
    id: 'lounge-1',
    name: 'Baruga Lounge',
    width: 1920,
    height: 1080,
    timezone: 'Asia/Makassar',
    locale: 'id-ID',
    public: false,
  },
  loop: [{ id: 'a', type: 'text', typeVersion: 1, durationMs: 10_000, props: { body: 'Halo' }, sample: false }],
  assets: [],
};

describe('manifest', () => {
  it('parses a well-formed manifest', () => {
    const parsed = parseManifest(manifest);
    expect(parsed.ok && parsed.value.loop[0]?.props).toEqual({ body: 'Halo' });
  });

  it('refuses a newer schema version with a reason instead of half-understanding it', () => {
    const parsed = parseManifest({ ...manifest, schemaVersion: 99 });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.message).toMatch(/newer than this player understands/);
  });

  it('refuses screen ids that could break out of their MQTT topic', () => {
    for (const id of ['a/b', 'a+', '#', 'A', '', 'x'.repeat(64)]) {
      expect(parseManifest({ ...manifest, screenId: id }).ok, id).toBe(false);
    }
  });

  it('refuses durations under a second and unknown timezones', () => {
    expect(parseManifest({ ...manifest, loop: [{ ...manifest.loop[0], durationMs: 10 }] }).ok).toBe(false);
    expect(parseManifest({ ...manifest, screen: { ...manifest.screen, timezone: 'Mars/Olympus' } }).ok).toBe(false);
  });
});

describe('manifest schema versions', () => {
  it('migrates v1 to v2: the loop stays the default playlist, nothing is scheduled', () => {
    const parsed = parseManifest(manifest);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.schemaVersion).toBe(2);
    expect(parsed.value.loop).toEqual(manifest.loop);
    expect(parsed.value.playlists).toEqual({});
    expect(parsed.value.schedule).toEqual({ wallId: null, groups: [], events: [], dayparts: [] });
  });

  it('refuses a v2 manifest that names "default" as a playlist: that id is the loop', () => {
    const v2 = { ...manifest, schemaVersion: 2, schedule: { wallId: null, groups: [], events: [], dayparts: [] } };
    expect(parseManifest({ ...v2, playlists: {} }).ok).toBe(true);
    expect(parseManifest({ ...v2, playlists: { default: [] } }).ok).toBe(false);
  });
});
describe('timezones', () => {
  it('knows the three Indonesian zones and refuses made-up ones', () => {
    expect(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'].every(isKnownTimezone)).toBe(true);
    expect(isKnownTimezone('Asia/Kendari')).toBe(false);
  });
});

describe('canonical JSON', () => {
  it('gives the same bytes whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: 2 } })).toBe(
      canonicalJson({ c: { y: 2, z: 1 }, a: [true, null, 'x'], b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
  });
});
