import { useCallback, useEffect } from 'react';
import { DeliveryOverlay } from './delivery/delivery-overlay';
import { assetUrl } from './delivery/host-bridge';
import { useDelivery } from './delivery/use-delivery';
import { bilingual } from './i18n';
import { Stage } from './stage';
import { ScreenPlayer } from './rendering/screen-player';
import { recordManifest, recordRejected, recordShown } from './telemetry';

export function PlayerApp({ screenId }: { screenId: string }) {
  // Delivery (delivery/): the verified manifest to play, from cache first, and what to show over it.
  const { playing, view } = useDelivery(screenId);
  const manifest = playing?.manifest ?? null;

  useEffect(() => {
    if (!manifest) return;
    recordManifest(manifest.version);
    document.body.dataset.manifestVersion = String(manifest.version);
  }, [manifest]);

  // Proof of play and status follow recordShown (delivery/play-reporting.ts listens to it).
  const manifestVersion = manifest?.version ?? 0;
  const onItemShown = useCallback(
    (itemId: string, zoneId: string) => recordShown(itemId, manifestVersion, zoneId),
    [manifestVersion],
  );

  if (!playing || !manifest) {
    const problem = view.problem;
    const text = bilingual(problem ?? (view.connection === 'online' ? 'waiting' : 'connecting'));
    return (
      <div className="bg-message" data-testid="player-waiting" data-problem={problem ?? undefined}>
        <div>{text.id}</div>
        <small>{text.en}</small>
        <small>{screenId}</small>
        {view.blackout ? <DeliveryOverlay view={view} screen={null} version={null} /> : null}
      </div>
    );
  }
  return (
    <>
      <Stage width={manifest.screen.width} height={manifest.screen.height}>
        <ScreenPlayer
          manifest={manifest}
          assetUrl={assetUrl}
          timers={playing.timers}
          onShown={onItemShown}
          onRejected={recordRejected}
        />
      </Stage>
      <DeliveryOverlay view={view} screen={manifest.screen} version={manifest.version} />
    </>
  );
}
