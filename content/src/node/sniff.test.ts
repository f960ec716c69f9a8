import { describe, expect, it } from 'vitest';
import { claimMismatch, sniff } from './sniff';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

function ftyp(major: string, ...compatible: string[]): Buffer {
  const body = bytes('ftyp', major, [0, 0, 0, 0], ...compatible);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(body.length + 4);
  return Buffer.concat([size, body]);
}

describe('sniff: the type comes from the bytes', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['gif', bytes('GIF89a')],
    ['webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['tiff', bytes([0x49, 0x49, 0x2a, 0x00])],
    ['avif', ftyp('avif', 'mif1', 'miaf')],
  ])('recognises %s', (format, head) => {
    expect(sniff(head)).toMatchObject({ kind: 'image', format });
  });

  it.each([
    ['mp4', ftyp('isom', 'iso2', 'avc1', 'mp41')],
    ['mp4', ftyp('mp42', 'isom')],
    ['mov', ftyp('qt  ', 'qt  ')],
    ['webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm')],
    ['mkv', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88], 'matroska')],
  ])('recognises %s video', (format, head) => {
    expect(sniff(head)).toMatchObject({ kind: 'video', format });
  });

  it.each([
    ['a PDF document', bytes('%PDF-1.7\n')],
    ['a HEIC/HEIF photo', ftyp('heic', 'mif1', 'heic')],
    ['an SVG drawing', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">')],
    ['a web page', bytes('<!DOCTYPE html><html>')],
    ['a program', bytes('MZ', [0x90, 0])],
    ['a zip archive', bytes([0x50, 0x4b, 0x03, 0x04])],
  ])('names what it refuses: %s', (what, head) => {
    const result = sniff(head);
    expect(result.kind).toBe('refused');
    expect(result.kind === 'refused' && result.what).toContain(what);
  });

  it('knows nothing of random bytes, a text file or nothing at all', () => {
    expect(sniff(Buffer.from('hello, world'))).toEqual({ kind: 'unknown' });
    expect(sniff(Buffer.from([0x00, 0x01, 0x02]))).toEqual({ kind: 'unknown' });
    expect(sniff(Buffer.alloc(0))).toEqual({ kind: 'unknown' });
  });
});

describe('claimMismatch: a name or declared type that disagrees with the bytes', () => {
  const jpeg = { kind: 'image', format: 'jpeg', mime: 'image/jpeg' } as const;
  const mp4 = { kind: 'video', format: 'mp4', mime: 'video/mp4' } as const;

  it('accepts agreeing, loose and silent claims', () => {
    expect(claimMismatch(jpeg, 'jpg', 'image/jpeg')).toBeNull();
    expect(claimMismatch(jpeg, 'JPEG', 'application/octet-stream')).toBeNull();
    expect(claimMismatch(jpeg, '', '')).toBeNull();
    expect(claimMismatch(jpeg, 'final', 'image/jpeg')).toBeNull();
    expect(claimMismatch(mp4, 'mov', 'video/quicktime')).toBeNull();
    expect(claimMismatch(jpeg, 'jpg', 'image/pjpeg')).toBeNull();
    expect(claimMismatch(jpeg, 'jpg', 'IMAGE/JPEG; charset=binary')).toBeNull();
    expect(claimMismatch(jpeg, 'jpg', 'image/x-unknown-camera-format')).toBeNull();
  });

  it('refuses a PNG name on JPEG bytes, a PDF name on a picture, an image sent as video', () => {
    expect(claimMismatch(jpeg, 'png', 'image/png')).toMatch(/named "\.png" but its bytes are JPEG/);
    expect(claimMismatch(jpeg, '', 'image/png')).toMatch(/sent as image\/png but its bytes are JPEG/);
    expect(claimMismatch(mp4, 'mp4', 'video/webm')).toMatch(/sent as video\/webm but its bytes are MP4/);
    expect(claimMismatch(jpeg, 'pdf', 'application/pdf')).toMatch(/named "\.pdf"/);
    expect(claimMismatch(jpeg, '', 'video/mp4')).toMatch(/sent as video\/mp4/);
    expect(claimMismatch(mp4, 'jpg', 'image/jpeg')).toMatch(/named "\.jpg" but its bytes are MP4/);
  });
});
