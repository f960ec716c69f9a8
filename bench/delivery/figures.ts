import { type Figure, figure, pairUp, stat } from '../lib/result';

export interface DeliveryMeasurements {
  /** Per publish: ms from the request to the painted frame, and to the bare subscriber's arrival (if any). */
  cold: { onScreen: number; onBareClient: number | undefined }[];
  warm: { onScreen: number; onBareClient: number | undefined }[];
  /** Bare MQTT round trips, ms (the limit of both publish figures). */
  roundTrips: number[];
  /** Boots, ms from navigation to the first painted frame (`withLaunch`: from starting the browser). */
  emptyProfileOnline: number[];
  warmProfileOnline: { firstFrame: number; withLaunch: number }[];
  warmProfileOffline: { firstFrame: number; withLaunch: number }[];
}

const WARM = 'warm profile (HTTP cache, code cache, Service Worker, manifest in IndexedDB)';

export function deliveryFigures(m: DeliveryMeasurements): {
  figures: Record<string, Figure>;
  excluded: Record<string, number>;
} {
  const cold = pairUp(m.cold.map((p) => ({ ours: p.onScreen, anchor: p.onBareClient })));
  const warm = pairUp(m.warm.map((p) => ({ ours: p.onScreen, anchor: p.onBareClient })));
  const floor = { ...stat.median(m.roundTrips), what: 'bare MQTT round trip, median' };
  const offline = stat.median(m.warmProfileOffline.map((b) => b.firstFrame));
  const online = stat.median(m.warmProfileOnline.map((b) => b.firstFrame));
  return {
    figures: {
      publish_to_screen_cold_ms: figure(stat.median(cold.ours), 'ms', {
        anchor: stat.median(cold.anchor),
        limit: floor,
        caveat:
          'loopback; 50 new images downloaded, hashed and cached first; the anchor includes all the controller does at publish',
      }),
      publish_to_screen_warm_ms: figure(stat.median(warm.ours), 'ms', {
        anchor: stat.median(warm.anchor),
        limit: floor,
        caveat: 'loopback; all 50 images already cached',
      }),
      offline_cold_start_ms: figure(offline, 'ms', {
        anchor: online,
        caveat: `despite the name, a ${WARM}, offline; anchor: the same profile online (was: an empty profile online)`,
      }),
      warm_offline_cold_start_ms: figure(offline, 'ms', {
        anchor: online,
        caveat: `the same boots as offline_cold_start_ms under a clear name; anchor: the same ${WARM} online`,
      }),
      offline_cold_start_with_browser_launch_ms: figure(
        stat.median(m.warmProfileOffline.map((b) => b.withLaunch)),
        'ms',
        {
          anchor: stat.median(m.warmProfileOnline.map((b) => b.withLaunch)),
          caveat: 'as warm_offline_cold_start_ms, from starting Chromium',
        },
      ),
      first_boot_empty_profile_ms: figure(stat.median(m.emptyProfileOnline), 'ms', {
        caveat: 'a new player online, nothing cached: the cold start a player pays once (the old anchor)',
      }),
    },
    excluded: {
      'cold-publish anchor samples whose manifest never reached the bare subscriber': cold.dropped,
      'warm-publish anchor samples whose manifest never reached the bare subscriber': warm.dropped,
    },
  };
}
