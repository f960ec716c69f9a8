/** The manifest gate tests' shared fixtures: a small valid manifest, and base64url as the controller writes it. */
export const b64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export const NOW = Date.parse('2026-03-01T00:00:00Z');

export function manifest(version: number, extra: Record<string, unknown> = {}) {
  return {
    schemaVersion: 2,
    screenId: 'lobi-1',
    version,
    issuedAt: '2026-02-28T00:00:00.000Z',
    expiresAt: '2026-03-07T00:00:00.000Z',
    screen: {
      id: 'lobi-1',
      name: 'Lobi',
      width: 1280,
      height: 720,
      timezone: 'Asia/Makassar',
      locale: 'id-ID',
      public: false,
    },
    loop: [{ id: 'a', type: 'text', typeVersion: 1, durationMs: 10_000, props: { body: 'Halo' }, sample: false }],
    playlists: {},
    schedule: { wallId: null, groups: [], events: [], dayparts: [] },
    assets: [],
    ...extra,
  };
}
