import { describe, expect, it } from 'vitest';
import { POLL_INTERVAL_MS, alertFigures, pollingDelays } from './figures';

describe('alert figures', () => {
  it('spreads the polling anchor evenly over Xibo’s interval', () => {
    const delays = pollingDelays(1000);
    expect(Math.min(...delays)).toBeCloseTo(150, 0);
    expect(Math.max(...delays)).toBeLessThan(POLL_INTERVAL_MS);
  });

  it('names every figure the issue asks for, each against the polling anchor', () => {
    const ramp = (n: number, top: number) => Array.from({ length: n }, (_, i) => ((i + 1) / n) * top);
    const figures = alertFigures({
      embedded1k: ramp(1000, 100),
      embedded1kFirst: ramp(1000, 300),
      embedded10k: ramp(10_000, 500),
      mosquitto1k: ramp(1000, 80),
      pixels: [120, 140, 160, 180],
      bareHops: ramp(200, 2),
    });
    expect(Object.keys(figures).sort()).toEqual([
      'ack_max_ms',
      'ack_p50_ms',
      'ack_p99_ms',
      'ack_p99_ms_10k',
      'ack_p99_ms_first',
      'alert_to_pixels_ms',
      'mosquitto_ack_p99_ms',
    ]);
    expect(figures.ack_p50_ms?.stat.value).toBeCloseTo(50.05, 1);
    expect(figures.ack_max_ms?.stat).toEqual({ value: 100, samples: 1000 });
    expect(figures.ack_p99_ms?.anchor?.value).toBeCloseTo(297_000, -3);
    expect(figures.alert_to_pixels_ms?.stat).toEqual({ value: 150, samples: 4 });
    expect(figures.ack_p99_ms_first?.stat.value).toBeCloseTo(297, 0);
    expect(figures.ack_p50_ms?.limit?.value).toBeCloseTo(2 * 1.005, 2);
  });

  it('refuses a p99 of too few acknowledgements', () => {
    expect(() =>
      alertFigures({
        embedded1k: [1, 2],
        embedded1kFirst: [1, 2],
        embedded10k: [1],
        mosquitto1k: [1],
        pixels: [1],
        bareHops: [1],
      }),
    ).toThrow(/at least 100/);
  });
});
