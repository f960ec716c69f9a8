import { describe, expect, it } from 'vitest';
import { outcome } from '../lib/result';
import { type DeliveryMeasurements, deliveryFigures } from './figures';

const measured: DeliveryMeasurements = {
  cold: [
    { onScreen: 900, onBareClient: 20 },
    { onScreen: 1000, onBareClient: undefined },
    { onScreen: 1100, onBareClient: 30 },
  ],
  warm: [80, 90, 85, 100].map((ms) => ({ onScreen: ms, onBareClient: ms - 60 })),
  roundTrips: [1, 2, 3, 4],
  emptyProfileOnline: [1700, 1800, 1750],
  warmProfileOnline: [1300, 1200, 1250].map((ms) => ({ firstFrame: ms, withLaunch: ms + 1800 })),
  warmProfileOffline: [1100, 1150, 1200].map((ms) => ({ firstFrame: ms, withLaunch: ms + 1700 })),
};

describe('delivery figures', () => {
  it('set warm offline boots against warm online boots of the same profile, not against empty profiles', () => {
    const r = outcome({ anchor: 'anchors', notes: '', ...deliveryFigures(measured) });
    expect(r.figures.offline_cold_start_ms).toBe(1150);
    expect(r.figures.warm_offline_cold_start_ms).toBe(1150);
    expect(r.anchor.figures.offline_cold_start_ms).toBe(1250);
    expect(r.anchor.figures.warm_offline_cold_start_ms).toBe(1250);
    expect(r.figures.offline_cold_start_with_browser_launch_ms).toBe(2850);
    expect(r.anchor.figures.offline_cold_start_with_browser_launch_ms).toBe(3050);
    // The cold first boot is Baruga's own figure now, with no anchor.
    expect(r.figures.first_boot_empty_profile_ms).toBe(1750);
    expect(r.anchor.figures.first_boot_empty_profile_ms).toBeUndefined();
    expect(r.samples?.offline_cold_start_ms).toBe(3);
  });

  it('take medians of every publish (the mean of the middle two when even) and count missing anchor samples', () => {
    const r = outcome({ anchor: 'anchors', notes: '', ...deliveryFigures(measured) });
    expect(r.figures.publish_to_screen_warm_ms).toBe(87.5);
    expect(r.anchor.figures.publish_to_screen_warm_ms).toBe(27.5);
    expect(r.figures.publish_to_screen_cold_ms).toBe(1000);
    expect(r.anchor.figures.publish_to_screen_cold_ms).toBe(25);
    expect(r.samples?.publish_to_screen_cold_ms).toBe(3);
    expect(r.anchor.samples?.publish_to_screen_cold_ms).toBe(2);
    expect(r.limits?.publish_to_screen_cold_ms).toEqual({
      value: 2.5,
      samples: 4,
      what: 'bare MQTT round trip, median',
    });
    expect(r.excluded).toEqual({
      'cold-publish anchor samples whose manifest never reached the bare subscriber': 1,
      'warm-publish anchor samples whose manifest never reached the bare subscriber': 0,
    });
  });
});
