import { describe, expect, it } from 'vitest';
import { outcome } from '../lib/result';
import { publishFigures } from './figures';

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

describe('publish figures', () => {
  it('are interpolated percentiles of every publish, with the MQTT round trip as the limit', () => {
    const publishes = range(120).map((i) => ({ onScreen: 40 + i, onBareClient: 10 + i }));
    const { figures, excluded } = publishFigures({
      publishes,
      roundTrips: range(200),
      firstFrames: [900, 1000, 1100, 1300],
    });
    const r = outcome({ anchor: 'bare', notes: '', figures, excluded });
    expect(r.figures).toEqual({
      publish_to_screen_p50_ms: 100.5,
      publish_to_screen_p99_ms: 158.8,
      first_frame_ms: 1050,
    });
    expect(r.anchor.figures).toEqual({ publish_to_screen_p50_ms: 70.5, publish_to_screen_p99_ms: 128.8 });
    expect(r.samples).toEqual({ publish_to_screen_p50_ms: 120, publish_to_screen_p99_ms: 120, first_frame_ms: 4 });
    expect(r.limits?.publish_to_screen_p99_ms).toEqual({ value: 198, what: 'bare MQTT round trip, p99', samples: 200 });
    expect(r.excluded).toEqual({ 'anchor samples whose manifest never reached the bare subscriber': 0 });
  });

  it('count the publishes the bare subscriber never saw instead of shortening its list silently', () => {
    const publishes = range(120).map((i) => ({ onScreen: 50, onBareClient: i % 40 === 0 ? undefined : 20 }));
    const { figures, excluded } = publishFigures({ publishes, roundTrips: range(200), firstFrames: [1000] });
    expect(excluded['anchor samples whose manifest never reached the bare subscriber']).toBe(3);
    expect(figures.publish_to_screen_p50_ms?.anchor?.samples).toBe(117);
    expect(figures.publish_to_screen_p50_ms?.stat.samples).toBe(120);
  });

  it('fail when so many anchor samples are missing that a p99 would be the maximum', () => {
    const publishes = range(120).map((i) => ({ onScreen: 50, onBareClient: i <= 30 ? undefined : 20 }));
    expect(() => publishFigures({ publishes, roundTrips: range(200), firstFrames: [1000] })).toThrow(
      /p99 needs at least 100 samples, got 90/,
    );
  });
});
