import { type Figure, figure, pairUp, stat } from '../lib/result';

export interface PublishMeasurements {
  /** Per publish: ms from the request to the painted frame, and to the bare subscriber's arrival (if any). */
  publishes: { onScreen: number; onBareClient: number | undefined }[];
  /** Bare MQTT round trips, ms (the limit). */
  roundTrips: number[];
  /** Cold starts in a new browser context, ms from navigation to the first painted item. */
  firstFrames: number[];
}

const LOOPBACK = 'loopback, embedded broker, headless Chromium';

export function publishFigures(m: PublishMeasurements): {
  figures: Record<string, Figure>;
  excluded: Record<string, number>;
} {
  const { ours, anchor, dropped } = pairUp(m.publishes.map((p) => ({ ours: p.onScreen, anchor: p.onBareClient })));
  const asLimit = (p: number) => ({ ...stat.percentile(m.roundTrips, p), what: `bare MQTT round trip, p${p}` });
  return {
    figures: {
      publish_to_screen_p50_ms: figure(stat.percentile(ours, 50), 'ms', {
        anchor: stat.percentile(anchor, 50),
        limit: asLimit(50),
        caveat: `${LOOPBACK}; from the publish request, so the controller's compile and signing are in both`,
      }),
      publish_to_screen_p99_ms: figure(stat.percentile(ours, 99), 'ms', {
        anchor: stat.percentile(anchor, 99),
        limit: asLimit(99),
        caveat: `${LOOPBACK}; interpolated p99, needs at least 100 publishes on each side`,
      }),
      first_frame_ms: figure(stat.median(m.firstFrames), 'ms', {
        caveat: 'new browser context (empty cache, no Service Worker), online, browser already running',
      }),
    },
    excluded: { 'anchor samples whose manifest never reached the bare subscriber': dropped },
  };
}
