import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export const PHOTO_WIDTH = 4000;
export const PHOTO_HEIGHT = 3000; // 12 megapixels, a phone camera's 4:3 frame

/** A deterministic pseudo-random sequence, so every run ingests the same 200 pictures. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function scene(index: number): string {
  const r = random(index + 1);
  const hue = Math.floor(r() * 360);
  const shapes = Array.from({ length: 40 }, () => {
    const x = Math.round(r() * PHOTO_WIDTH);
    const y = Math.round(r() * PHOTO_HEIGHT);
    const size = Math.round(80 + r() * 700);
    const colour = `hsl(${Math.floor(r() * 360)},${Math.floor(30 + r() * 60)}%,${Math.floor(20 + r() * 60)}%)`;
    return r() < 0.5
      ? `<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${colour}" opacity="0.8"/>`
      : `<rect x="${x}" y="${y}" width="${size}" height="${Math.round(size * (0.3 + r()))}" fill="${colour}" transform="rotate(${Math.round(r() * 90)} ${x} ${y})"/>`;
  }).join('');
  // Drawn at a quarter of the photo's size: the shapes are soft once enlarged, as out-of-focus scenery is.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_WIDTH / 4}" height="${PHOTO_HEIGHT / 4}" viewBox="0 0 ${PHOTO_WIDTH} ${PHOTO_HEIGHT}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0.3" y2="1">
      <stop offset="0" stop-color="hsl(${hue},60%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},50%,25%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
}

const BASES = 6;
const MARGIN = 240;

/**
 * Writes `count` photo-like 12 MP JPEGs: a lit scene of shapes under sensor-like grain, at quality 90, so each
 * file is a couple of megabytes like a phone's. A few scenes are drawn once (with a margin), and each photo is
 * a different crop of one with a different colour balance, so no two files are alike (the library would deduplicate
 * them). Every fourth one is stored sideways with EXIF orientation 6 and GPS tags, as phones hold them.
 * Returns the paths; the time this takes is not part of the benchmark.
 */
export async function writePhotos(dir: string, count: number, concurrency: number): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const width = PHOTO_WIDTH + MARGIN;
  const height = PHOTO_HEIGHT + MARGIN;
  const grain = await sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 10 } },
  })
    .raw()
    .toBuffer();
  const bases: Buffer[] = [];
  for (let b = 0; b < BASES; b++) {
    // Drawn at a quarter of the size and enlarged (soft, like a lens), then the grain on top.
    const drawn = await sharp(Buffer.from(scene(b)))
      .resize(width, height, { fit: 'fill' })
      .removeAlpha()
      .raw()
      .toBuffer();
    bases.push(
      await sharp(drawn, { raw: { width, height, channels: 3 } })
        .composite([{ input: grain, raw: { width, height, channels: 3 }, blend: 'overlay' }])
        .raw()
        .toBuffer(),
    );
  }
  const paths = Array.from({ length: count }, (_, i) => path.join(dir, `IMG_${String(4000 + i).padStart(4, '0')}.jpg`));
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const r = random(1000 + i);
      let image = sharp(bases[i % BASES], { raw: { width, height, channels: 3 } })
        .extract({
          left: Math.floor(r() * MARGIN),
          top: Math.floor(r() * MARGIN),
          width: PHOTO_WIDTH,
          height: PHOTO_HEIGHT,
        })
        // A different white balance and exposure per photo (a cheap per-channel gain and offset).
        .linear([0.8 + r() * 0.4, 0.8 + r() * 0.4, 0.8 + r() * 0.4], [r() * 20 - 10, r() * 20 - 10, r() * 20 - 10])
        .jpeg({ quality: 90 });
      if (i % 4 === 0) {
        image = image.withMetadata({ orientation: 6 }).withExifMerge({
          IFD0: { Make: 'Baruga', Model: 'Bench Phone' },
          IFD3: {
            GPSLatitudeRef: 'S',
            GPSLatitude: '3/1 58/1 40/1',
            GPSLongitudeRef: 'E',
            GPSLongitude: '122/1 30/1 55/1',
          },
        });
      }
      await image.toFile(paths[i] ?? '');
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return paths;
}
