import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ErrorCode } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClip, makePhoto } from './fixtures';
import { identifyUpload, ingestUpload } from './ingest';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-ingest-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, data: Buffer | string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
};

describe('identifyUpload', () => {
  it('names the problem: empty, not media, or a disguise', async () => {
    const cases = [
      [write('empty.jpg', ''), 'jpg', ErrorCode.emptyFile],
      [write('doc.pdf', '%PDF-1.4\n%âãÏÓ\n'), 'pdf', ErrorCode.unsupportedFileType],
      [write('notes.jpg', 'just some text'), 'jpg', ErrorCode.unsupportedFileType],
    ] as const;
    for (const [file, extension, code] of cases) {
      const result = await identifyUpload(file, { extension, mime: 'application/octet-stream' });
      expect(!result.ok && result.error.code).toBe(code);
    }
    const png = write('really-a-png.jpg', await makePhoto({ width: 64, height: 64, format: 'png' }));
    const mismatch = await identifyUpload(png, { extension: 'jpg', mime: 'image/jpeg' });
    expect(!mismatch.ok && mismatch.error).toMatchObject({ code: ErrorCode.fileTypeMismatch });
    expect(await identifyUpload(png, { extension: 'png', mime: 'image/png' })).toMatchObject({
      ok: true,
      value: { kind: 'image', format: 'png' },
    });
  });
});

describe('ingestUpload: a video', () => {
  it('yields the cleaned file, a poster and a thumbnail, and an HLS package when large enough', async () => {
    const clip = makeClip(dir, 'clip.mp4', { seconds: 8, width: 480, height: 270 });
    const type = await identifyUpload(clip, { extension: 'mp4', mime: 'video/mp4' });
    if (!type.ok) throw new Error(type.error.message);
    const steps: string[] = [];
    let planned = 0;
    const workDir = fs.mkdtempSync(path.join(dir, 'work-'));
    const result = await ingestUpload(clip, type.value, {
      targets: [],
      workDir,
      hlsMinBytes: 0,
      onPlan: (n) => (planned = n),
      onStep: (s) => steps.push(s),
    });
    if (!result.ok) throw new Error(result.error.message);
    if (result.value.kind !== 'video') throw new Error('not a video');
    expect(steps).toEqual(['probe', 'remux', 'poster', 'hls']);
    expect(planned).toBe(4);
    expect(result.value.poster).toMatchObject({ mime: 'image/jpeg', width: 480, height: 270 });
    expect(result.value.thumbnail.width).toBe(400);
    expect(result.value.hls?.segments.length).toBeGreaterThan(0);
    expect(fs.existsSync(result.value.videoPath)).toBe(true);
  });
});
