import type { Page } from 'playwright-core';
import { SAME_PLAY_TOLERANCE_MS } from '../../controller/src/players/proof-of-play-repository';
import type {} from './player-window';

/**
 * What the page has shown, once the appearance on screen is its own play whatever a reload does: its record stored
 * (its zone's open record, in the player's IndexedDB; written just after the frame that painted the item, so a page
 * reloaded in between never made it), and on screen for longer than the controller's same-play tolerance (the
 * reloaded page picks up the same pass; started within that tolerance, the controller keeps the two as one play).
 * Null until then.
 */
export const storedAppearances = (page: Page) =>
  page.evaluate(async (tolerance) => {
    const records = window.baruga?.shown ?? [];
    const last = records[records.length - 1];
    if (!last || performance.timeOrigin + performance.now() - last.at <= tolerance) return null;
    const shown = records.map((s) => s.itemId);
    const open = await new Promise<string[]>((resolve, reject) => {
      const request = indexedDB.open('baruga-player');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const all = request.result.transaction('pop').objectStore('pop').getAll();
        all.onsuccess = () =>
          resolve((all.result as { itemId: string; open: boolean }[]).filter((r) => r.open).map((r) => r.itemId));
        all.onerror = () => reject(all.error);
      };
    });
    return open.includes(last.itemId) ? shown : null;
  }, SAME_PLAY_TOLERANCE_MS);
