import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ErrorCode } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerTags, makeClip, truncated } from './fixtures';
import { packageHls, planVideo, playlistUris, probeVideo, remuxVideo, rewritePlaylist } from './video-ingest';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-video-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('an H.264 clip from a phone', () => {
  it('is probed, planned for MP4, and rewritten without its GPS location', async () => {
    const clip = makeClip(dir, 'phone.mp4', { gps: true, seconds: 2 });
    expect(containerTags(clip)).toMatchObject({ location: '-03.9778+122.5150/' });

    const probe = await probeVideo(clip);
    if (!probe.ok) throw new Error(probe.error.message);
    expect(probe.value).toMatchObject({ width: 320, height: 240, videoCodec: 'h264', audioCodec: 'aac' });
    expect(probe.value.durationMs).toBeGreaterThanOrEqual(1900);

    const plan = planVideo(probe.value);
    expect(plan).toEqual({ ok: true, value: { output: 'mp4', mime: 'video/mp4', audio: 'copy', hlsCapable: true } });
    if (!plan.ok) return;
    const out = path.join(dir, 'clean.mp4');
    expect(await remuxVideo(clip, out, plan.value)).toEqual({ ok: true, value: undefined });
    const tags = containerTags(out);
    expect(tags.location).toBeUndefined();
    expect(tags.title).toBeUndefined();
    expect(fs.readFileSync(out).toString('latin1')).not.toContain('122.5150');
    // faststart: the index (moov) comes before the media data (mdat).
    const bytes = fs.readFileSync(out).toString('latin1');
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
  });

  it('is cut into HLS segments whose playlist can point at content-addressed URLs', async () => {
    const clip = makeClip(dir, 'long.mp4', { seconds: 14 });
    const hlsDir = path.join(dir, 'hls');
    fs.mkdirSync(hlsDir);
    const packaged = await packageHls(clip, hlsDir);
    if (!packaged.ok) throw new Error(packaged.error.message);
    expect(packaged.value.segments.length).toBeGreaterThanOrEqual(2);
    for (const s of packaged.value.segments) expect(fs.statSync(s).size).toBeGreaterThan(0);

    const text = fs.readFileSync(packaged.value.playlistPath, 'utf8');
    expect(text).toContain('#EXT-X-ENDLIST');
    const rewritten = rewritePlaylist(text, (name) => `/content/${name.replace(/\D/g, '').padStart(64, 'a')}`);
    expect(rewritten).not.toBeNull();
    expect(playlistUris(rewritten ?? '').every((u) => /^\/content\/[a0-9]{64}$/.test(u))).toBe(true);
    expect(rewritePlaylist(text, () => undefined)).toBeNull();
  });
});

describe('what players cannot decode', () => {
  it('refuses HEVC and 10-bit/4:2:2 H.264 with the command that fixes them', async () => {
    for (const codec of ['hevc', 'h264-10bit'] as const) {
      const probe = await probeVideo(makeClip(dir, `${codec}.mp4`, { codec, seconds: 1 }));
      if (!probe.ok) throw new Error(probe.error.message);
      const plan = planVideo(probe.value);
      expect(plan.ok).toBe(false);
      expect(!plan.ok && plan.error.code).toBe(ErrorCode.unsupportedCodec);
      expect(!plan.ok && plan.error.message).toContain('libx264');
    }
  });

  it('takes VP9 as WebM and re-encodes camera PCM audio to AAC', async () => {
    const vp9 = await probeVideo(makeClip(dir, 'vp9.webm', { codec: 'vp9', seconds: 1 }));
    expect(vp9.ok && planVideo(vp9.value)).toMatchObject({ ok: true, value: { output: 'webm', audio: 'copy' } });
    const pcm = await probeVideo(makeClip(dir, 'camera.mov', { audio: 'pcm', seconds: 1 }));
    expect(pcm.ok && planVideo(pcm.value)).toMatchObject({ ok: true, value: { output: 'mp4', audio: 'aac' } });
  });
});

describe('broken videos', () => {
  it('finds a truncated file whether its index is at the end or the front', async () => {
    const clip = makeClip(dir, 'whole.mp4', { seconds: 3 });
    // Index at the end (ffmpeg's default): cut off, there is no index at all.
    const cutEnd = path.join(dir, 'cut-end.mp4');
    fs.writeFileSync(cutEnd, truncated(fs.readFileSync(clip)));
    const probe = await probeVideo(cutEnd);
    expect(!probe.ok && probe.error.code).toBe(ErrorCode.corruptFile);

    // Index at the front: the probe still succeeds, reading every packet does not.
    const faststart = path.join(dir, 'faststart.mp4');
    const plan = { output: 'mp4', mime: 'video/mp4', audio: 'copy', hlsCapable: true } as const;
    await remuxVideo(clip, faststart, plan);
    const cutFront = path.join(dir, 'cut-front.mp4');
    fs.writeFileSync(cutFront, truncated(fs.readFileSync(faststart)));
    expect((await probeVideo(cutFront)).ok).toBe(true);
    const remuxed = await remuxVideo(cutFront, path.join(dir, 'out.mp4'), plan);
    expect(!remuxed.ok && remuxed.error.code).toBe(ErrorCode.corruptFile);
  });
});
