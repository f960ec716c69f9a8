import type { Page } from '@playwright/test';
import sharp from 'sharp';

/** The colour a person sees at (x, y): from a real screenshot, not from the DOM. */
export async function pixelAt(page: Page, x: number, y: number): Promise<{ r: number; g: number; b: number }> {
  const png = await page.screenshot();
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return { r: data[offset] ?? 0, g: data[offset + 1] ?? 0, b: data[offset + 2] ?? 0 };
}
