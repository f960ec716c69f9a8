import { type Figure, figure, stat } from '../lib/result';

export interface SchedulesMeasurements {
  /** Warm runs (compile all events + every screen's timeline): wall ms and CPU ms each. */
  totals: number[];
  cpu: number[];
  /** Every screen's timeline in every warm run, ms. */
  perScreen: number[];
  /** The first run, cold. */
  cold: number;
  /** Sampled single-event edits, ms, and an edit of an event for all screens. */
  edits: number[];
  allScreensEdit: number;
  peakRssMiB: number;
  segments: number;
  screens: number;
  /** The naive path: every rule event expanded with rrule, wall-clock and CPU ms each (floating time). */
  naive: number[];
  naiveCpu: number[];
  /** The naive path with a TZID, on a sample of DAILY rule events, ms each. */
  tzid: number[];
}

export function schedulesFigures(m: SchedulesMeasurements): {
  figures: Record<string, Figure>;
  anchorOnly: Record<string, Figure>;
} {
  return {
    figures: {
      total_ms: figure(stat.median(m.totals), 'ms', {
        anchor: stat.sum(m.naive),
        caveat: 'anchor: rrule between() on every rule event, summed, no TZID; only expansion, so a lower bound',
      }),
      per_screen_p99_ms: figure(stat.percentile(m.perScreen, 99), 'ms', { digits: 2 }),
      peak_rss_mib: figure(stat.single(m.peakRssMiB), 'MiB', { caveat: 'maxRSS of the benchmark process' }),
      one_edit_ms: figure(stat.max(m.edits), 'ms', {
        digits: 2,
        caveat: 'the worst of the sampled edits (events that target some screens), not a percentile',
      }),
      total_cpu_ms: figure(stat.median(m.cpu), 'ms', {
        anchor: stat.sum(m.naiveCpu),
        caveat: 'process CPU time, GC threads included, on both sides; moves less with machine load than total_ms',
      }),
      cold_total_ms: figure(stat.single(m.cold), 'ms', { caveat: 'the first run: JIT and zone tables cold' }),
      one_edit_all_screens_ms: figure(stat.single(m.allScreensEdit), 'ms'),
      segments_per_screen: figure({ value: m.segments / m.screens, samples: m.screens }, 'segments'),
    },
    anchorOnly: {
      per_event_ms: figure(stat.mean(m.naive), 'ms', { digits: 3, caveat: 'mean over every rule event, no TZID' }),
      tzid_per_event_ms: figure(stat.mean(m.tzid), 'ms', {
        caveat: 'DAILY rule events only (a systematic sample); with a TZID, MINUTELY rules take minutes each',
      }),
    },
  };
}
