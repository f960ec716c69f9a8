import fs from 'node:fs/promises';
import path from 'node:path';
import { ErrorCode, type Result, err, ok } from '@baruga/protocol';
import sharp from 'sharp';
import {
  type EncodedImage,
  type ImageIngestOptions,
  type ImageProbe,
  type IngestStages,
  type RenditionSpec,
  ingestImage,
  renderThumbnail,
} from './image-ingest';
import { type Sniffed, SNIFF_BYTES, claimMismatch, sniff } from './sniff';
import {
  DEFAULT_VIDEO_TOOLS,
  type HlsPackage,
  type VideoPlan,
  type VideoProbe,
  type VideoTools,
  extractPosterFrame,
  packageHls,
  planVideo,
  probeVideo,
  remuxVideo,
} from './video-ingest';

export type AcceptedType = Extract<Sniffed, { kind: 'image' | 'video' }>;

/** Reads the first bytes of a received file and says what it is, or why it is refused. */
export async function identifyUpload(
  file: string,
  claimed: { extension: string; mime: string },
): Promise<Result<AcceptedType>> {
  const handle = await fs.open(file, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.length === 0) return err({ code: ErrorCode.emptyFile, message: 'the file is empty (0 bytes)' });
  const sniffed = sniff(head);
  if (sniffed.kind === 'refused') {
    return err({ code: ErrorCode.unsupportedFileType, message: `this is ${sniffed.what}; ${sniffed.hint}` });
  }
  if (sniffed.kind === 'unknown') {
    return err({
      code: ErrorCode.unsupportedFileType,
      message: 'this is not a picture (JPEG, PNG, GIF, WebP, AVIF, TIFF) or a video (MP4, MOV, WebM) Baruga can show',
    });
  }
  const mismatch = claimMismatch(sniffed, claimed.extension, claimed.mime);
  if (mismatch) return err({ code: ErrorCode.fileTypeMismatch, message: `${mismatch}; rename it or export it again` });
  return ok(sniffed);
}

export interface IngestedImageUpload {
  kind: 'image';
  mime: string;
  probe: ImageProbe;
  thumbnail: EncodedImage;
  renditions: { spec: RenditionSpec; image: EncodedImage }[];
}

export interface IngestedVideoUpload {
  kind: 'video';
  probe: VideoProbe;
  plan: VideoPlan;
  /** The cleaned file players receive (or that the HLS package was cut from), in `workDir`. */
  videoPath: string;
  poster: EncodedImage;
  thumbnail: EncodedImage;
  hls: HlsPackage | null;
}

export type IngestedUpload = IngestedImageUpload | IngestedVideoUpload;

export interface IngestOptions extends ImageIngestOptions {
  /** Renditions made at once for an image (the screen geometries already in use); others come on demand. */
  targets: readonly RenditionSpec[];
  /** A scratch directory on the store's file system; the caller removes it. */
  workDir: string;
  /** Videos at least this large also get an HLS (VOD) package. */
  hlsMinBytes: number;
  tools?: VideoTools;
  /** Pictures: decode and cut as a two-stage pipeline (see IngestStages); everything at once without. */
  stages?: IngestStages;
  /** Processing steps, for progress: called once with the total, then after each step. */
  onPlan?: (steps: number) => void;
  onStep?: (step: string) => void;
}

/** Runs the pipeline for an identified upload. Writes only into `workDir`; stores nothing. */
export async function ingestUpload(
  file: string,
  type: AcceptedType,
  options: IngestOptions,
): Promise<Result<IngestedUpload>> {
  if (type.kind === 'image') {
    options.onPlan?.(1 + options.targets.length);
    const image = await ingestImage(file, type.format, options.targets, options);
    if (!image.ok) return image;
    return ok({ kind: 'image', mime: type.mime, ...image.value });
  }
  return ingestVideo(file, options);
}

async function ingestVideo(file: string, options: IngestOptions): Promise<Result<IngestedVideoUpload>> {
  const tools = options.tools ?? DEFAULT_VIDEO_TOOLS;
  const probed = await probeVideo(file, tools);
  if (!probed.ok) return probed;
  const planned = planVideo(probed.value);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const size = (await fs.stat(file)).size;
  const hls = plan.hlsCapable && size >= options.hlsMinBytes;
  options.onPlan?.(hls ? 4 : 3);
  options.onStep?.('probe');

  const videoPath = path.join(options.workDir, `video.${plan.output}`);
  const remuxed = await remuxVideo(file, videoPath, plan, tools);
  if (!remuxed.ok) return remuxed;
  options.onStep?.('remux');

  const frame = await extractPosterFrame(videoPath, probed.value.durationMs, tools);
  if (!frame.ok) return frame;
  const framePath = path.join(options.workDir, 'poster.png');
  await fs.writeFile(framePath, frame.value);
  let poster: EncodedImage;
  try {
    const { data, info } = await sharp(framePath).jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true });
    poster = { data, mime: 'image/jpeg', width: info.width, height: info.height };
  } catch (error) {
    return err({
      code: ErrorCode.corruptFile,
      message: `the video's first frames cannot be decoded (${String(error)})`,
    });
  }
  const thumbnail = await renderThumbnail(framePath, options);
  if (!thumbnail.ok) return thumbnail;
  options.onStep?.('poster');

  let hlsPackage: HlsPackage | null = null;
  if (hls) {
    const hlsDir = path.join(options.workDir, 'hls');
    await fs.mkdir(hlsDir);
    const packaged = await packageHls(videoPath, hlsDir, tools);
    if (!packaged.ok) return packaged;
    hlsPackage = packaged.value;
    options.onStep?.('hls');
  }
  return ok({
    kind: 'video',
    probe: probed.value,
    plan,
    videoPath,
    poster,
    thumbnail: thumbnail.value,
    hls: hlsPackage,
  });
}
