import { ErrorCode } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { checkFileName } from './file-name';

describe('checkFileName', () => {
  it('keeps ordinary names, in any script, and splits off the extension', () => {
    expect(checkFileName('Spanduk Lebaran 2025.JPG')).toEqual({
      ok: true,
      value: { fileName: 'Spanduk Lebaran 2025.JPG', displayName: 'Spanduk Lebaran 2025', extension: 'jpg' },
    });
    expect(checkFileName('مسجد.png')).toMatchObject({ ok: true, value: { displayName: 'مسجد', extension: 'png' } });
    expect(checkFileName('.hidden')).toMatchObject({ ok: true, value: { displayName: '.hidden', extension: '' } });
    expect(checkFileName('clip')).toMatchObject({ ok: true, value: { extension: '' } });
  });

  it.each([
    ['path traversal', '../../etc/passwd.jpg'],
    ['a Windows path', '..\\..\\boot.ini.png'],
    ['an absolute path', '/var/lib/baruga/x.jpg'],
    ['a NUL byte', 'photo.jpg\u0000.exe'],
    ['a newline', 'photo\n.jpg'],
    ['a right-to-left override', 'gambar\u202Egpj.exe'],
    ['a 1,000-character name', `${'a'.repeat(996)}.jpg`],
    ['a 256-byte name in multibyte characters', `${'é'.repeat(126)}.jpg`],
    ['no name', '   '],
    ['dot-dot', '..'],
  ])('refuses %s', (_what, name) => {
    const result = checkFileName(name);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(ErrorCode.badFileName);
  });
});
