import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ErrorCode, type Result, err, ok } from '@baruga/protocol';
import { z } from 'zod';
import { runTool } from './run-tool';

export const MAX_VIDEO_DIMENSION = 8192;
export const MAX_VIDEO_DURATION_MS = 6 * 60 * 60 * 1000;

export interface VideoTools {
  ffmpeg: string;
  ffprobe: string;
  /** Per run; a remux of a large file is bounded by disk speed, not CPU. */
  timeoutMs: number;
}

export const DEFAULT_VIDEO_TOOLS: VideoTools = { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', timeoutMs: 15 * 60 * 1000 };

export interface VideoProbe {
  /** ffprobe's format name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  container: string;
  durationMs: number;
  /** As displayed, after any rotation the file asks for. */
  width: number;
  height: number;
  videoCodec: string;
  profile: string | null;
  pixFmt: string | null;
  audioCodec: string | null;
}

/** ffprobe's JSON is input like any other: parsed, not cast. */
const FfprobeOutput = z.object({
  streams: z
    .array(
      z.looseObject({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        profile: z.string().optional(),
        pix_fmt: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        duration: z.string().optional(),
        disposition: z.looseObject({ attached_pic: z.number().optional() }).optional(),
        side_data_list: z.array(z.looseObject({ rotation: z.number().optional() })).optional(),
      }),
    )
    .default([]),
  format: z.looseObject({ format_name: z.string(), duration: z.string().optional() }),
});

const corrupt = (detail: string): Result<never> =>
  err({
    code: ErrorCode.corruptFile,
    message: `the video is damaged or incomplete (${detail}); upload the file again from its source`,
  });

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? 'no detail'
  ).slice(0, 300);
}

export async function probeVideo(file: string, tools: VideoTools = DEFAULT_VIDEO_TOOLS): Promise<Result<VideoProbe>> {
  const run = await runTool(
    tools.ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '--', file],
    { timeoutMs: Math.min(tools.timeoutMs, 60_000), maxStdoutBytes: 4 * 1024 * 1024 },
  );
  if (run.timedOut) return corrupt('probing it took too long');
  if (run.code !== 0) return corrupt(firstLine(run.stderr));
  let json: unknown;
  try {
    json = JSON.parse(run.stdout.toString('utf8'));
  } catch {
    return corrupt('its description could not be read');
  }
  const parsed = FfprobeOutput.safeParse(json);
  if (!parsed.success) return corrupt('its description is incomplete');
  const { streams, format } = parsed.data;
  const videoStream = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!videoStream?.codec_name || !videoStream.width || !videoStream.height) {
    return err({ code: ErrorCode.unsupportedFileType, message: 'the file has no video picture in it' });
  }
  const audioStream = streams.find((s) => s.codec_type === 'audio');
  const seconds = Number(format.duration ?? videoStream.duration ?? NaN);
  if (!Number.isFinite(seconds) || seconds <= 0) return corrupt('it has no duration');
  const rotation = Math.abs(videoStream.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0) % 180;
  return ok({
    container: format.format_name,
    durationMs: Math.round(seconds * 1000),
    width: rotation === 90 ? videoStream.height : videoStream.width,
    height: rotation === 90 ? videoStream.width : videoStream.height,
    videoCodec: videoStream.codec_name,
    profile: videoStream.profile ?? null,
    pixFmt: videoStream.pix_fmt ?? null,
    audioCodec: audioStream?.codec_name ?? null,
  });
}

export interface VideoPlan {
  /** Container players receive: H.264 and AV1 in MP4, VP8/VP9 in WebM. */
  output: 'mp4' | 'webm';
  mime: 'video/mp4' | 'video/webm';
  /** The audio as it is, re-encoded into what the container and Chromium take (camera PCM, AC-3), or none. */
  audio: 'copy' | 'aac' | 'opus' | 'none';
  /** Large H.264 files also go out as HLS (VOD) segments, which players cache and verify one by one. */
  hlsCapable: boolean;
}

const TRANSCODE_HINT =
  'convert it to H.264 first, e.g. ffmpeg -i input -c:v libx264 -pix_fmt yuv420p -c:a aac output.mp4';

const unsupported = (message: string): Result<never> => err({ code: ErrorCode.unsupportedCodec, message });

/**
 * What Chromium (the player) decodes everywhere without a licence or special hardware. HEVC plays only on
 * some machines, 10-bit and 4:2:2 H.264 on none: refused with the command that fixes the file.
 */
export function planVideo(probe: VideoProbe): Result<VideoPlan> {
  if (probe.width > MAX_VIDEO_DIMENSION || probe.height > MAX_VIDEO_DIMENSION) {
    return err({
      code: ErrorCode.pixelLimit,
      message: `the video is ${probe.width}×${probe.height}; players decode up to ${MAX_VIDEO_DIMENSION} pixels a side`,
    });
  }
  if (probe.durationMs > MAX_VIDEO_DURATION_MS) {
    return err({ code: ErrorCode.validation, message: 'the video is longer than 6 hours; cut it into parts' });
  }
  const audio = probe.audioCodec;
  switch (probe.videoCodec) {
    case 'h264': {
      if (probe.pixFmt !== 'yuv420p' && probe.pixFmt !== 'yuvj420p') {
        return unsupported(
          `this H.264 video is ${probe.pixFmt ?? 'an unknown pixel format'} (10-bit or 4:2:2), which browsers cannot decode; ${TRANSCODE_HINT}`,
        );
      }
      return ok({
        output: 'mp4',
        mime: 'video/mp4',
        audio: audio === null ? 'none' : audio === 'aac' || audio === 'mp3' ? 'copy' : 'aac',
        hlsCapable: true,
      });
    }
    case 'av1':
      return ok({
        output: 'mp4',
        mime: 'video/mp4',
        audio: audio === null ? 'none' : ['aac', 'mp3', 'opus'].includes(audio) ? 'copy' : 'aac',
        hlsCapable: false,
      });
    case 'vp8':
    case 'vp9':
      return ok({
        output: 'webm',
        mime: 'video/webm',
        audio: audio === null ? 'none' : audio === 'opus' || audio === 'vorbis' ? 'copy' : 'opus',
        hlsCapable: false,
      });
    case 'hevc':
      return unsupported(
        `H.265/HEVC video plays only on some players' hardware, so it is not accepted; ${TRANSCODE_HINT}`,
      );
    default:
      return unsupported(`${probe.videoCodec} video cannot be played by the players; ${TRANSCODE_HINT}`);
  }
}

/**
 * Rewrites the file without re-encoding the picture: only the first video and audio stream, every metadata
 * tag dropped (phones write the GPS location into MP4s too), the index moved to the front so playback starts
 * before the whole file is read. Reading every packet also finds a truncated or broken file.
 */
export async function remuxVideo(
  input: string,
  output: string,
  plan: VideoPlan,
  tools: VideoTools = DEFAULT_VIDEO_TOOLS,
): Promise<Result<void>> {
  const audioArgs =
    plan.audio === 'none'
      ? ['-an']
      : plan.audio === 'copy'
        ? ['-c:a', 'copy']
        : plan.audio === 'aac'
          ? ['-c:a', 'aac', '-b:a', '160k']
          : ['-c:a', 'libopus', '-b:a', '128k'];
  const args = [
    '-v',
    'error',
    '-xerror',
    '-nostdin',
    '-y',
    '-i',
    input,
    '-map',
    '0:v:0',
    ...(plan.audio === 'none' ? [] : ['-map', '0:a:0']),
    '-c:v',
    'copy',
    ...audioArgs,
    '-map_metadata',
    '-1',
    '-map_metadata:s',
    '-1',
    '-map_chapters',
    '-1',
    '-fflags',
    '+bitexact',
    ...(plan.output === 'mp4' ? ['-movflags', '+faststart'] : []),
    '-f',
    plan.output,
    output,
  ];
  const run = await runTool(tools.ffmpeg, args, { timeoutMs: tools.timeoutMs, maxStdoutBytes: 1024 });
  if (run.timedOut) return corrupt('reading it took too long');
  if (run.code !== 0) return corrupt(firstLine(run.stderr));
  return ok(undefined);
}

/** A frame from a second in (past any fade from black), as PNG at the video's displayed size. */
export async function extractPosterFrame(
  input: string,
  durationMs: number,
  tools: VideoTools = DEFAULT_VIDEO_TOOLS,
): Promise<Result<Buffer>> {
  const at = (Math.min(1000, durationMs / 3) / 1000).toFixed(3);
  const run = await runTool(
    tools.ffmpeg,
    ['-v', 'error', '-nostdin', '-ss', at, '-i', input, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-'],
    { timeoutMs: Math.min(tools.timeoutMs, 120_000), maxStdoutBytes: 200 * 1024 * 1024 },
  );
  if (run.code !== 0 || run.stdout.length === 0) return corrupt(`no frame could be decoded: ${firstLine(run.stderr)}`);
  return ok(run.stdout);
}

export interface HlsPackage {
  playlistPath: string;
  /** Segment files in playback order, each named in the playlist by its base name. */
  segments: string[];
}

/** Cuts an H.264 MP4 into ~6-second MPEG-TS segments and a VOD playlist, without re-encoding. */
export async function packageHls(
  input: string,
  outDir: string,
  tools: VideoTools = DEFAULT_VIDEO_TOOLS,
): Promise<Result<HlsPackage>> {
  const playlistPath = path.join(outDir, 'index.m3u8');
  const run = await runTool(
    tools.ffmpeg,
    [
      '-v',
      'error',
      '-xerror',
      '-nostdin',
      '-y',
      '-i',
      input,
      '-map',
      '0',
      '-c',
      'copy',
      '-f',
      'hls',
      '-hls_time',
      '6',
      '-hls_playlist_type',
      'vod',
      '-hls_flags',
      'independent_segments',
      '-hls_segment_type',
      'mpegts',
      '-hls_segment_filename',
      path.join(outDir, 'segment-%05d.ts'),
      playlistPath,
    ],
    { timeoutMs: tools.timeoutMs, maxStdoutBytes: 1024 },
  );
  if (run.code !== 0) return corrupt(`it could not be cut into segments: ${firstLine(run.stderr)}`);
  const text = await readFile(playlistPath, 'utf8');
  const segments = playlistUris(text).map((uri) => path.join(outDir, path.basename(uri)));
  if (segments.length === 0) return corrupt('segmenting produced no segments');
  return ok({ playlistPath, segments });
}

/** The URI lines of a playlist, in order. */
export function playlistUris(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * Points each segment line at its content-addressed URL, so the playlist itself becomes an immutable blob
 * and a player can cache and verify every piece. Null if a line names a segment we do not have.
 */
export function rewritePlaylist(text: string, urlFor: (segmentName: string) => string | undefined): string | null {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      out.push(line);
      continue;
    }
    const url = urlFor(path.basename(trimmed));
    if (!url) return null;
    out.push(url);
  }
  return out.join('\n');
}
