import { expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { signIn } from './api';

type Api = Awaited<ReturnType<typeof signIn>>;

/** A flat-colour PNG uploaded to the content library; returns the asset id content props refer to. */
export async function uploadColour(
  baseUrl: string,
  api: Api,
  name: string,
  rgb: { r: number; g: number; b: number },
  size = { width: 320, height: 180 },
): Promise<string> {
  const png = await sharp({ create: { ...size, channels: 3, background: rgb } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${name}.png`);
  const response = await fetch(`${baseUrl}/api/content?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}` },
    body: form,
  });
  const body = (await response.json()) as { item?: { asset?: string } };
  expect(response.status, JSON.stringify(body)).toBeLessThan(300);
  expect(body.item?.asset).toMatch(/^[0-9a-f]{64}$/);
  return body.item?.asset as string;
}

export async function addItem(api: Api, screenId: string, item: { type: string; durationMs?: number; props: object }) {
  const added = await api.call('POST', `/api/screens/${screenId}/items`, item);
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  return added.body as { id: string };
}

export async function publish(api: Api, screenId: string): Promise<number> {
  const published = await api.call('POST', `/api/screens/${screenId}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return (published.body as { version: number }).version;
}

/** The colour a person sees at (x, y), from a screenshot of that one pixel (fast, even on a busy machine). */
export async function pixel(page: Page, x: number, y: number): Promise<{ r: number; g: number; b: number }> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, timeout: 10_000 });
  const { data } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { r: data[0] ?? 0, g: data[1] ?? 0, b: data[2] ?? 0 };
}

/**
 * True when the pixel at (x, y) is close to `rgb`. A page still committing its first navigation has no frame to
 * capture (Chromium answers "Unable to capture screenshot"): a person sees nothing there yet, so that is a no, not
 * an error; every other failure still throws.
 */
export async function looksLike(page: Page, x: number, y: number, rgb: { r: number; g: number; b: number }) {
  const p = await pixel(page, x, y).catch((error: unknown) => {
    if (String(error).includes('Unable to capture screenshot')) return undefined;
    throw error;
  });
  if (!p) return false;
  return Math.abs(p.r - rgb.r) < 40 && Math.abs(p.g - rgb.g) < 40 && Math.abs(p.b - rgb.b) < 40;
}

/** Waits (bounded) until the screen shows `rgb` at (x, y) at least once. */
export async function waitForColour(page: Page, rgb: { r: number; g: number; b: number }, timeoutMs = 15_000) {
  await expect.poll(() => looksLike(page, 20, 20, rgb), { timeout: timeoutMs, intervals: [100, 250, 500] }).toBe(true);
}
