import { describe, expect, it } from 'vitest';
import { outcome } from '../lib/result';
import { ingestFigures } from './figures';

const measured = {
  baruga: { photos: 200, seconds: 100, cpuSeconds: 150 },
  imagemagick: { photos: 200, seconds: 400, cpuSeconds: 700 },
  vips: { photos: 200, seconds: 80, cpuSeconds: 120 },
  decode: { photos: 200, seconds: 25, cpuSeconds: 40 },
  peakRssMiB: 453.26,
};

describe('ingest figures', () => {
  it('are rates over every photo, set against both anchors and the decode-only limit', () => {
    const r = outcome({ anchor: 'ImageMagick', notes: '', figures: ingestFigures(measured) });
    expect(r.figures).toEqual({
      images_per_s: 2,
      images_per_s_vs_libvips_cli: 2,
      ratio_vs_imagemagick: 4,
      ratio_vs_libvips_cli: 0.8,
      cpu_s_per_photo: 0.75,
      peak_rss_mib: 453.3,
    });
    expect(r.anchor.figures).toEqual({ images_per_s: 0.5, images_per_s_vs_libvips_cli: 2.5, cpu_s_per_photo: 0.6 });
    expect(r.anchor.names).toEqual({
      images_per_s_vs_libvips_cli: 'libvips CLI (vips thumbnail + vipsthumbnail)',
      cpu_s_per_photo: 'libvips CLI',
    });
    // Each photo is one sample; the memory peak is one reading.
    expect(r.samples).toMatchObject({ images_per_s: 200, ratio_vs_libvips_cli: 200, peak_rss_mib: 1 });
    expect(r.limits?.images_per_s?.value).toBe(8);
    expect(r.limits?.cpu_s_per_photo?.value).toBe(0.2);
  });

  it('count the fewest photos of either side in a ratio', () => {
    const short = { ...measured, vips: { photos: 120, seconds: 48, cpuSeconds: 70 } };
    const r = outcome({ anchor: 'ImageMagick', notes: '', figures: ingestFigures(short) });
    expect(r.samples?.ratio_vs_libvips_cli).toBe(120);
  });

  it('refuse a side that made nothing rather than report an infinite rate', () => {
    expect(() => ingestFigures({ ...measured, vips: { photos: 0, seconds: 0, cpuSeconds: 0 } })).toThrow(/no photos/);
  });
});
