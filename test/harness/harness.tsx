/**
 * The player's rendering, alone: the real ScreenPlayer and content views in a page a test drives
 * directly with manifests, without a controller, broker or signatures. Tests and benchmarks use it to
 * watch transitions frame by frame, to mount and unmount views by the thousand, and to run a day of
 * playback with accelerated timers. It is built only for tests (test/harness/vite.config.ts).
 */
import type { DataTable } from '@baruga/content';
import { createDataFeeds, DataFeedsContext } from '@baruga/content/browser';
import { type Manifest, parseManifest } from '@baruga/protocol';
import { createRoot, type Root } from 'react-dom/client';
import { ScreenPlayer } from '../../player/src/browser/rendering/screen-player';
import { acceleratedTimers, realTimers } from '../../player/src/browser/clock/timers';
import { Stage } from '../../player/src/browser/stage';
import '../../player/src/browser/styles.css';

const params = new URLSearchParams(location.search);
const timers = acceleratedTimers(Number(params.get('speed') ?? '1'), realTimers);
const feeds = createDataFeeds();
const shown: { itemId: string; zoneId: string; at: number }[] = [];
let shownTotal = 0;
const rejected: string[] = [];
let root: Root | null = null;

const assetUrl = (sha256: string) => `/content/${sha256}`;

function render(manifest: Manifest) {
  root ??= createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <DataFeedsContext.Provider value={feeds}>
      <Stage width={manifest.screen.width} height={manifest.screen.height}>
        <ScreenPlayer
          manifest={manifest}
          assetUrl={assetUrl}
          timers={timers}
          onShown={(itemId, zoneId) => {
            shown.push({ itemId, zoneId, at: performance.now() });
            shownTotal += 1;
            // Bounded: a soak must measure the player, not this list.
            if (shown.length > 1000) shown.splice(0, 500);
          }}
          onRejected={(reason) => rejected.push(reason)}
        />
      </Stage>
    </DataFeedsContext.Provider>,
  );
}

declare global {
  interface Window {
    harness: {
      show(manifest: unknown): void;
      unmount(): void;
      feed(feedId: string, table: DataTable): void;
      cycles(manifest: unknown, count: number): Promise<number>;
      /** Items shown since the page loaded (the shown list itself is bounded). */
      shownTotal(): number;
      shown: typeof shown;
      rejected: string[];
    };
  }
}

window.harness = {
  show(raw) {
    const parsed = parseManifest(raw);
    if (!parsed.ok) throw new Error(`harness: ${parsed.error.message} ${JSON.stringify(parsed.error.details)}`);
    render(parsed.value);
  },
  unmount() {
    root?.unmount();
    root = null;
  },
  feed: (feedId, table) => feeds.publish(feedId, table),
  async cycles(raw, count) {
    // Mount, wait until the item is on screen, unmount: what a month of playback does to each view.
    const parsed = parseManifest(raw);
    if (!parsed.ok) throw new Error(`harness: ${parsed.error.message}`);
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const before = shown.length;
      render(parsed.value);
      const deadline = performance.now() + 20_000;
      while (shown.length === before) {
        if (rejected.length > 0) throw new Error(`harness: ${rejected.join('; ')}`);
        if (performance.now() > deadline) throw new Error(`harness: cycle ${i} never showed its item`);
        await new Promise((r) => setTimeout(r, 2));
      }
      root?.unmount();
      root = null;
    }
    return performance.now() - started;
  },
  shown,
  rejected,
  shownTotal: () => shownTotal,
};
