import { type Manifest, parseManifest } from '@baruga/protocol';
import { useEffect, useState } from 'react';
import { assetUrl } from './delivery/host-bridge';
import { ScreenPlayer } from './rendering/screen-player';
import { realTimers } from './clock/timers';
import { Stage } from './stage';

/** The messages between the console and a preview frame (same origin only). */
export const PREVIEW_READY = 'baruga-preview-ready';
export const PREVIEW_MANIFEST = 'baruga-preview-manifest';

const nothing = () => undefined;

/**
 * The player page in preview mode (`/player/?preview=1`), for the console: it plays a manifest the console hands
 * it, with the real renderer, and nothing else. It neither connects to the broker nor keeps a cache, and records
 * no proof of play: a preview is never a play.
 */
export function PreviewApp() {
  const [manifest, setManifest] = useState<Manifest | null>(null);
  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>) => {
      if (event.origin !== window.location.origin) return;
      const data = event.data as { type?: unknown; manifest?: unknown } | null;
      if (data?.type !== PREVIEW_MANIFEST) return;
      const parsed = parseManifest(data.manifest);
      if (parsed.ok) setManifest(parsed.value);
    };
    window.addEventListener('message', onMessage);
    window.parent.postMessage({ type: PREVIEW_READY }, window.location.origin);
    return () => window.removeEventListener('message', onMessage);
  }, []);
  if (!manifest) return <div className="bg-message" data-testid="preview-waiting" />;
  return (
    <Stage width={manifest.screen.width} height={manifest.screen.height}>
      <ScreenPlayer
        manifest={manifest}
        assetUrl={assetUrl}
        timers={realTimers}
        onShown={nothing}
        onRejected={nothing}
      />
    </Stage>
  );
}
