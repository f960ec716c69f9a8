import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ADMIN_PASSWORD, startControllerProcess, tempDataDir } from '../../test/support/controller-process';
import { type Benchmark, round } from '../lib/result';
import { PHOTO_HEIGHT, PHOTO_WIDTH, writePhotos } from './photos';

const PHOTOS = 200;
/** The demo's lounge tile and videotron, and a portrait kiosk. */
const SCREENS = [
  { id: 'lounge-1', name: 'Lounge', width: 1920, height: 1080 },
  { id: 'videotron-1', name: 'Videotron', width: 1920, height: 640 },
  { id: 'kiosk-1', name: 'Kiosk', width: 1080, height: 1920 },
] as const;
/** Uploads in flight at once, and ImageMagick processes at once: one per core for both. */
const CONCURRENCY = Math.max(1, os.availableParallelism());

const run = promisify(execFile);

async function pool<T>(items: readonly T[], concurrency: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < items.length; i = next++) await job(items[i] as T);
    }),
  );
}

/** The kernel's peak resident set of a process (VmHWM), in MiB. */
function peakRssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmHWM for process ${pid}`);
  return kb / 1024;
}

/** Photos per turn: Baruga and ImageMagick alternate, so both see the same load on a shared machine. */
const TURN = 20;

/**
 * Baruga: the real controller process (as `npm start` runs it) with three screens; every photo goes through
 * POST /api/content over HTTP: streamed to disk, hashed, sniffed, checked, thumbnailed and cut into a
 * rendition per screen size, each blob fsynced and recorded in SQLite.
 */
async function startBaruga() {
  const controller = await startControllerProcess({
    dataDir: tempDataDir('baruga-bench-ingest-'),
    env: { BARUGA_SEED_DEMO: '0' },
  });
  const pid = controller.pid;
  if (!pid) throw new Error('no controller pid');
  const session = await fetch(`${controller.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const auth = { authorization: `Bearer ${((await session.json()) as { token: string }).token}` };
  for (const screen of SCREENS) {
    const created = await fetch(`${controller.url}/api/screens`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(screen),
    });
    if (created.status !== 201) throw new Error(`screen ${screen.id}: HTTP ${created.status}`);
  }
  const ids: string[] = [];
  return {
    baselineRssMiB: peakRssMiB(pid),
    peakRssMiB: () => peakRssMiB(pid),
    /** Uploads the photos, CONCURRENCY at a time; resolves with the seconds it took. */
    async ingest(photos: readonly string[]): Promise<number> {
      const started = performance.now();
      await pool(photos, CONCURRENCY, async (file) => {
        const form = new FormData();
        form.append('file', await fs.openAsBlob(file, { type: 'image/jpeg' }), path.basename(file));
        const response = await fetch(`${controller.url}/api/content`, { method: 'POST', headers: auth, body: form });
        if (response.status !== 201) throw new Error(`${file}: HTTP ${response.status} ${await response.text()}`);
        ids.push(((await response.json()) as { item: { id: string } }).item.id);
      });
      return (performance.now() - started) / 1000;
    },
    /** Every photo has its three renditions at exactly the screens' sizes. */
    async verify(expected: number): Promise<void> {
      if (ids.length !== expected) throw new Error(`${ids.length} items, expected ${expected}`);
      for (const id of ids) {
        const item = (await (await fetch(`${controller.url}/api/content/${id}`, { headers: auth })).json()) as {
          renditions: { width: number; height: number }[];
        };
        const sizes = item.renditions.map((r) => `${r.width}x${r.height}`).sort();
        if (sizes.join() !== '1080x1920,1920x1080,1920x640')
          throw new Error(`item ${id} has renditions ${sizes.join()}`);
      }
    },
    async stop() {
      await controller.stop();
      fs.rmSync(controller.dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The anchor: ImageMagick's `convert` making the same outputs from the same files: upright, stripped, sRGB,
 * a cover crop per screen size (resize to fill, centre, cut) at JPEG quality 82 and a 400-pixel WebP
 * thumbnail, one process per photo and as many at once as Baruga has uploads in flight. Resolves with the
 * seconds it took.
 */
async function ingestWithImageMagick(photos: readonly string[], outDir: string): Promise<number> {
  fs.mkdirSync(outDir, { recursive: true });
  const started = performance.now();
  await pool(photos, CONCURRENCY, async (file) => {
    const base = path.join(outDir, path.basename(file, '.jpg'));
    const renditions = SCREENS.flatMap((s) => {
      const size = `${s.width}x${s.height}`;
      return ['(', '+clone', '-resize', `${size}^`, '-gravity', 'center', '-extent', size, '-quality', '82'].concat([
        '-write',
        `${base}-${size}.jpg`,
        '+delete',
        ')',
      ]);
    });
    await run('convert', [
      file,
      '-auto-orient',
      '-strip',
      '-colorspace',
      'sRGB',
      ...renditions,
      '-resize',
      '400x400>',
      '-quality',
      '90',
      `${base}-thumb.webp`,
    ]);
  });
  return (performance.now() - started) / 1000;
}

export const benchmark: Benchmark = {
  title: '200 photos of 12 MP into renditions for three screen sizes, vs ImageMagick',
  async run() {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-bench-photos-'));
    try {
      const photos = await writePhotos(path.join(work, 'photos'), PHOTOS, CONCURRENCY);
      const megabytes = photos.reduce((sum, p) => sum + fs.statSync(p).size, 0) / 2 ** 20;
      const baruga = await startBaruga();
      const magickDir = path.join(work, 'imagemagick');
      let barugaSeconds = 0;
      let magickSeconds = 0;
      let peak = 0;
      try {
        for (let from = 0; from < photos.length; from += TURN) {
          const turn = photos.slice(from, from + TURN);
          barugaSeconds += await baruga.ingest(turn);
          magickSeconds += await ingestWithImageMagick(turn, magickDir);
        }
        peak = baruga.peakRssMiB();
        await baruga.verify(photos.length);
      } finally {
        await baruga.stop();
      }
      const written = fs.readdirSync(magickDir).length;
      if (written !== photos.length * 4)
        throw new Error(`ImageMagick wrote ${written} files, not ${photos.length * 4}`);
      const barugaRate = photos.length / barugaSeconds;
      const magickRate = photos.length / magickSeconds;
      const { stdout } = await run('convert', ['-version']);
      const magickVersion = /ImageMagick ([\d.-]+)/.exec(stdout)?.[1] ?? '?';
      return {
        figures: {
          images_per_s: round(barugaRate, 2),
          peak_rss_mib: round(peak, 1),
          ratio_vs_imagemagick: round(barugaRate / magickRate, 2),
        },
        units: { images_per_s: 'photos/s', peak_rss_mib: 'MiB', ratio_vs_imagemagick: '×' },
        anchor: {
          name: `ImageMagick ${magickVersion} convert`,
          figures: { images_per_s: round(magickRate, 2) },
        },
        notes: [
          `${PHOTOS} JPEG photos of ${PHOTO_WIDTH}×${PHOTO_HEIGHT} (${round(megabytes / PHOTOS, 1)} MB on average, every`,
          `fourth rotated by EXIF with GPS tags), ${CONCURRENCY} at a time. Baruga: uploaded over HTTP to the real`,
          `controller process (POST /api/content), which stores, hashes, checks and cuts each into a thumbnail and`,
          `renditions of ${SCREENS.map((s) => `${s.width}×${s.height}`).join(', ')}: ${round(barugaSeconds, 1)} s.`,
          `Peak memory is the controller's VmHWM (${round(baruga.baselineRssMiB, 1)} MiB before the first upload).`,
          `ImageMagick: convert with -auto-orient -strip, a -resize ^/-extent per size and the thumbnail, one`,
          `process per photo: ${round(magickSeconds, 1)} s. The two take turns of ${TURN} photos, so both see the`,
          `same load on a shared machine. ImageMagick decodes every photo at full size for each output; Baruga`,
          `decodes each once, at the least resolution its outputs need (libvips JPEG shrink-on-load).`,
        ].join(' '),
      };
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  },
};
