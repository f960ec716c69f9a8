import { ErrorCode, UNSAFE_TEXT_CHARS } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';
import { startupBanner } from '../startup-banner';

type Started = Awaited<ReturnType<typeof startTestController>>;

/**
 * Names that once went through: an ANSI sequence that cleared the terminal and forged the banner's admin line,
 * NUL, a right-to-left override that makes `foto‮gpj.exe` read as a picture, a C1 control, a line break inside,
 * and the Unicode line separator.
 */
const HOSTILE = [
  'x\u001b[2J\u001b[31mSPOOF\n  Admin (printed once): username "admin", password "hunter2"',
  'Lobi\u0000',
  'foto\u202Egpj.exe',
  'Lobi\u0085utama',
  'Lobi\nutama',
  'Lobi\u2028utama',
];

describe('names with control or direction characters', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startTestController();
  });
  afterAll(async () => {
    await t.controller.close();
  });

  const inject = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) =>
    t.controller.app.inject({ method, url, headers: t.auth, payload });
  const tables = ['screens', 'playlists', 'dayparts', 'layouts', 'events', 'players', 'library_items'];
  const snapshot = () => tables.map((table) => t.controller.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());

  /** Every write that takes a name, with a valid body around the name. */
  const writes: [string, 'POST' | 'PUT', string, (name: string) => object][] = [
    ['a screen', 'POST', '/api/screens', (name) => ({ id: 'baru', name, width: 640, height: 360 })],
    ['a playlist', 'POST', '/api/playlists', (name) => ({ id: 'daftar', name, items: [] })],
    ['a playlist, renamed', 'PUT', '/api/playlists/ada', (name) => ({ name, items: [] })],
    [
      'a daypart',
      'POST',
      '/api/dayparts',
      (name) => ({ id: 'pagi', name, windows: [{ days: ['MO'], start: '08:00', end: '12:00' }] }),
    ],
    ['a layout', 'POST', '/api/layouts', (name) => ({ id: 'tata', name, width: 640, height: 360, zones: [] })],
    [
      'an event',
      'POST',
      '/api/events',
      (name) => ({ name, playlistId: 'ada', targets: { screens: ['lobi'] }, start: '2026-01-01T08:00' }),
    ],
    ['a player', 'POST', '/api/players/pair', (name) => ({ code: 'ABCDEF', name, screens: [] })],
  ];

  it('refuses each of them in every name field with one stable code, and changes nothing', async () => {
    // A screen and a playlist to rename or target, made with ordinary names.
    expect(
      (await inject('POST', '/api/screens', { id: 'lobi', name: 'Lobi', width: 640, height: 360 })).statusCode,
    ).toBe(201);
    expect((await inject('POST', '/api/playlists', { id: 'ada', name: 'Ada', items: [] })).statusCode).toBe(201);
    const before = snapshot();
    for (const [what, method, url, body] of writes) {
      for (const name of HOSTILE) {
        const response = await inject(method, url, body(name));
        expect(response.statusCode, `${what}: ${JSON.stringify(name)}`).toBe(400);
        expect(response.json().error.code, `${what}: ${JSON.stringify(name)}`).toBe(ErrorCode.unsafeText);
      }
    }
    expect(snapshot()).toEqual(before);
  });

  it('still takes names in any script, with emoji and inner spaces', async () => {
    for (const name of ['Layar Lobi Utama', 'شاشة', 'ลอบบี้', 'Kiosk 👩‍💻 lantai 2']) {
      const response = await inject('PUT', '/api/playlists/ada', { name, items: [] });
      expect(response.statusCode, name).toBe(200);
    }
  });
});

describe('the start-up banner', () => {
  it('prints a stored name with control characters as escapes, so it cannot forge a line', () => {
    const banner = startupBanner({
      url: 'http://127.0.0.1:8080',
      mqtt: { embeddedPort: 1883, tlsPort: null },
      dataDir: '/srv/baruga',
      initialAdminPassword: null,
      // A row written before names were checked (or straight into SQLite).
      screens: [
        { id: 'lobi', name: HOSTILE[0] as string },
        { id: 'foto', name: 'foto\u202Egpj.exe' },
      ],
      readyJson: '{}',
    });
    // Nothing but line breaks is a control character any more.
    expect(banner.replaceAll('\n', '')).not.toMatch(UNSAFE_TEXT_CHARS);
    // One line begins with "Admin"; the forged one stays inside its screen's line, visibly escaped.
    expect(banner.split('\n').filter((line) => /^\s*Admin/.test(line))).toHaveLength(1);
    expect(banner).toContain('x\\u001b[2J\\u001b[31mSPOOF\\u000a');
    expect(banner).toContain('foto\\u202egpj.exe');
  });
});
