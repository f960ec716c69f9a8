import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClockSample, createClockEstimator, estimateOffset } from './clock-estimator';

/**
 * A simulated link between a player and the controller. The controller's clock reads `offset + local` (plus a
 * drift in ppm), whole milliseconds, as Date.now() does; the player's reads fractions, as performance.now() does.
 */
function link(offset: number, driftPpm = 0) {
  const controllerAt = (local: number) => Math.floor(offset + local + (local * driftPpm) / 1e6);
  return {
    /** The true offset (controller minus player) at a local instant. */
    truth: (local: number) => offset + (local * driftPpm) / 1e6,
    exchange(sent: number, up: number, down: number, held = 0.3): ClockSample {
      const controllerReceived = controllerAt(sent + up);
      return {
        sent,
        received: sent + up + held + down,
        controllerReceived,
        controllerSent: controllerAt(sent + up + held),
      };
    },
  };
}

const honest = (estimate: { offsetMs: number; errorMs: number } | null, truth: number) =>
  estimate !== null && Math.abs(estimate.offsetMs - truth) <= estimate.errorMs;

describe('the clock estimator', () => {
  it('finds the offset of a symmetric route, within a few ms', () => {
    const net = link(3_600_000.25);
    const estimator = createClockEstimator();
    estimator.add(net.exchange(1000, 4, 4));
    const estimate = estimator.estimate(1010);
    expect(estimate?.offsetMs).toBeCloseTo(3_600_000.25, -1);
    // Half the 8 ms round trip, and the timestamps' resolution.
    expect(estimate?.errorMs).toBeLessThan(4 + 2 + 0.5);
    expect(honest(estimate, net.truth(1010))).toBe(true);
  });

  it('on a lopsided route (40 ms up, 2 ms down) is off by half the difference, and its bound says so', () => {
    const net = link(-250_000);
    const estimate = estimateOffset([net.exchange(5000, 40, 2)], 5050);
    // Half of (40 − 2) ms: no exchange can tell which way the delay went, only that it was 42 ms in all.
    expect(estimate?.offsetMs).toBeCloseTo(-250_000 + 19, 0);
    expect(estimate?.errorMs).toBeGreaterThanOrEqual(19);
    expect(estimate?.errorMs).toBeLessThan(21 + 3);
    expect(honest(estimate, net.truth(5050))).toBe(true);
  });

  it('takes the shortest round trip of the last N, and bounds the error by it', () => {
    const net = link(42_000);
    const estimator = createClockEstimator();
    [120, 80, 1, 150, 95].forEach((delay, i) => estimator.add(net.exchange(1000 + i * 1000, delay * 0.9, delay * 0.1)));
    const estimate = estimator.estimate(6000);
    // The 1 ms exchange wins: its half round trip, the timestamps' resolution and 4 s of drift at 200 ppm.
    expect(estimate?.errorMs).toBeLessThan(0.5 + 2 + 0.8 + 0.1);
    expect(honest(estimate, net.truth(6000))).toBe(true);
    expect(estimate).toMatchObject({ agreeing: 5, samples: 5 });
  });

  it('stays honest under any asymmetry, jitter and drift (the true offset is always within the bound)', () => {
    const exchange = fc.record({
      gapMs: fc.double({ min: 50, max: 120_000, noNaN: true }),
      up: fc.double({ min: 0, max: 400, noNaN: true }),
      down: fc.double({ min: 0, max: 400, noNaN: true }),
      held: fc.double({ min: 0, max: 5, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        fc.integer({ min: -150, max: 150 }),
        fc.array(exchange, { minLength: 1, maxLength: 30 }),
        (offset, drift, exchanges) => {
          const net = link(offset, drift);
          const estimator = createClockEstimator();
          let local = 10_000;
          let bestDelay = Infinity;
          for (const x of exchanges) {
            local += x.gapMs;
            estimator.add(net.exchange(local, x.up, x.down, x.held));
            local += x.up + x.held + x.down;
            bestDelay = Math.min(bestDelay, x.up + x.down);
            const estimate = estimator.estimate(local);
            expect(honest(estimate, net.truth(local))).toBe(true);
          }
          // Over a short window, the bound is about half the best round trip.
          if (exchanges.length <= 8) {
            const span = local - 10_000;
            expect(estimator.estimate(local)?.errorMs).toBeLessThanOrEqual(bestDelay / 2 + 3 + (span * 200) / 1e6);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects answers that cannot be right (a proxy serving a cached time) and stays honest', () => {
    const net = link(7_000);
    const estimator = createClockEstimator();
    const stale = net.exchange(1000, 3, 3);
    for (let i = 0; i < 8; i++) {
      const sent = 2000 + i * 1000;
      // Three of eight answers are the same cached body, seconds old by now.
      const sample = i % 3 === 1 ? { ...stale, sent, received: sent + 5 } : net.exchange(sent, 2 + i, 3);
      estimator.add(sample);
    }
    const estimate = estimator.estimate(10_000);
    expect(estimate?.agreeing).toBe(5);
    expect(honest(estimate, net.truth(10_000))).toBe(true);
    expect(estimate?.errorMs).toBeLessThan(10);
  });

  it('follows a controller clock that was stepped once most recent samples say so', () => {
    const before = link(1_000);
    const after = link(6_000); // the controller's NTP stepped it 5 s forward
    const estimator = createClockEstimator();
    for (let i = 0; i < 8; i++) estimator.add(before.exchange(i * 1000, 2, 2));
    estimator.add(after.exchange(8000, 2, 2));
    // One sample against seven: an outlier until proven otherwise.
    expect(estimator.estimate(8010)?.offsetMs).toBeCloseTo(1_000, -1);
    for (let i = 9; i < 12; i++) estimator.add(after.exchange(i * 1000, 2, 2));
    // Four against four: the newest side wins.
    expect(estimator.estimate(12_010)?.offsetMs).toBeCloseTo(6_000, -1);
  });

  it('refuses exchanges a stepped clock garbled (a reply before its request, a negative delay)', () => {
    const estimator = createClockEstimator();
    expect(estimator.add({ sent: 100, received: 90, controllerReceived: 5, controllerSent: 6 })).toBe(false);
    expect(estimator.add({ sent: 100, received: 101, controllerReceived: 5, controllerSent: 50 })).toBe(false);
    expect(estimator.estimate(200)).toBeNull();
  });
});
