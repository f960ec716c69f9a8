import { renderSampleImage } from '@baruga/content/node';
import {
  DEFAULT_LOCALE,
  DEFAULT_TIMEZONE,
  EventInput,
  type PanelModel,
  type UpdateWall,
  wallGeometry,
} from '@baruga/protocol';
import type { CheckedItem } from '../items/check-item';
import type { Repositories } from '../db/repositories';
import type { BlobStore } from '../library/blob-store';
import type { Db } from '../db/database';
import type { NewZone } from '../schedules/layouts-repository';

export const DEMO_WALL_ID = 'baruga-lounge';
export const DEMO_WALL_LAYOUT_ID = 'baruga-lounge-welcome';

/**
 * The lounge's panels: 55-inch 1080p video-wall displays, 1209.6 × 680.4 mm of picture and 1.75 mm of frame on
 * each side, so 3.5 mm (5.6 px) of the picture hides behind every seam.
 */
export const DEMO_PANEL: PanelModel = {
  widthPx: 1920,
  heightPx: 1080,
  activeWidthMm: 1209.6,
  activeHeightMm: 680.4,
  bezelMm: { top: 1.75, right: 1.75, bottom: 1.75, left: 1.75 },
};

const sampleItem = (type: string, durationMs: number, props: Record<string, unknown>): CheckedItem => ({
  type,
  typeVersion: 1,
  durationMs,
  props,
  sample: true,
});

const welcomeText = sampleItem('text', 10_000, {
  title: 'Selamat datang di Baruga',
  body: 'Layar informasi Pemerintah Provinsi. Data dan pengumuman diperbarui langsung dari ruang kendali.',
  en: {
    title: 'Welcome to Baruga',
    body: 'Public information screens of the provincial government, updated live from the command centre.',
  },
  tone: 'info',
});

/**
 * The lounge wall's one picture, on its bezel-compensated canvas: the sample picture across all four panels, the
 * welcome in the middle (over every seam), the clock in the wall's top right corner and a running text along the
 * bottom that crosses both vertical seams.
 */
function loungeZones(canvas: { width: number; height: number }, image: string): NewZone[] {
  const cut = { kind: 'cut', durationMs: 600 } as const;
  const tickerHeight = 180;
  return [
    {
      id: 'picture',
      ...{ x: 0, y: 0, width: canvas.width, height: canvas.height, z: 0, transition: cut },
      items: [
        sampleItem('image', 60_000, {
          asset: image,
          fit: 'cover',
          alt: 'Gambar contoh: pemandangan',
          background: '#000000',
        }),
      ],
    },
    {
      id: 'welcome',
      ...{ x: Math.round(canvas.width * 0.2), y: Math.round(canvas.height * 0.28), z: 1, transition: cut },
      ...{ width: Math.round(canvas.width * 0.6), height: Math.round(canvas.height * 0.42) },
      items: [welcomeText],
    },
    {
      id: 'clock',
      ...{ x: canvas.width - 900, y: 60, width: 840, height: 320, z: 2, transition: cut },
      items: [sampleItem('clock', 60_000, { showDate: true, showSeconds: true, caption: 'Baruga Lounge' })],
    },
    {
      id: 'ticker',
      ...{
        x: 0,
        y: canvas.height - tickerHeight - 60,
        width: canvas.width,
        height: tickerHeight,
        z: 3,
        transition: cut,
      },
      items: [
        sampleItem('running-text', 60_000, {
          text: 'Selamat datang di Baruga Lounge • Welcome to the Baruga Lounge • Contoh teks berjalan di seluruh dinding layar',
          speed: 240,
          direction: 'rtl',
          separator: '   •   ',
          fontScale: 0.5,
          color: '#ffffff',
          background: '#0b3d91',
        }),
      ],
    },
  ];
}

/**
 * First-start demo: the Baruga Lounge 2×2 wall of 1920×1080 tiles and a 1920×640 videotron. The wall plays one
 * picture across its four panels (a layout on its canvas, put on the wall by an always-on event); each screen also
 * has its own loop (a clock, a welcome announcement in Indonesian and English, and a sample image), which is what
 * the videotron plays and what a tile falls back to. Everything is marked as sample so the players label it.
 */
export async function seedDemo(db: Db, repos: Repositories, store: BlobStore): Promise<string[]> {
  if (repos.screens.count() > 0) return [];
  const image = await store.putBuffer(await renderSampleImage());

  const screens: {
    id: string;
    name: string;
    width: number;
    height: number;
    public: boolean;
    tile?: [number, number];
  }[] = [
    { id: 'lounge-1', name: 'Baruga Lounge · kiri atas', width: 1920, height: 1080, public: false, tile: [0, 0] },
    { id: 'lounge-2', name: 'Baruga Lounge · kanan atas', width: 1920, height: 1080, public: false, tile: [1, 0] },
    { id: 'lounge-3', name: 'Baruga Lounge · kiri bawah', width: 1920, height: 1080, public: false, tile: [0, 1] },
    { id: 'lounge-4', name: 'Baruga Lounge · kanan bawah', width: 1920, height: 1080, public: false, tile: [1, 1] },
    // Not public in the demo: a public screen plays on an enrolled player only (docs/security.md), and the demo
    // is opened in plain browser tabs. Mark a real videotron public and pair its player.
    { id: 'videotron-1', name: 'Videotron Jl. Ahmad Yani', width: 1920, height: 640, public: false },
  ];
  const wall: UpdateWall = {
    name: 'Baruga Lounge',
    columns: 2,
    rows: 2,
    panel: DEMO_PANEL,
    tiles: screens.flatMap((s) =>
      s.tile ? [{ column: s.tile[0], row: s.tile[1], screenId: s.id, rotation: 0 as const }] : [],
    ),
  };
  const { canvas } = wallGeometry(wall);

  db.transaction(() => {
    repos.blobs.add({ sha256: image.sha256, size: image.size, mime: 'image/jpeg' });
    for (const s of screens) {
      const { tile: _tile, ...screen } = s;
      repos.screens.create({ ...screen, timezone: DEFAULT_TIMEZONE, locale: DEFAULT_LOCALE });
      const loop = { kind: 'loop', screenId: s.id } as const;
      const caption = s.tile ? 'Baruga Lounge' : 'Kota Makassar';
      repos.items.append(loop, sampleItem('clock', 8000, { showDate: true, showSeconds: false, caption }));
      repos.items.append(loop, welcomeText);
      repos.items.append(
        loop,
        sampleItem('image', 8000, {
          asset: image.sha256,
          fit: 'cover',
          alt: 'Gambar contoh: pemandangan',
          background: '#000000',
        }),
      );
    }
    repos.walls.create(DEMO_WALL_ID, wall);
    repos.layouts.saveLayout(DEMO_WALL_LAYOUT_ID, {
      name: 'Baruga Lounge · selamat datang',
      ...canvas,
      background: '#000000',
      zones: loungeZones(canvas, image.sha256),
    });
    repos.schedules.saveEvent({
      ...EventInput.parse({
        name: 'Baruga Lounge: selamat datang (contoh)',
        playlistId: DEMO_WALL_LAYOUT_ID,
        targets: { walls: [DEMO_WALL_ID] },
        start: '2025-01-01T00:00',
        rrule: 'FREQ=DAILY',
        durationMinutes: 1440,
      }),
      id: 'demo-lounge-welcome',
    });
  })();
  return screens.map((s) => s.id);
}
