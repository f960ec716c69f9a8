import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ErrorCode } from '@baruga/protocol';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUADRANT_COLOURS, corruptedPng, decompressionBombPng, makePhoto, truncated } from './fixtures';
import { ingestImage, probeImage, renderRendition } from './image-ingest';

let dir: string;
const write = (name: string, data: Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
};

async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const raw = await sharp(image).extract({ left: x, top: y, width: 1, height: 1 }).removeAlpha().raw().toBuffer();
  return [...raw];
}

function near(actual: number[], expected: readonly number[], tolerance = 24) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - (expected[i] ?? 0))).toBeLessThanOrEqual(tolerance));
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-image-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a phone photo: EXIF rotation and a GPS position', () => {
  it('comes out upright, in sRGB, without any metadata, at every screen size exactly', async () => {
    // 1. A 2000×1500 photo stored sideways with "rotate 90° clockwise" (orientation 6) and GPS tags.
    const original = await makePhoto({ width: 2000, height: 1500, orientation: 6, gps: true });
    const meta = await sharp(original).metadata();
    expect(meta.orientation).toBe(6);
    expect(meta.exif?.toString('latin1')).toContain('BarugaTestCam');
    const file = write('phone.jpg', original);

    // 2. Ingest it for a lounge tile, a videotron and a portrait kiosk.
    const targets = [
      { width: 1920, height: 1080, fit: 'cover' as const },
      { width: 1920, height: 640, fit: 'cover' as const },
      { width: 1080, height: 1920, fit: 'cover' as const },
    ];
    const result = await ingestImage(file, 'jpeg', targets);
    if (!result.ok) throw new Error(result.error.message);

    // 3. The picture is upright (portrait 1500×2000) and each rendition has the screen's exact size.
    expect(result.value.probe).toMatchObject({ width: 1500, height: 2000 });
    expect(result.value.renditions.map((r) => [r.image.width, r.image.height])).toEqual([
      [1920, 1080],
      [1920, 640],
      [1080, 1920],
    ]);
    // Rotating 90° clockwise puts the stored bottom-left (blue) quadrant at the top left.
    const portrait = result.value.renditions[2]!.image.data;
    near(await pixel(portrait, 100, 100), QUADRANT_COLOURS.bottomLeft);
    near(await pixel(portrait, 980, 1820), QUADRANT_COLOURS.topRight);

    // 4. No EXIF, no GPS, no camera make anywhere in the outputs.
    for (const image of [result.value.thumbnail, ...result.value.renditions.map((r) => r.image)]) {
      const out = await sharp(image.data).metadata();
      expect(out.exif).toBeUndefined();
      expect(out.orientation).toBeUndefined();
      expect(out.space).toBe('srgb');
      expect(image.data.toString('latin1')).not.toContain('BarugaTestCam');
    }
    expect(result.value.thumbnail.mime).toBe('image/webp');
    expect(Math.max(result.value.thumbnail.width, result.value.thumbnail.height)).toBe(400);
  });
});

describe('renditions', () => {
  it('contain: the whole picture with bars in the background colour, pixel exact', async () => {
    // A 1600×1200 (4:3) picture on a 1920×640 videotron: 853 pixels wide in the middle, bars either side.
    const file = write('four-three.png', await makePhoto({ width: 1600, height: 1200, format: 'png' }));
    const probe = await probeImage(file, 'png');
    if (!probe.ok) throw new Error(probe.error.message);
    const out = await renderRendition(file, probe.value, {
      width: 1920,
      height: 640,
      fit: 'contain',
      background: '#102030',
    });
    if (!out.ok) throw new Error(out.error.message);
    expect([out.value.width, out.value.height, out.value.mime]).toEqual([1920, 640, 'image/webp']);
    near(await pixel(out.value.data, 10, 320), [0x10, 0x20, 0x30], 6);
    near(await pixel(out.value.data, 1910, 320), [0x10, 0x20, 0x30], 6);
    near(await pixel(out.value.data, 560, 20), QUADRANT_COLOURS.topLeft);
    near(await pixel(out.value.data, 1360, 620), QUADRANT_COLOURS.bottomRight);
  });

  it('cover with a focal point keeps that point on screen', async () => {
    // A wide banner with a white marker near its right edge, cut for a portrait kiosk.
    const file = write('banner.jpg', await makePhoto({ width: 3000, height: 1000, marker: { x: 0.85, y: 0.5 } }));
    const probe = await probeImage(file, 'jpeg');
    if (!probe.ok) throw new Error(probe.error.message);
    const centred = await renderRendition(file, probe.value, { width: 540, height: 960, fit: 'cover' });
    const focal = await renderRendition(file, probe.value, {
      width: 540,
      height: 960,
      fit: 'cover',
      focal: { x: 0.85, y: 0.5 },
    });
    if (!centred.ok || !focal.ok) throw new Error('rendition failed');
    expect([focal.value.width, focal.value.height]).toEqual([540, 960]);
    near(await pixel(focal.value.data, 270, 480), [255, 255, 255]);
    // Centred, the window falls on the quadrants' corner, far from the marker.
    expect((await pixel(centred.value.data, 270, 480)).every((v) => v > 230)).toBe(false);
  });

  it('fill stretches, and a transparent PNG is flattened onto the background', async () => {
    const file = write('alpha.png', await makePhoto({ width: 800, height: 800, format: 'png', alpha: true }));
    const probe = await probeImage(file, 'png');
    if (!probe.ok) throw new Error(probe.error.message);
    expect(probe.value.hasAlpha).toBe(true);
    const out = await renderRendition(file, probe.value, {
      width: 1920,
      height: 1080,
      fit: 'fill',
      background: '#ff00ff',
    });
    if (!out.ok) throw new Error(out.error.message);
    const meta = await sharp(out.value.data).metadata();
    expect([meta.width, meta.height, meta.hasAlpha]).toEqual([1920, 1080, false]);
  });

  it('converts a CMYK print file to sRGB', async () => {
    const cmyk = await sharp(await makePhoto({ width: 1200, height: 800 }))
      .toColourspace('cmyk')
      .jpeg()
      .toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const file = write('print.jpg', cmyk);
    const result = await ingestImage(file, 'jpeg', [{ width: 960, height: 320, fit: 'cover' }]);
    if (!result.ok) throw new Error(result.error.message);
    const out = await sharp(result.value.renditions[0]!.image.data).metadata();
    expect([out.space, out.channels]).toEqual(['srgb', 3]);
  });
});

describe('broken and hostile pictures', () => {
  it('refuses a truncated JPEG and a PNG with damaged data as corrupt', async () => {
    const jpeg = write('cut.jpg', truncated(await makePhoto({ width: 1600, height: 1200, noise: true })));
    const png = write('damaged.png', corruptedPng(await makePhoto({ width: 800, height: 600, format: 'png' })));
    for (const [file, format] of [
      [jpeg, 'jpeg'],
      [png, 'png'],
    ] as const) {
      const result = await ingestImage(file, format, [{ width: 1920, height: 1080, fit: 'cover' }]);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe(ErrorCode.corruptFile);
    }
  });

  it('refuses a decompression bomb from its header, before decoding a pixel', async () => {
    const bomb = await decompressionBombPng(16_000, 16_000);
    expect(bomb.length).toBeLessThan(1024 * 1024); // 256 MB of pixels in under a megabyte
    const file = write('bomb.png', bomb);
    const started = performance.now();
    const result = await ingestImage(file, 'png', [{ width: 1920, height: 1080, fit: 'cover' }]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: ErrorCode.pixelLimit });
    expect(!result.ok && result.error.message).toContain('16000×16000');
  });
});
