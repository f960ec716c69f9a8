import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import sharp from 'sharp';

/**
 * Real files made by real tools (sharp, zlib, ffmpeg) for tests across packages: photos with EXIF
 * orientation and GPS, broken and truncated variants, a decompression bomb, clips in several codecs.
 */

export const QUADRANT_COLOURS = {
  topLeft: [220, 30, 30],
  topRight: [30, 180, 60],
  bottomLeft: [30, 60, 220],
  bottomRight: [240, 200, 20],
} as const;

export interface PhotoOptions {
  width: number;
  height: number;
  format?: 'jpeg' | 'png' | 'webp';
  /** EXIF orientation (1–8) written into the file; the pixels are stored unrotated, as cameras do. */
  orientation?: number;
  /** Adds a GPS position (Kendari) and a camera make to the EXIF, the metadata an upload must shed. */
  gps?: boolean;
  /** Adds fine noise so the JPEG is photo-sized rather than a few kilobytes. */
  noise?: boolean;
  /** Draws a marker at this point (0–1), for focal-point tests. */
  marker?: { x: number; y: number };
  alpha?: boolean;
}

/** Four coloured quadrants (see QUADRANT_COLOURS), so a test can tell the orientation from pixels. */
export async function makePhoto(options: PhotoOptions): Promise<Buffer> {
  const { width: w, height: h } = options;
  const [tl, tr, bl, br] = [
    QUADRANT_COLOURS.topLeft,
    QUADRANT_COLOURS.topRight,
    QUADRANT_COLOURS.bottomLeft,
    QUADRANT_COLOURS.bottomRight,
  ].map((c) => `rgb(${c.join(',')})`);
  const marker = options.marker
    ? `<circle cx="${options.marker.x * w}" cy="${options.marker.y * h}" r="${Math.round(Math.min(w, h) / 20)}" fill="#ffffff"/>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="${w / 2}" height="${h / 2}" fill="${tl}"/><rect x="${w / 2}" width="${w / 2}" height="${h / 2}" fill="${tr}"/>
    <rect y="${h / 2}" width="${w / 2}" height="${h / 2}" fill="${bl}"/><rect x="${w / 2}" y="${h / 2}" width="${w / 2}" height="${h / 2}" fill="${br}"/>
    ${marker}</svg>`;
  let image = sharp(Buffer.from(svg));
  if (options.noise) {
    const noise = await sharp({
      create: {
        width: w,
        height: h,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 12 },
      },
    })
      .png()
      .toBuffer();
    image = sharp(
      await image
        .composite([{ input: noise, blend: 'overlay' }])
        .png()
        .toBuffer(),
    );
  }
  if (!options.alpha) image = image.flatten({ background: '#000000' });
  const format = options.format ?? 'jpeg';
  let out =
    format === 'jpeg'
      ? image.jpeg({ quality: 90 })
      : format === 'png'
        ? image.png({ compressionLevel: 1 })
        : image.webp({ quality: 90 });
  if (options.orientation && options.orientation !== 1) out = out.withMetadata({ orientation: options.orientation });
  if (options.gps) {
    out = out.withExifMerge({
      IFD0: { Make: 'BarugaTestCam', Model: 'Phone 1' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '3/1 58/1 40/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '122/1 30/1 55/1',
      },
    });
  }
  return out.toBuffer();
}

/** The first `fraction` of the bytes, as an interrupted copy leaves a file. */
export function truncated(data: Buffer, fraction = 0.6): Buffer {
  return Buffer.from(data.subarray(0, Math.floor(data.length * fraction)));
}

/** A PNG whose image data is damaged (its IDAT checksum no longer matches). */
export function corruptedPng(png: Buffer): Buffer {
  const out = Buffer.from(png);
  const idat = out.indexOf('IDAT', 8, 'latin1');
  if (idat < 0) throw new Error('no IDAT chunk');
  for (let i = idat + 8; i < Math.min(out.length - 12, idat + 64); i++) out[i] = (out[i] ?? 0) ^ 0xa5;
  return out;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/**
 * A PNG whose header claims `width`×`height` (say 60000×60000, 3.6 gigapixels) followed by only its first few
 * rows: cheap to make, and what a bomb looks like to a check that reads the header first.
 */
export function pngClaimingSize(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8);
  ihdr.writeUInt8(0, 9);
  const rows = zlib.deflateSync(Buffer.alloc((width + 1) * 4, 0));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A valid greyscale PNG of `width`×`height` white pixels: a few hundred kilobytes on disk, width × height
 * bytes once decoded. The classic decompression bomb.
 */
export async function decompressionBombPng(width: number, height: number): Promise<Buffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(0, 9); // greyscale; compression, filter and interlace stay 0
  const row = Buffer.alloc(width + 1, 0xff);
  row[0] = 0; // filter type: none
  const rowsPerChunk = 64;
  const block = Buffer.concat(Array.from({ length: rowsPerChunk }, () => row));
  function* rows() {
    for (let y = 0; y < height; y += rowsPerChunk) {
      yield y + rowsPerChunk <= height ? block : block.subarray(0, (height - y) * row.length);
    }
  }
  const parts: Buffer[] = [];
  await pipeline(Readable.from(rows()), zlib.createDeflate({ level: 6 }), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) parts.push(chunk);
  });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.concat(parts)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface ClipOptions {
  codec?: 'h264' | 'hevc' | 'vp9' | 'h264-10bit';
  seconds?: number;
  width?: number;
  height?: number;
  /** Writes a GPS location and a title into the container's metadata. */
  gps?: boolean;
  audio?: 'aac' | 'pcm' | 'none';
}

/** A test-pattern clip made by ffmpeg (lavfi testsrc2 and a sine tone). Returns its path. */
export function makeClip(dir: string, name: string, options: ClipOptions = {}): string {
  const codec = options.codec ?? 'h264';
  const seconds = options.seconds ?? 2;
  const size = `${options.width ?? 320}x${options.height ?? 240}`;
  const audio = options.audio ?? 'aac';
  const file = path.join(dir, name);
  const video =
    codec === 'h264'
      ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '25']
      : codec === 'h264-10bit'
        ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv422p']
        : codec === 'hevc'
          ? ['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-tag:v', 'hvc1']
          : ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k'];
  const audioArgs =
    audio === 'none'
      ? ['-an']
      : audio === 'pcm'
        ? ['-c:a', 'pcm_s16le']
        : codec === 'vp9'
          ? ['-c:a', 'libopus']
          : ['-c:a', 'aac'];
  execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-nostdin',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=${size}:rate=25`,
      ...(audio === 'none' ? [] : ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000']),
      '-t',
      String(seconds),
      ...video,
      ...audioArgs,
      ...(options.gps
        ? ['-metadata', 'location=-03.9778+122.5150/', '-metadata', 'title=Rahasia', '-movflags', '+use_metadata_tags']
        : []),
      file,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return file;
}

/** The container-level tags ffprobe sees (where a phone puts its GPS location). */
export function containerTags(file: string): Record<string, string> {
  const out = execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '--', file]);
  const json = JSON.parse(out.toString('utf8')) as { format?: { tags?: Record<string, string> } };
  return json.format?.tags ?? {};
}

/** Writes an HLS package of a short clip into `dir`; `live` drops #EXT-X-ENDLIST as a live origin would. */
export function makeHlsStream(dir: string, options: { live: boolean }): string {
  fs.mkdirSync(dir, { recursive: true });
  const clip = makeClip(dir, 'source.mp4', { seconds: 4 });
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-nostdin',
    '-y',
    '-i',
    clip,
    '-c',
    'copy',
    '-f',
    'hls',
    '-hls_time',
    '1',
    '-hls_playlist_type',
    'vod',
    path.join(dir, 'media.m3u8'),
  ]);
  const media = path.join(dir, 'media.m3u8');
  if (options.live) fs.writeFileSync(media, fs.readFileSync(media, 'utf8').replace('#EXT-X-ENDLIST\n', ''));
  fs.writeFileSync(
    path.join(dir, 'master.m3u8'),
    '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x240\nmedia.m3u8\n',
  );
  return dir;
}
