import { makePhoto } from '@baruga/content/fixtures';
import { type LibraryItem, type Manifest, type UploadResult, type WallView, parseManifest } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../testing/multipart';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

const panel = {
  widthPx: 1920,
  heightPx: 1080,
  activeWidthMm: 1209.6,
  activeHeightMm: 680.4,
  bezelMm: { top: 1.75, right: 1.75, bottom: 1.75, left: 1.75 },
};

/**
 * An operator builds the lounge wall: four screens become a 2×2 wall of 55-inch panels, each tile's manifest carries
 * the canvas and its viewport, an event aimed at the wall reaches every tile at one publish instant, and the wall
 * cannot be deleted from under that event.
 */
describe('walls API', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startTestController();
    for (const id of ['l1', 'l2', 'l3', 'l4', 'kiosk']) {
      const height = id === 'kiosk' ? 1920 : 1080;
      const width = id === 'kiosk' ? 1080 : 1920;
      expect((await inject('POST', '/api/screens', { id, name: id, width, height })).statusCode).toBe(201);
      await inject('POST', `/api/screens/${id}/items`, { type: 'text', props: { body: `Layar ${id}` } });
    }
  });
  afterAll(async () => {
    await t.controller.close();
  });

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.controller.app.inject({
      method,
      url,
      headers: t.auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const manifestOf = async (id: string): Promise<Manifest> => {
    const parsed = parseManifest((await inject('GET', `/api/screens/${id}/manifest`)).json());
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  };
  const lounge = {
    name: 'Lounge',
    columns: 2,
    rows: 2,
    panel,
    tiles: [
      { column: 0, row: 0, screenId: 'l1' },
      { column: 1, row: 0, screenId: 'l2' },
      { column: 0, row: 1, screenId: 'l3' },
      { column: 1, row: 1, screenId: 'l4' },
    ],
  };

  it('1. creates a wall: one compensated canvas, a viewport per tile, every tile published with it', async () => {
    const created = await inject('POST', '/api/walls', { id: 'lounge', ...lounge });
    expect(created.statusCode, created.body).toBe(201);
    const wall = created.json<WallView>();
    expect(wall.canvas).toEqual({ width: 3846, height: 2166 });
    expect(wall.tiles.map((x) => [x.screenId, x.viewport])).toEqual([
      ['l1', { x: 0, y: 0, width: 1920, height: 1080 }],
      ['l2', { x: 1926, y: 0, width: 1920, height: 1080 }],
      ['l3', { x: 0, y: 1086, width: 1920, height: 1080 }],
      ['l4', { x: 1926, y: 1086, width: 1920, height: 1080 }],
    ]);
    expect((await inject('GET', '/api/walls/lounge')).json()).toEqual(wall);
    expect((await inject('GET', '/api/walls')).json()).toEqual([wall]);
    // Each tile's signed manifest says where it sits on the wall.
    const m2 = await manifestOf('l2');
    expect(m2.wall).toEqual({
      id: 'lounge',
      name: 'Lounge',
      column: 1,
      row: 0,
      canvas: { width: 3846, height: 2166 },
      viewport: { x: 1926, y: 0, width: 1920, height: 1080 },
      rotation: 0,
    });
    expect((await inject('POST', '/api/screens/kiosk/publish')).statusCode).toBe(200);
    expect((await manifestOf('kiosk')).wall).toBeNull();
  });

  it('2. an event aimed at the wall reaches every tile in one publish, its pictures cut at the canvas size', async () => {
    const upload = multipartBody({ fileName: 'gedung.jpg', data: await makePhoto({ width: 800, height: 450 }) });
    const uploaded = await t.controller.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: { ...t.auth, ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const photo = uploaded.json<UploadResult>().item;
    const playlist = await inject('POST', '/api/playlists', {
      id: 'sambutan',
      name: 'Sambutan',
      items: [
        { type: 'text', props: { body: 'Selamat datang' }, durationMs: 10_000 },
        { type: 'image', props: { asset: photo.asset }, durationMs: 10_000 },
      ],
    });
    expect(playlist.statusCode).toBe(201);
    const event = await inject('POST', '/api/events', {
      name: 'Sambutan di dinding',
      playlistId: 'sambutan',
      targets: { walls: ['lounge'] },
      start: '2025-01-01T00:00',
    });
    expect(event.statusCode, event.body).toBe(201);
    expect(event.json().republished).toEqual(['l1', 'l2', 'l3', 'l4']);
    const manifests = await Promise.all(['l1', 'l2', 'l3', 'l4'].map(manifestOf));
    expect(new Set(manifests.map((m) => m.issuedAt)).size).toBe(1);
    // The picture fills the whole wall: one rendition of the canvas's size, the same on every tile.
    const pictures = manifests.map((m) => m.playlists.sambutan?.[1]?.props.asset);
    expect(new Set(pictures).size).toBe(1);
    const renditions = (await inject('GET', `/api/content/${photo.id}`)).json<LibraryItem>().renditions ?? [];
    expect(renditions.find((r) => r.sha256 === pictures[0])).toMatchObject({ width: 3846, height: 2166 });
  });

  it('2b. a layout for the wall is checked against the canvas, not against each tile', async () => {
    const layout = (id: string, width: number, height: number) =>
      inject('POST', '/api/layouts', {
        id,
        name: id,
        width,
        height,
        zones: [{ id: 'main', x: 0, y: 0, width, height, items: [{ type: 'text', props: { body: 'Halo' } }] }],
      });
    expect((await layout('dinding', 3846, 2166)).statusCode).toBe(201);
    expect((await layout('satu-layar', 1920, 1080)).statusCode).toBe(201);
    const on = (playlistId: string) =>
      inject('POST', '/api/events', {
        name: playlistId,
        playlistId,
        targets: { walls: ['lounge'] },
        start: '2025-01-01T00:00',
      });
    const fits = await on('dinding');
    expect(fits.json().event.warnings).toEqual([]);
    const small = await on('satu-layar');
    expect(small.json().event.warnings).toEqual([
      expect.objectContaining({
        code: 'layout-size-mismatch',
        message: expect.stringContaining('wall lounge (3846×2166)'),
      }),
    ]);
  });

  it('3. moves a tile to a rotated panel of another model and frees a screen; refuses what cannot be', async () => {
    // l4 is not 1080 × 1920: a portrait panel needs its screen to drive the panel's native 1920 × 1080.
    const small = { ...panel, activeWidthMm: 1073.8, activeHeightMm: 604 };
    const moved = await inject('PUT', '/api/walls/lounge', {
      ...lounge,
      tiles: [...lounge.tiles.slice(0, 3), { column: 1, row: 1, screenId: null, panel: small, rotation: 90 }],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const tile = moved.json<WallView>().tiles.find((x) => x.column === 1 && x.row === 1);
    expect(tile).toMatchObject({ screenId: null, rotation: 90, viewport: { width: 959, height: 1704 } });
    expect((await manifestOf('l4')).wall).toBeNull();

    const before = (await inject('GET', '/api/walls/lounge')).json();
    const refused: [unknown, number, string][] = [
      [{ ...lounge, tiles: [{ column: 0, row: 0, screenId: 'kiosk' }] }, 400, 'BARUGA_ERR_WALL_TILE_MISMATCH'],
      [{ ...lounge, tiles: [{ column: 0, row: 0, screenId: 'nope' }] }, 400, 'BARUGA_ERR_SCREEN_NOT_FOUND'],
      [{ ...lounge, tiles: [{ column: 2, row: 0, screenId: 'l1' }] }, 400, 'BARUGA_ERR_VALIDATION'],
      [{ ...lounge, panel: { ...panel, bezelMm: { ...panel.bezelMm, top: -1 } } }, 400, 'BARUGA_ERR_VALIDATION'],
    ];
    for (const [body, status, code] of refused) {
      const response = await inject('PUT', '/api/walls/lounge', body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    // Another wall cannot take a tile's screen, nor the wall's id.
    const other = await inject('POST', '/api/walls', {
      ...lounge,
      id: 'lobby',
      tiles: [{ column: 0, row: 0, screenId: 'l1' }],
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('BARUGA_ERR_SCREEN_ON_OTHER_WALL');
    expect((await inject('POST', '/api/walls', { id: 'lounge', ...lounge })).json().error.code).toBe(
      'BARUGA_ERR_WALL_EXISTS',
    );
    // A refused write changes nothing.
    expect((await inject('GET', '/api/walls/lounge')).json()).toEqual(before);
    expect((await inject('GET', '/api/walls/lobby')).statusCode).toBe(404);
  });

  it('4. a wall an event targets cannot be deleted; without events it goes, and its tiles are screens again', async () => {
    const refused = await inject('DELETE', '/api/walls/lounge');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'BARUGA_ERR_WALL_IN_USE',
    });
    // The first event and the two layout events of step 2b.
    expect(refused.json().error.details.eventIds).toHaveLength(3);
    const events = (await inject('GET', '/api/events')).json<{ event: { id: string } }[]>();
    for (const e of events) expect((await inject('DELETE', `/api/events/${e.event.id}`)).statusCode).toBe(204);
    expect((await inject('DELETE', '/api/walls/lounge')).statusCode).toBe(204);
    expect((await inject('GET', '/api/walls/lounge')).statusCode).toBe(404);
    expect((await manifestOf('l1')).wall).toBeNull();
    const screen = (await inject('GET', '/api/screens/l1')).json();
    expect(screen.wallId).toBeNull();
  });
});
