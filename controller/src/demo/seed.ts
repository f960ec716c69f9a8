import { renderSampleImage } from '@baruga/content/node';
import { DEFAULT_LOCALE, DEFAULT_TIMEZONE } from '@baruga/protocol';
import type { Repositories } from '../db/repositories';
import type { BlobStore } from '../library/blob-store';
import type { Db } from '../db/database';

export const DEMO_WALL_ID = 'baruga-lounge';

/**
 * First-start demo: the Baruga Lounge 2×2 wall of 1920×1080 tiles and a 1920×640 videotron, each
 * with a clock, a welcome announcement in Indonesian and English, and a sample image, all marked
 * as sample so the players label them on screen.
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

  db.transaction(() => {
    repos.blobs.add({ sha256: image.sha256, size: image.size, mime: 'image/jpeg' });
    repos.screens.createWall({
      id: DEMO_WALL_ID,
      name: 'Baruga Lounge',
      columns: 2,
      rows: 2,
      tileWidth: 1920,
      tileHeight: 1080,
    });
    for (const s of screens) {
      repos.screens.create(
        {
          id: s.id,
          name: s.name,
          width: s.width,
          height: s.height,
          timezone: DEFAULT_TIMEZONE,
          locale: DEFAULT_LOCALE,
          public: s.public,
        },
        s.tile ? { wallId: DEMO_WALL_ID, column: s.tile[0], row: s.tile[1] } : undefined,
      );
      const loop = { kind: 'loop', screenId: s.id } as const;
      repos.items.append(loop, {
        type: 'clock',
        typeVersion: 1,
        durationMs: 8000,
        props: { showDate: true, showSeconds: false, caption: s.tile ? 'Baruga Lounge' : 'Kota Kendari' },
        sample: true,
      });
      repos.items.append(loop, {
        type: 'text',
        typeVersion: 1,
        durationMs: 10000,
        props: {
          title: 'Selamat datang di Baruga',
          body: 'Layar informasi Pemerintah Provinsi. Data dan pengumuman diperbarui langsung dari ruang kendali.',
          en: {
            title: 'Welcome to Baruga',
            body: 'Public information screens of the provincial government, updated live from the command centre.',
          },
          tone: 'info',
        },
        sample: true,
      });
      repos.items.append(loop, {
        type: 'image',
        typeVersion: 1,
        durationMs: 8000,
        props: { asset: image.sha256, fit: 'cover', alt: 'Gambar contoh: pemandangan', background: '#000000' },
        sample: true,
      });
    }
  })();
  return screens.map((s) => s.id);
}
