import { type Figure, figure, stat } from '../lib/result';

/** What one side did over the whole run: photos made, wall-clock seconds, CPU seconds (all its threads). */
export interface Side {
  photos: number;
  seconds: number;
  cpuSeconds: number;
}

export interface IngestMeasurements {
  baruga: Side;
  imagemagick: Side;
  vips: Side;
  /** Only decoding each photo once at full size with libvips (sharp), as many at once as the others. */
  decode: Side;
  peakRssMiB: number;
}

const rate = (s: Side) => s.photos / s.seconds;
const cpuPerPhoto = (s: Side) => s.cpuSeconds / s.photos;

/** A rate over N photos counts N samples: each photo was made once, and the rate summarises them. */
function rateOf(s: Side) {
  if (s.photos <= 0 || s.seconds <= 0) throw new Error(`no photos made (${s.photos} in ${s.seconds} s)`);
  return { value: rate(s), samples: s.photos };
}

export function ingestFigures(m: IngestMeasurements): Record<string, Figure> {
  const ours = rateOf(m.baruga);
  const magick = rateOf(m.imagemagick);
  const vips = rateOf(m.vips);
  const decode = rateOf(m.decode);
  const decodeLimit = {
    value: decode.value,
    what: 'libvips decoding each photo once at full size, nothing else',
    samples: decode.samples,
  };
  const shared = 'turns of 20 photos on a shared machine; wall clock';
  return {
    images_per_s: figure(ours, 'photos/s', {
      digits: 2,
      anchor: magick,
      limit: decodeLimit,
      caveat: `Baruga through HTTP into the controller (hash, fsync, SQLite) vs convert on files alone; ${shared}`,
    }),
    images_per_s_vs_libvips_cli: figure(ours, 'photos/s', {
      digits: 2,
      anchor: { ...vips, name: 'libvips CLI (vips thumbnail + vipsthumbnail)' },
      limit: decodeLimit,
      caveat:
        "anchor is Debian's libvips 8.14 (libjpeg-turbo), Baruga sharp's bundled libvips; no HTTP or database on its side",
    }),
    ratio_vs_imagemagick: figure(stat.derived(ours.value / magick.value, ours, magick), '×', {
      digits: 2,
      caveat: 'wall clock, so it moves with the load other processes put on the machine; cpu_s_per_photo moves less',
    }),
    ratio_vs_libvips_cli: figure(stat.derived(ours.value / vips.value, ours, vips), '×', {
      digits: 2,
      caveat: 'what Baruga costs above (or saves against) the library it is built on, driven from its own CLI',
    }),
    cpu_s_per_photo: figure({ value: cpuPerPhoto(m.baruga), samples: m.baruga.photos }, 's', {
      digits: 3,
      anchor: { value: cpuPerPhoto(m.vips), samples: m.vips.photos, name: 'libvips CLI' },
      limit: { ...decodeLimit, value: cpuPerPhoto(m.decode) },
      caveat:
        'the controller process (all threads, HTTP and SQLite included) vs the CLI processes; steadier than wall clock',
    }),
    peak_rss_mib: figure(stat.single(m.peakRssMiB), 'MiB', { caveat: "the controller's VmHWM over the run" }),
  };
}
