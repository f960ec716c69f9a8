import { type DataFeeds, createDataFeeds } from '@baruga/content/browser';
import type { AlertNotice, Manifest } from '@baruga/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Timers, realTimers } from '../clock/timers';
import { type DeliveryView, INITIAL_VIEW } from './delivery-view';
import { type PlayerSession, startPlayerSession } from './player-session';

/** A manifest to play, and the session's clock to play it by. */
export interface Playing {
  manifest: Manifest;
  timers: Timers;
}

/** What the session gives the renderer besides the manifest: the alerts in force and the data feeds. */
export interface Around {
  alerts: AlertNotice[];
  feeds: DataFeeds;
  alertPainted(alertId: string): void;
}

/** One screen's player session for as long as the component lives: what to play, and what to show around it. */
export function useDelivery(screenId: string): { playing: Playing | null; view: DeliveryView; around: Around } {
  const [playing, setPlaying] = useState<Playing | null>(null);
  const [view, setView] = useState<DeliveryView>(INITIAL_VIEW);
  const [alerts, setAlerts] = useState<AlertNotice[]>([]);
  // The widgets' feeds outlive a session restart of the same screen; the session fills them.
  const [feeds] = useState(createDataFeeds);
  const session = useRef<PlayerSession | null>(null);
  useEffect(() => {
    const started = startPlayerSession(
      screenId,
      {
        // Called once the session has read its storage, so `started` is set by then.
        onManifest: (manifest) => setPlaying({ manifest, timers: started.timers }),
        onView: setView,
        onAlerts: setAlerts,
      },
      realTimers,
      feeds,
    );
    session.current = started;
    return () => {
      started.dispose();
      session.current = null;
    };
  }, [screenId, feeds]);
  const alertPainted = useCallback((alertId: string) => session.current?.alertPainted(alertId), []);
  return { playing, view, around: { alerts, feeds, alertPainted } };
}
