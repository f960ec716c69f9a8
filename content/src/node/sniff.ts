/**
 * File types by their first bytes, never by name: a `.jpg` that is really a PDF, a script or a zip is
 * recognised as what it is. Only the formats below enter the library; a few common others are named in the
 * refusal so the operator knows what to do with them.
 */

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'tiff';
export type VideoContainer = 'mp4' | 'mov' | 'webm' | 'mkv';
export type MediaFormat = ImageFormat | VideoContainer;

export type Sniffed =
  | { kind: 'image'; format: ImageFormat; mime: string }
  | { kind: 'video'; format: VideoContainer; mime: string }
  | { kind: 'refused'; what: string; hint: string }
  | { kind: 'unknown' };

/** Enough bytes to tell every format here apart (an ISO BMFF `ftyp` box lists its brands early). */
export const SNIFF_BYTES = 4096;

const IMAGE_MIME: Readonly<Record<ImageFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  tiff: 'image/tiff',
};

const VIDEO_MIME: Readonly<Record<VideoContainer, string>> = {
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
};

const EXPORT_HINT = 'export it as PNG or JPEG and upload that';

function startsWith(head: Buffer, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  return bytes.every((b, i) => head[at + i] === b);
}

function ascii(head: Buffer, from: number, to: number): string {
  return head.subarray(from, Math.min(to, head.length)).toString('latin1');
}

const image = (format: ImageFormat): Sniffed => ({ kind: 'image', format, mime: IMAGE_MIME[format] });
const video = (format: VideoContainer): Sniffed => ({ kind: 'video', format, mime: VIDEO_MIME[format] });

/** ISO base media (MP4, MOV, AVIF, HEIC): the `ftyp` box's major and compatible brands decide. */
function sniffIsoBmff(head: Buffer): Sniffed | null {
  if (ascii(head, 4, 8) !== 'ftyp') return null;
  const boxSize = head.readUInt32BE(0);
  const end = Math.min(head.length, boxSize >= 16 ? boxSize : 16);
  const brands = [ascii(head, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(head, at, at + 4));
  if (brands.some((b) => b === 'avif' || b === 'avis')) return image('avif');
  if (brands.some((b) => ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(b))) {
    return {
      kind: 'refused',
      what: 'a HEIC/HEIF photo',
      hint: 'set the camera to "Most Compatible" or export the photo as JPEG',
    };
  }
  return brands[0] === 'qt  ' ? video('mov') : video('mp4');
}

export function sniff(head: Buffer): Sniffed {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return image('jpeg');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image('png');
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return image('gif');
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return image('webp');
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return image('tiff');
  const iso = sniffIsoBmff(head);
  if (iso) return iso;
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: the DocType says WebM or Matroska.
    return ascii(head, 0, 64).includes('webm') ? video('webm') : video('mkv');
  }

  if (ascii(head, 0, 5) === '%PDF-') return { kind: 'refused', what: 'a PDF document', hint: EXPORT_HINT };
  if (ascii(head, 0, 4) === '8BPS') return { kind: 'refused', what: 'a Photoshop file', hint: EXPORT_HINT };
  if (ascii(head, 0, 2) === 'BM') return { kind: 'refused', what: 'a BMP bitmap', hint: EXPORT_HINT };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    return {
      kind: 'refused',
      what: 'a zip archive or Office document',
      hint: 'upload the pictures or videos inside it one by one',
    };
  }
  if (ascii(head, 0, 2) === 'MZ' || startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) {
    return { kind: 'refused', what: 'a program', hint: 'only pictures and videos can be uploaded' };
  }
  const text = ascii(head, 0, 512)
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) {
    return { kind: 'refused', what: 'an SVG drawing (it can carry scripts)', hint: EXPORT_HINT };
  }
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || text.startsWith('<script')) {
    return { kind: 'refused', what: 'a web page', hint: 'add a web page by its URL instead' };
  }
  if (text.startsWith('#extm3u')) {
    return { kind: 'refused', what: 'an HLS playlist', hint: 'add a live stream by its URL instead' };
  }
  return { kind: 'unknown' };
}

/** What a file name's extension claims. Unknown extensions claim nothing. */
const CLAIMS: Readonly<Record<string, readonly string[]>> = {
  jpg: ['jpeg'],
  jpeg: ['jpeg'],
  jpe: ['jpeg'],
  jfif: ['jpeg'],
  png: ['png'],
  gif: ['gif'],
  webp: ['webp'],
  avif: ['avif'],
  tif: ['tiff'],
  tiff: ['tiff'],
  // Cameras and editors label MP4 and QuickTime files loosely; both are the same family of container.
  mp4: ['mp4', 'mov'],
  m4v: ['mp4', 'mov'],
  mov: ['mov', 'mp4'],
  webm: ['webm', 'mkv'],
  mkv: ['mkv', 'webm'],
  // Names that claim something we do not take: such a name on image bytes is a disguise, not a typo.
  pdf: [],
  svg: [],
  html: [],
  htm: [],
  js: [],
  exe: [],
  bat: [],
  sh: [],
  zip: [],
  doc: [],
  docx: [],
  xls: [],
  xlsx: [],
  ppt: [],
  pptx: [],
  heic: [],
  bmp: [],
  txt: [],
};

/**
 * What a declared Content-Type claims. Browsers derive it from the extension, so the aliases they and cameras
 * use count as the same claim; a type not listed here within image/ or video/ only claims its family.
 */
const MIME_CLAIMS: Readonly<Record<string, readonly MediaFormat[]>> = {
  'image/jpeg': ['jpeg'],
  'image/jpg': ['jpeg'],
  'image/pjpeg': ['jpeg'],
  'image/png': ['png'],
  'image/x-png': ['png'],
  'image/apng': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/avif': ['avif'],
  'image/tiff': ['tiff'],
  'image/tif': ['tiff'],
  'video/mp4': ['mp4', 'mov'],
  'video/quicktime': ['mov', 'mp4'],
  'video/x-m4v': ['mp4', 'mov'],
  'video/webm': ['webm', 'mkv'],
  'video/x-matroska': ['mkv', 'webm'],
  // Formats Baruga does not take: declared on picture bytes, a disguise.
  'image/svg+xml': [],
  'image/heic': [],
  'image/heif': [],
  'image/bmp': [],
};

/**
 * Null when the name and the declared MIME type agree with the bytes (or say nothing), else why not.
 * `declaredMime` is the multipart part's Content-Type, which browsers derive from the extension.
 */
export function claimMismatch(
  sniffed: Extract<Sniffed, { kind: 'image' | 'video' }>,
  extension: string,
  declaredMime: string,
): string | null {
  const claims = CLAIMS[extension.toLowerCase()];
  if (claims && !claims.includes(sniffed.format)) {
    return `the file is named ".${extension}" but its bytes are ${sniffed.format.toUpperCase()}`;
  }
  const mime = declaredMime.toLowerCase().split(';')[0]?.trim() ?? '';
  const mimeClaims = MIME_CLAIMS[mime];
  if (mimeClaims && !mimeClaims.includes(sniffed.format)) {
    return `the file was sent as ${mime} but its bytes are ${sniffed.format.toUpperCase()}`;
  }
  const family = mime.split('/')[0];
  if ((family === 'image' || family === 'video') && family !== sniffed.kind) {
    return `the file was sent as ${declaredMime} but its bytes are ${sniffed.kind === 'image' ? 'an image' : 'a video'} (${sniffed.format.toUpperCase()})`;
  }
  return null;
}
