import { describe, expect, it } from 'vitest';
import { outcome } from '../lib/result';
import { type SchedulesMeasurements, schedulesFigures } from './figures';

const measured: SchedulesMeasurements = {
  totals: [800, 840, 820, 900, 810],
  cpu: [850, 860, 870, 880, 890],
  perScreen: Array.from({ length: 5000 }, (_, i) => (i % 1000) / 100),
  cold: 1000,
  edits: [2, 3, 30, 4],
  allScreensEdit: 270,
  peakRssMiB: 166.24,
  segments: 365_600,
  screens: 1000,
  naive: [10, 20, 30, 40],
  naiveCpu: [9, 19, 29, 39],
  tzid: [400, 500],
};

describe('schedules figures', () => {
  it('set the medians of the warm runs against the naive path summed over every rule event', () => {
    const r = outcome({ anchor: 'rrule', notes: '', ...schedulesFigures(measured) });
    expect(r.figures.total_ms).toBe(820);
    expect(r.samples?.total_ms).toBe(5);
    // Every rule event measured, none extrapolated: the anchor total is a sum over all of them.
    expect(r.anchor.figures.total_ms).toBe(100);
    expect(r.anchor.samples?.total_ms).toBe(4);
    expect(r.anchor.figures.total_cpu_ms).toBe(96);
    expect(r.anchor.samples?.total_cpu_ms).toBe(4);
    expect(r.anchor.figures.per_event_ms).toBe(25);
    expect(r.anchor.figures.tzid_per_event_ms).toBe(450);
    expect(r.anchor.samples?.tzid_per_event_ms).toBe(2);
  });

  it('interpolate the per-screen p99 over every timeline and call the worst edit a maximum', () => {
    const r = outcome({ anchor: 'rrule', notes: '', ...schedulesFigures(measured) });
    expect(r.figures.per_screen_p99_ms).toBe(9.89);
    expect(r.samples?.per_screen_p99_ms).toBe(5000);
    expect(r.figures.one_edit_ms).toBe(30);
    expect(r.samples?.one_edit_ms).toBe(4);
    expect(r.figures.segments_per_screen).toBe(365.6);
  });
});
