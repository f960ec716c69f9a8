import { ErrorCode, type Result, err } from '@baruga/protocol';
import sharp from 'sharp';
import { DEFAULT_MAX_IMAGE_PIXELS, type ImageProbe, probeImage } from './image-ingest';
import { type ImageFormat, SNIFF_BYTES, sniff } from './sniff';

/**
 * The checks `POST /api/content` makes of a picture, for pictures that arrive another way (a player's screenshot):
 * the bytes are one of the formats asked for, the header's size is within the pixel limit (a decompression bomb is
 * refused before a pixel is decoded), and every pixel then decodes (a truncated or damaged file is refused). A
 * picture that passes is one the console can show.
 */
export async function checkPicture(
  data: Buffer,
  options: { accept: readonly ImageFormat[]; maxPixels?: number },
): Promise<Result<ImageProbe>> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  if (data.length === 0) return err({ code: ErrorCode.emptyFile, message: 'the picture is empty (0 bytes)' });
  const sniffed = sniff(data.subarray(0, SNIFF_BYTES));
  if (sniffed.kind !== 'image' || !options.accept.includes(sniffed.format)) {
    return err({
      code: ErrorCode.unsupportedFileType,
      message: `expected ${options.accept.map((f) => f.toUpperCase()).join(' or ')}, got ${sniffed.kind === 'image' ? sniffed.format.toUpperCase() : 'something else'}`,
    });
  }
  const probe = await probeImage(data, sniffed.format, { maxPixels });
  if (!probe.ok) return probe;
  try {
    // Every row is decoded (PNG has no shrink-on-load), streamed into a small output so memory stays low.
    await sharp(data, { failOn: 'error', limitInputPixels: maxPixels, sequentialRead: true })
      .resize(64, 64, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch (error) {
    return err({
      code: ErrorCode.corruptFile,
      message: `the picture is damaged or incomplete (${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)})`,
    });
  }
  return probe;
}
