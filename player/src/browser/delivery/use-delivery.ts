import type { Manifest } from '@baruga/protocol';
import { useEffect, useState } from 'react';
import type { Timers } from '../clock/timers';
import { type DeliveryView, INITIAL_VIEW } from './delivery-view';
import { startPlayerSession } from './player-session';

/** A manifest to play, and the session's clock to play it by. */
export interface Playing {
  manifest: Manifest;
  timers: Timers;
}

/** One screen's player session for as long as the component lives: what to play, and what to show around it. */
export function useDelivery(screenId: string): { playing: Playing | null; view: DeliveryView } {
  const [playing, setPlaying] = useState<Playing | null>(null);
  const [view, setView] = useState<DeliveryView>(INITIAL_VIEW);
  useEffect(() => {
    const session = startPlayerSession(screenId, {
      // Called once the session has read its storage, so `session` is set by then.
      onManifest: (manifest) => setPlaying({ manifest, timers: session.timers }),
      onView: setView,
    });
    return () => session.dispose();
  }, [screenId]);
  return { playing, view };
}
