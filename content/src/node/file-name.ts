import { ErrorCode, type Result, UNSAFE_NAME_CHARS, err, ok } from '@baruga/protocol';

/** The most a file system takes for one name; longer names are refused, never cut. */
export const FILE_NAME_MAX_BYTES = 255;

export interface CheckedFileName {
  /** The name as sent, NFC-normalised. */
  fileName: string;
  /** Without its extension: the library item's default display name. */
  displayName: string;
  /** Lowercase, without the dot; '' when there is none. */
  extension: string;
}

const refuse = (message: string): Result<never> => err({ code: ErrorCode.badFileName, message });

/**
 * An uploaded file's name is only ever displayed, never used as a path. Names that could be a path, hide
 * their real extension behind control or bidi characters (`gambar\u202Egpj.exe`), or exceed what a file
 * system takes are refused: a client that sends them is not a browser uploading a photo.
 */
export function checkFileName(raw: string | undefined): Result<CheckedFileName> {
  const fileName = (raw ?? '').normalize('NFC');
  if (fileName.trim() === '') return refuse('the file has no name');
  if (Buffer.byteLength(fileName, 'utf8') > FILE_NAME_MAX_BYTES) {
    return refuse(`the file name is longer than ${FILE_NAME_MAX_BYTES} bytes; rename the file and upload it again`);
  }
  if (UNSAFE_NAME_CHARS.test(fileName)) return refuse('the file name contains control or direction characters');
  if (/[/\\]/.test(fileName) || fileName === '.' || fileName === '..') {
    return refuse('the file name looks like a path; send the file name only');
  }
  const dot = fileName.lastIndexOf('.');
  const hasExtension = dot > 0 && dot < fileName.length - 1;
  const extension = hasExtension ? fileName.slice(dot + 1).toLowerCase() : '';
  const base = (hasExtension ? fileName.slice(0, dot) : fileName).trim();
  return ok({ fileName, displayName: (base || fileName).slice(0, 200), extension });
}
