import { describe, expect, it } from 'vitest';
import { benchmarkTable } from './readme';
import { type BenchResult, failureOf, figure, formatTable, outcome, stat } from './result';

const machine = { cpus: 2, memGiB: 23.5, node: 'v20.20.2', load1: 1.5 };

function sample(): BenchResult {
  return {
    name: 'publish',
    date: '2026-12-01T10:00:00.000Z',
    machine,
    ...outcome({
      anchor: 'bare MQTT subscriber',
      notes: 'Notes.',
      figures: {
        publish_to_screen_p50_ms: figure(stat.median([50, 60, 70, 80]), 'ms', {
          anchor: stat.median([20, 30, 40]),
          limit: { value: 1.234, what: 'bare MQTT round trip', samples: 200 },
          caveat: 'loopback | no network',
        }),
        first_frame_ms: figure(stat.single(1952.24), 'ms', { digits: 0 }),
      },
      excluded: { 'anchor samples without an arrival': 1 },
    }),
  };
}

describe('outcome', () => {
  it('flattens figures into the simple format, with sample counts, limits and caveats beside them', () => {
    const r = sample();
    expect(r.figures).toEqual({ publish_to_screen_p50_ms: 65, first_frame_ms: 1952 });
    expect(r.samples).toEqual({ publish_to_screen_p50_ms: 4, first_frame_ms: 1 });
    expect(r.anchor).toEqual({
      name: 'bare MQTT subscriber',
      figures: { publish_to_screen_p50_ms: 30 },
      samples: { publish_to_screen_p50_ms: 3 },
      names: {},
    });
    expect(r.limits).toEqual({ publish_to_screen_p50_ms: { value: 1.2, what: 'bare MQTT round trip', samples: 200 } });
    expect(r.caveats).toEqual({ publish_to_screen_p50_ms: 'loopback | no network' });
    expect(r.excluded).toEqual({ 'anchor samples without an arrival': 1 });
  });

  it('keeps figures only the anchor has, with their sample counts, and shows them in the table', () => {
    const r = outcome({
      anchor: 'rrule',
      notes: '',
      figures: { total_ms: figure(stat.median([800, 900]), 'ms') },
      anchorOnly: { per_event_ms: figure(stat.mean([10, 20, 30]), 'ms', { digits: 3, caveat: 'floating time' }) },
    });
    expect(r.figures).toEqual({ total_ms: 850 });
    expect(r.anchor.figures).toEqual({ per_event_ms: 20 });
    expect(r.anchor.samples).toEqual({ per_event_ms: 3 });
    const table = benchmarkTable([{ name: 'schedules', date: '2026-12-01T10:00:00.000Z', machine, ...r }]);
    expect(table).toContain('| `schedules` | `per_event_ms` | — |  | 20 | 3 | — | — | — | ms | floating time |');
    expect(() =>
      outcome({
        anchor: 'x',
        notes: '',
        figures: { a: figure(stat.single(1), 'ms') },
        anchorOnly: { a: figure(stat.single(1), 'ms') },
      }),
    ).toThrow(/both a figure and an anchor-only figure/);
  });

  it('prints the sample counts and exclusions on the terminal', () => {
    const text = formatTable(sample());
    expect(text).toContain('30 (n=3)');
    expect(text).toContain('excluded: anchor samples without an arrival: 1');
  });
});

describe('the README table', () => {
  it('shows each figure with its sample count, anchor, ratios to anchor and limit, and caveat', () => {
    const table = benchmarkTable([sample()]);
    const row = table.split('\n').find((l) => l.includes('publish_to_screen_p50_ms'));
    expect(row).toBe(
      '| `publish` | `publish_to_screen_p50_ms` | 65 | 4 | 30 | 3 | 2.2× | 1.2 (bare MQTT round trip) | 54× | ms | loopback \\| no network |',
    );
    expect(table).toContain('| `publish` | `first_frame_ms` | 1952 | 1 | — |  | — | — | — | ms |  |');
    expect(table).toContain('anchor bare MQTT subscriber. Excluded: 1 anchor samples without an arrival.');
    expect(table).toContain('2026-12-01, 2 CPU, 23.5 GiB, Node v20.20.2, load 1.5');
  });

  it('marks a failed benchmark and shows none of its old figures', () => {
    const failure = failureOf('publish', new Error('p99 needs at least 100 samples, got 50\nstack'), sample(), {
      date: '2026-12-02T10:00:00.000Z',
      machine,
    });
    expect(failure.failed).toEqual({
      error: 'p99 needs at least 100 samples, got 50',
      lastGoodDate: '2026-12-01T10:00:00.000Z',
    });
    // A second failure keeps the date of the last good run, not of the first failure.
    const again = failureOf('publish', 'still broken', failure, { date: '2026-12-03T10:00:00.000Z', machine });
    expect(again.failed.lastGoodDate).toBe('2026-12-01T10:00:00.000Z');
    const table = benchmarkTable([again]);
    expect(table).not.toContain('publish_to_screen_p50_ms');
    expect(table).toContain('- `publish`: **failed** on 2026-12-03');
    expect(table).toContain('still broken. No figures shown (last good run 2026-12-01).');
  });
});
