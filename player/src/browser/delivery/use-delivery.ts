import type { Manifest } from '@baruga/protocol';
import { useEffect, useState } from 'react';
import { type DeliveryView, INITIAL_VIEW, startDelivery } from './delivery';

/** The manifest to play and what to show around it, for one screen, for as long as the component lives. */
export function useDelivery(screenId: string): { manifest: Manifest | null; view: DeliveryView } {
  const [manifest, setManifest] = useState<Manifest | null>(null);
  const [view, setView] = useState<DeliveryView>(INITIAL_VIEW);
  useEffect(() => {
    const delivery = startDelivery(screenId, { onManifest: setManifest, onView: setView });
    return () => delivery.dispose();
  }, [screenId]);
  return { manifest, view };
}
