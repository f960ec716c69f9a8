import { ErrorCode, type RenditionFit, type Result, err, ok } from '@baruga/protocol';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { ImageFormat } from './sniff';

/**
 * A decompression bomb is a small file that claims a huge canvas. The header's size is checked before any
 * pixel is decoded; 120 MP takes an 8K poster (33 MP) or a 100 MP camera with room to spare.
 */
export const DEFAULT_MAX_IMAGE_PIXELS = 120_000_000;
export const THUMBNAIL_SIZE = 400;

export interface ImageProbe {
  format: ImageFormat;
  /** As displayed, after the EXIF orientation is applied. */
  width: number;
  height: number;
  hasAlpha: boolean;
}

export interface RenditionSpec {
  width: number;
  height: number;
  fit: RenditionFit;
  /** 0–1 from the left and the top, in displayed coordinates; only `cover` uses it. */
  focal?: { x: number; y: number } | undefined;
  /** `#rrggbb` for `contain` bars and transparency. */
  background?: string | undefined;
}

export interface EncodedImage {
  data: Buffer;
  mime: 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
}

export interface ImageIngestOptions {
  maxPixels?: number;
}

/** Runs jobs one (or a few) at a time; see `IngestStages`. */
export type Limit = <T>(job: () => Promise<T>) => Promise<T>;

/**
 * A server ingests pictures as a two-stage pipeline: one picture decoding while the one before it is cut into
 * its outputs. Both cores stay busy, and no more than one decode (the memory-hungry stage) runs at a time.
 */
export interface IngestStages {
  decode: Limit;
  cut: Limit;
}

const corrupt = (what: string, error: unknown): Result<never> =>
  err({
    code: ErrorCode.corruptFile,
    message: `${what} is damaged or incomplete (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); upload the file again from its source`,
  });

/**
 * Every decode: apply the EXIF orientation, stop at truncated or broken data ('error' still accepts the
 * harmless warnings many phone JPEGs carry), and never decode past the pixel limit even if a header lies.
 */
function open(path: string, maxPixels: number): Sharp {
  return sharp(path, { autoOrient: true, failOn: 'error', limitInputPixels: maxPixels, sequentialRead: true });
}

/**
 * For a long-running server that cuts each picture once: no operation cache (it would only hold memory), and
 * `threads` libvips threads per pipeline (parallelism then comes from the pipeline stages, see IngestStages).
 */
export function configureSharpForServer(threads: number): void {
  sharp.cache(false);
  sharp.concurrency(Math.max(1, threads));
}

/** Reads the header only: size, orientation, alpha. Cheap, and refuses bombs before decoding. */
export async function probeImage(
  path: string | Buffer,
  format: ImageFormat,
  options: ImageIngestOptions = {},
): Promise<Result<ImageProbe>> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  let meta: Metadata;
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (error) {
    return corrupt('the image', error);
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) return corrupt('the image', new Error('no size in its header'));
  if (width * height > maxPixels) {
    return err({
      code: ErrorCode.pixelLimit,
      message: `the image is ${width}×${height} (${Math.round((width * height) / 1e6)} MP); the limit is ${Math.round(maxPixels / 1e6)} MP. Scale it down and upload it again`,
    });
  }
  return ok({ format, width, height, hasAlpha: meta.hasAlpha === true });
}

/** Photos stay JPEG (small, decoded in hardware everywhere); graphics become WebP (crisp text, no ringing). */
export function renditionMime(format: ImageFormat): EncodedImage['mime'] {
  return format === 'png' || format === 'gif' || format === 'webp' ? 'image/webp' : 'image/jpeg';
}

function encode(pipeline: Sharp, mime: EncodedImage['mime']): Sharp {
  // Metadata is not copied (sharp drops EXIF, XMP and IPTC unless asked): no camera, no GPS location.
  const srgb = pipeline.toColourspace('srgb');
  return mime === 'image/jpeg'
    ? srgb.jpeg({ quality: 82, chromaSubsampling: '4:2:0', progressive: false })
    : srgb.webp({ quality: 90, effort: 3, smartSubsample: true });
}

async function run(pipeline: Sharp, mime: EncodedImage['mime']): Promise<Result<EncodedImage>> {
  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return ok({ data, mime, width: info.width, height: info.height });
  } catch (error) {
    return corrupt('the image', error);
  }
}

/** A picture decoded into memory once, to cut several outputs from without decoding the file again. */
export interface DecodedImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** Where an output is cut from: the file itself (streamed by libvips), or a decoded copy. */
export type ImageSource = string | DecodedImage;

function openSource(source: ImageSource, maxPixels: number): Sharp {
  return typeof source === 'string'
    ? open(source, maxPixels)
    : sharp(source.data, { raw: { width: source.width, height: source.height, channels: source.channels } });
}

/** A preview for the console: the whole picture within 400×400, WebP. */
export function renderThumbnail(source: ImageSource, options: ImageIngestOptions = {}): Promise<Result<EncodedImage>> {
  const pipeline = openSource(source, options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS).resize(
    THUMBNAIL_SIZE,
    THUMBNAIL_SIZE,
    { fit: 'inside', withoutEnlargement: true },
  );
  return run(encode(pipeline, 'image/webp'), 'image/webp');
}

/**
 * The picture at exactly `spec.width`×`spec.height` pixels, so a player (or an LED sending card that
 * captures a rectangle of the desktop) shows it without scaling.
 */
export function renderRendition(
  source: ImageSource,
  probe: ImageProbe,
  spec: RenditionSpec,
  options: ImageIngestOptions = {},
): Promise<Result<EncodedImage>> {
  const { width: W, height: H } = spec;
  const background = spec.background ?? '#000000';
  // The size of what is being cut: the displayed picture, or its decoded (possibly reduced) copy.
  const inW = typeof source === 'string' ? probe.width : source.width;
  const inH = typeof source === 'string' ? probe.height : source.height;
  let pipeline = openSource(source, options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS);
  if (spec.fit === 'cover' && spec.focal) {
    // Scale to cover, then cut the W×H window centred on the focal point, kept inside the picture.
    const scale = Math.max(W / inW, H / inH);
    const sw = Math.max(W, Math.round(inW * scale));
    const sh = Math.max(H, Math.round(inH * scale));
    const left = Math.min(sw - W, Math.max(0, Math.round(spec.focal.x * sw - W / 2)));
    const top = Math.min(sh - H, Math.max(0, Math.round(spec.focal.y * sh - H / 2)));
    pipeline = pipeline.resize(sw, sh, { fit: 'fill' }).extract({ left, top, width: W, height: H });
  } else {
    pipeline = pipeline.resize(W, H, { fit: spec.fit, position: 'centre', background });
  }
  const mime = renditionMime(probe.format);
  if (probe.hasAlpha || spec.fit === 'contain') pipeline = pipeline.flatten({ background });
  return run(encode(pipeline, mime), mime);
}

/** How much of the picture's resolution an output needs (1 = every pixel; above 1, it is enlarged). */
function scaleNeeded(spec: RenditionSpec, width: number, height: number): number {
  const sx = spec.width / width;
  const sy = spec.height / height;
  return spec.fit === 'contain' ? Math.min(sx, sy) : Math.max(sx, sy);
}

/** Above this, outputs are streamed from the file one by one rather than cut from a decoded copy. */
const DECODE_ONCE_MAX_PIXELS = 40_000_000;

/**
 * Decodes the picture once, upright and in sRGB, at the least resolution every output still needs (never
 * more than the original): entropy-decoding a 12 MP JPEG costs as much as everything else, so doing it
 * once rather than per output is most of the speed. JPEG shrink-on-load makes the reduction nearly free.
 * Null when the copy would be too large to hold; the file is then streamed per output.
 */
async function decodeForOutputs(
  path: string,
  probe: ImageProbe,
  targets: readonly RenditionSpec[],
  maxPixels: number,
): Promise<Result<DecodedImage | null>> {
  const scale = Math.min(
    1,
    Math.max(
      THUMBNAIL_SIZE / Math.max(probe.width, probe.height),
      ...targets.map((t) => scaleNeeded(t, probe.width, probe.height)),
    ),
  );
  const width = Math.max(1, Math.round(probe.width * scale));
  const height = Math.max(1, Math.round(probe.height * scale));
  if (width * height > DECODE_ONCE_MAX_PIXELS) return ok(null);
  let pipeline = open(path, maxPixels);
  if (scale < 1) pipeline = pipeline.resize(width, height, { fit: 'fill' });
  try {
    const { data, info } = await pipeline.toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    return ok({ data, width: info.width, height: info.height, channels: info.channels });
  } catch (error) {
    return corrupt('the image', error);
  }
}

export interface IngestedImage {
  probe: ImageProbe;
  thumbnail: EncodedImage;
  renditions: { spec: RenditionSpec; image: EncodedImage }[];
}

const direct: Limit = (job) => job();

/** Checks an uploaded picture and makes its thumbnail and the renditions asked for, from one decode. */
export async function ingestImage(
  path: string,
  format: ImageFormat,
  targets: readonly RenditionSpec[],
  options: ImageIngestOptions & { onStep?: (step: string) => void; stages?: IngestStages } = {},
): Promise<Result<IngestedImage>> {
  const probed = await probeImage(path, format, options);
  if (!probed.ok) return probed;
  const probe = probed.value;
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  // Decoding also proves the file whole: a truncated or damaged picture stops here.
  const stages = options.stages ?? { decode: direct, cut: direct };
  const decoded = await stages.decode(() => decodeForOutputs(path, probe, targets, maxPixels));
  if (!decoded.ok) return decoded;
  const source: ImageSource = decoded.value ?? path;
  // One output after another: libvips spreads each over the cores, and fewer pipelines alive at once keep
  // a server's memory flat (glibc keeps what many threads allocated in parallel).
  return stages.cut(async (): Promise<Result<IngestedImage>> => {
    const thumbnail = await renderThumbnail(source, options);
    if (!thumbnail.ok) return thumbnail;
    options.onStep?.('thumbnail');
    const out: IngestedImage['renditions'] = [];
    for (const spec of targets) {
      const image = await renderRendition(source, probe, spec, options);
      if (!image.ok) return image;
      out.push({ spec, image: image.value });
      options.onStep?.(`rendition ${spec.width}×${spec.height}`);
    }
    return ok({ probe, thumbnail: thumbnail.value, renditions: out });
  });
}
