import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

export const run = promisify(execFile);

/** One output a photo is cut into: a screen's size (cover crop), or the thumbnail (fit inside). */
export interface Output {
  width: number;
  height: number;
}

export const THUMBNAIL = 400;

export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  job: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < items.length; i = next++) await job(items[i] as T);
    }),
  );
}

/**
 * CPU seconds of this process's children that have exited and been waited for (cutime + cstime in
 * /proc/self/stat): what the anchors' processes cost, whatever else the machine runs. Linux reports these in
 * USER_HZ, which is 100 on every architecture it runs on.
 */
export function childCpuSeconds(): number {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** CPU seconds a running process (all its threads) has used so far: utime + stime in /proc/<pid>/stat. */
export function processCpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** This process's own CPU seconds (all threads, libvips' included), for the in-process decode floor. */
export const ownCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** The photo's size upright (EXIF orientation applied), and whether it is stored turned, from its header. */
async function sizes(file: string) {
  const meta = await sharp(file).metadata();
  const upright = { width: meta.autoOrient?.width ?? meta.width, height: meta.autoOrient?.height ?? meta.height };
  return { upright, turned: meta.width !== upright.width };
}

/**
 * The least size, upright, that every cover-cropped output still needs from this photo (never more than the
 * photo): the same reduction Baruga's pipeline decodes to (content/src/node/image-ingest.ts), so every anchor
 * is allowed the same trick. For a 4000×3000 photo and a 1080×1920 kiosk it is 2560×1920.
 */
export function leastSize(photo: Output, outputs: readonly Output[]): Output {
  const scale = Math.min(1, Math.max(...outputs.map((o) => Math.max(o.width / photo.width, o.height / photo.height))));
  return { width: Math.round(photo.width * scale), height: Math.round(photo.height * scale) };
}

const name = (dir: string, file: string, what: string) => path.join(dir, `${path.basename(file, '.jpg')}-${what}`);

/**
 * ImageMagick, tuned as its documentation advises: decode once and `+clone` per output; `-define jpeg:size`
 * (shrink-on-load, which gains nothing here: libjpeg shrinks by 1/2, 1/4 or 1/8, and 2560×1920 of a 4000×3000
 * photo is more than half); one `-resize` to the least size every output needs, then a cover crop per screen
 * (`-resize WxH^ -gravity center -extent WxH`) at quality 82 and `-thumbnail` for the WebP preview.
 */
export async function imagemagick(file: string, outputs: readonly Output[], outDir: string): Promise<void> {
  const { upright, turned } = await sizes(file);
  const least = leastSize(upright, outputs);
  const hint = turned ? `${least.height}x${least.width}` : `${least.width}x${least.height}`;
  const cuts = outputs.flatMap((o) => {
    const size = `${o.width}x${o.height}`;
    return ['(', '+clone', '-resize', `${size}^`, '-gravity', 'center', '-extent', size, '-quality', '82'].concat([
      '-write',
      `${name(outDir, file, size)}.jpg`,
      '+delete',
      ')',
    ]);
  });
  await run('convert', [
    ...['-define', `jpeg:size=${hint}`, file, '-auto-orient', '-strip', '-colorspace', 'sRGB'],
    ...['-resize', `${least.width}x${least.height}`, ...cuts],
    ...['-thumbnail', `${THUMBNAIL}x${THUMBNAIL}>`, '-quality', '90', `${name(outDir, file, 'thumb')}.webp`],
  ]);
}

/**
 * libvips' own CLI, as its documentation advises (use thumbnail, not resize; vipsthumbnail in parallel): one
 * `vips thumbnail` decodes the photo upright to the least size every output needs into a .v file (libvips'
 * own format, memory-mapped when read), then one `vipsthumbnail` per output cuts it (`--smartcrop centre` is
 * the cover crop). Straight from the JPEG, one vipsthumbnail per output, was slower by hand (0.70 against
 * 0.59 s a photo, 4 decodes against 1).
 */
export async function vips(file: string, outputs: readonly Output[], outDir: string): Promise<void> {
  const { upright } = await sizes(file);
  const least = leastSize(upright, outputs);
  const middle = `${name(outDir, file, 'least')}.v`;
  try {
    await run('vips', ['thumbnail', file, middle, String(least.width), '--height', String(least.height)]);
    for (const o of outputs) {
      const size = `${o.width}x${o.height}`;
      await run('vipsthumbnail', [
        middle,
        '--size',
        size,
        '--smartcrop',
        'centre',
        '-o',
        `${name(outDir, file, size)}.jpg[Q=82,strip]`,
      ]);
    }
    await run('vipsthumbnail', [
      middle,
      '--size',
      `${THUMBNAIL}x${THUMBNAIL}>`,
      '-o',
      `${name(outDir, file, 'thumb')}.webp[Q=90,strip]`,
    ]);
  } finally {
    fs.rmSync(middle, { force: true });
  }
}

/** The floor: libvips (through sharp, in this process) decoding the photo once at full size and nothing else. */
export async function decodeOnly(file: string): Promise<void> {
  await sharp(file, { sequentialRead: true }).raw().toBuffer();
}

/** Every photo has its outputs at exactly their sizes: a fast anchor that made the wrong thing is no anchor. */
export async function verifyOutputs(dir: string, photos: readonly string[], outputs: readonly Output[]): Promise<void> {
  for (const photo of photos) {
    for (const o of outputs) {
      const file = `${name(dir, photo, `${o.width}x${o.height}`)}.jpg`;
      const meta = await sharp(file).metadata();
      if (meta.width !== o.width || meta.height !== o.height)
        throw new Error(`${file} is ${meta.width}×${meta.height}, not ${o.width}×${o.height}`);
    }
    const thumb = await sharp(`${name(dir, photo, 'thumb')}.webp`).metadata();
    if (Math.max(thumb.width, thumb.height) !== THUMBNAIL)
      throw new Error(`${photo}: thumbnail is ${thumb.width}×${thumb.height}`);
  }
}

export async function versions(): Promise<{ imagemagick: string; vips: string }> {
  for (const tool of ['/usr/bin/convert', '/usr/bin/vips', '/usr/bin/vipsthumbnail']) {
    if (!fs.existsSync(tool)) {
      throw new Error(
        `${tool} is missing; the ingest benchmark's anchors need it: apt-get install -y --no-install-recommends imagemagick libvips-tools`,
      );
    }
  }
  const magick = /ImageMagick ([\d.-]+)/.exec((await run('convert', ['-version'])).stdout)?.[1] ?? '?';
  const vipsVersion = (await run('vips', ['--version'])).stdout.trim().replace(/^vips-/, '');
  return { imagemagick: magick, vips: vipsVersion };
}
