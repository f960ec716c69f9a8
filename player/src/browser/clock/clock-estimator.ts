/**
 * The controller's clock as a player estimates it, from NTP-style exchanges over `GET /api/player/time`
 * (protocol ControllerTime). Pure: samples and instants in, an offset and an honest error bound out.
 *
 * One exchange gives four instants: the player sends at `sent` and hears back at `received` (its own monotonic
 * clock), the controller received at `controllerReceived` and answered at `controllerSent` (its clock). With d↑ and
 * d↓ the two network delays and θ the true offset (controller minus player):
 *
 *   offset  = ((controllerReceived − sent) + (controllerSent − received)) / 2 = θ + (d↑ − d↓) / 2
 *   delay   = (received − sent) − (controllerSent − controllerReceived)      = d↑ + d↓
 *
 * Delays are never negative, so |offset − θ| ≤ delay / 2 however lopsided the route: each sample puts θ in an
 * interval. Intervals widen as they age by the most two clocks may drift apart. Samples whose intervals do not
 * overlap cannot all be right (a cached answer, a controller clock that was stepped): the largest group that
 * agrees wins (Marzullo's algorithm), ties going to the group with the newest sample, so a stepped controller
 * clock is followed once most recent samples say so. Within that group the sample with the shortest round trip
 * gives the estimate (best of N), kept inside the group's common interval, which is also the error bound.
 */

export interface ClockSample {
  /** Player's monotonic clock, ms: when the request left. */
  sent: number;
  /** Player's monotonic clock, ms: when the answer arrived. */
  received: number;
  /** Controller's clock, ms since the epoch: when the request arrived. */
  controllerReceived: number;
  /** Controller's clock, ms since the epoch: when the answer left. */
  controllerSent: number;
}

export interface ClockEstimate {
  /** Controller clock minus player clock, ms. */
  offsetMs: number;
  /** The true offset lies within `offsetMs ± errorMs` (delays are not negative; drift stays under the bound). */
  errorMs: number;
  /** Samples that agree with the estimate, and samples kept. */
  agreeing: number;
  samples: number;
}

export interface EstimatorOptions {
  /** How many recent samples are kept (best of N). */
  window: number;
  /** The most two clocks drift apart, parts per million (quartz: tens of ppm; this leaves room). */
  maxDriftPpm: number;
  /** Timestamp resolution, ms: the controller's Date.now() counts whole milliseconds, the browser coarsens. */
  resolutionMs: number;
}

export const ESTIMATOR_DEFAULTS: EstimatorOptions = { window: 8, maxDriftPpm: 200, resolutionMs: 1 };

interface Interval {
  offset: number;
  bound: number;
  lo: number;
  hi: number;
  /** Position in the window: higher is newer. */
  age: number;
}

/** The offset and half-width of one sample's interval, or null for one that cannot be right. */
function measure(s: ClockSample, resolutionMs: number): { offset: number; delay: number } | null {
  const roundTrip = s.received - s.sent;
  const held = s.controllerSent - s.controllerReceived;
  const delay = roundTrip - held;
  // A reply before its request, or a negative delay beyond rounding: a clock stepped during the exchange.
  if (roundTrip < 0 || held < 0 || delay < -2 * resolutionMs) return null;
  const offset = (s.controllerReceived - s.sent + (s.controllerSent - s.received)) / 2;
  return { offset, delay: Math.max(0, delay) };
}

/** Marzullo: the region where most intervals overlap, and which intervals those are. */
function agreement(intervals: readonly Interval[]): { lo: number; hi: number; members: Interval[] } | null {
  const edges = intervals.flatMap((iv) => [
    { at: iv.lo, step: 1 },
    { at: iv.hi, step: -1 },
  ]);
  // Touching intervals overlap: at equal positions, openings come first.
  edges.sort((a, b) => a.at - b.at || b.step - a.step);
  let count = 0;
  let best = 0;
  const regions: { lo: number; hi: number }[] = [];
  edges.forEach((edge, i) => {
    count += edge.step;
    if (edge.step < 0) return;
    const hi = edges[i + 1]?.at ?? edge.at;
    if (count > best) {
      best = count;
      regions.length = 0;
    }
    if (count === best) regions.push({ lo: edge.at, hi });
  });
  const groups = regions.map((r) => ({ ...r, members: intervals.filter((iv) => iv.lo <= r.lo && iv.hi >= r.hi) }));
  const newest = Math.max(...intervals.map((iv) => iv.age));
  return groups.find((g) => g.members.some((m) => m.age === newest)) ?? groups[0] ?? null;
}

/** The estimate at local instant `now` from samples (oldest first); null without a usable one. */
export function estimateOffset(
  samples: readonly ClockSample[],
  now: number,
  options: EstimatorOptions = ESTIMATOR_DEFAULTS,
): ClockEstimate | null {
  const intervals: Interval[] = [];
  samples.forEach((sample, age) => {
    const m = measure(sample, options.resolutionMs);
    if (!m) return;
    const drift = (Math.max(0, now - sample.received) * options.maxDriftPpm) / 1e6;
    // Each of the four timestamps may be off by its resolution (whole ms floored or rounded on the controller,
    // coarsened in the browser): two resolutions cover what that does to the offset and to half the delay.
    const bound = m.delay / 2 + 2 * options.resolutionMs + drift;
    intervals.push({ offset: m.offset, bound, lo: m.offset - bound, hi: m.offset + bound, age });
  });
  const group = agreement(intervals);
  if (!group) return null;
  const best = group.members.reduce((a, b) => (b.bound < a.bound ? b : a));
  const offsetMs = Math.min(group.hi, Math.max(group.lo, best.offset));
  return {
    offsetMs,
    errorMs: Math.max(offsetMs - group.lo, group.hi - offsetMs),
    agreeing: group.members.length,
    samples: intervals.length,
  };
}

/** A window of the latest samples. */
export function createClockEstimator(options: Partial<EstimatorOptions> = {}) {
  const settings = { ...ESTIMATOR_DEFAULTS, ...options };
  const samples: ClockSample[] = [];
  return {
    /** Keeps a sample; false for one that cannot be right (it is not kept). */
    add(sample: ClockSample): boolean {
      if (!measure(sample, settings.resolutionMs)) return false;
      samples.push(sample);
      if (samples.length > settings.window) samples.splice(0, samples.length - settings.window);
      return true;
    },
    estimate: (now: number) => estimateOffset(samples, now, settings),
  };
}
export type ClockEstimator = ReturnType<typeof createClockEstimator>;
