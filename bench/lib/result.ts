import os from 'node:os';
import { type Stat, round } from './stats';

export { median, pairUp, percentile, round, stat, type Stat } from './stats';

/**
 * The result format (bench/results/<name>.json, and the README table made from it).
 *
 * A benchmark returns a `BenchOutcome`: `figures` (name → number), `units`, the `anchor` measured in the same
 * run, and `notes`. Everything else is optional and keyed by figure name, so a figure can carry:
 *   samples  how many measurements it summarises (a median of 9 runs: 9; a count or one timing: 1);
 *   limits   the physical limit where one exists (one frame at 60 Hz, the bare MQTT round trip), in its unit;
 *   caveats  one line a sceptic must read beside the number (printed in the README table);
 * and the outcome can list `excluded`: measurements left out, counted by reason (0 is worth printing too).
 * A figure may compare against a second anchor, named in `anchor.names`.
 * `outcome()` builds all of it from `Figure`s, so a figure never loses its sample count on the way.
 *
 * The runner adds the date and the machine. A benchmark that throws leaves a `BenchFailure` in its result
 * file instead, so no stale figure is ever republished.
 */
export interface BenchOutcome {
  figures: Record<string, number>;
  units: Record<string, string>;
  /**
   * The comparison measured in the same run (never a number from memory). `names` overrides `name` for the
   * figures compared against a second anchor.
   */
  anchor: {
    name: string;
    figures: Record<string, number>;
    samples?: Record<string, number>;
    names?: Record<string, string>;
  };
  notes: string;
  samples?: Record<string, number>;
  limits?: Record<string, Limit>;
  caveats?: Record<string, string>;
  excluded?: Record<string, number>;
}

/** The best any implementation could do on this machine, in the figure's unit, and what sets it. */
export interface Limit {
  value: number;
  what: string;
  /** How many measurements the limit comes from, when it is measured rather than physical (one frame). */
  samples?: number;
}

export interface Machine {
  cpus: number;
  memGiB: number;
  node: string;
  /** One-minute load average when the benchmark finished: how busy the machine was. */
  load1?: number;
}

export interface BenchResult extends BenchOutcome {
  name: string;
  date: string;
  machine: Machine;
}

/** What a result file holds after its benchmark threw: no figures, so none can be quoted stale. */
export interface BenchFailure {
  name: string;
  date: string;
  machine: Machine;
  failed: { error: string; lastGoodDate: string | null };
}

export type BenchRecord = BenchResult | BenchFailure;

export const isFailure = (record: BenchRecord): record is BenchFailure => 'failed' in record;

export interface Benchmark {
  /** One line for the README table. */
  title: string;
  run(): Promise<BenchOutcome>;
}

/** One figure as a benchmark builds it (see `outcome`). */
export interface Figure {
  stat: Stat;
  unit: string;
  /** Decimal places kept (default 1). */
  digits?: number;
  /** The anchor's value; `name` when it is not the benchmark's main anchor. */
  anchor?: Stat & { name?: string };
  limit?: Limit;
  caveat?: string;
}

/** A figure from a `Stat` (e.g. `stat.median(samples)`), with what goes beside it. */
export function figure(s: Stat, unit: string, extra: Omit<Figure, 'stat' | 'unit'> = {}): Figure {
  return { stat: s, unit, ...extra };
}

/** Flattens `Figure`s into a `BenchOutcome`, sample counts, limits and caveats included. */
export function outcome(parts: {
  anchor: string;
  notes: string;
  figures: Record<string, Figure>;
  /** Figures only the anchor has (a per-event cost of the naive path): `stat` is the anchor's. */
  anchorOnly?: Record<string, Figure>;
  excluded?: Record<string, number>;
}): BenchOutcome {
  const out: Required<BenchOutcome> = {
    figures: {},
    units: {},
    anchor: { name: parts.anchor, figures: {}, samples: {}, names: {} },
    notes: parts.notes,
    samples: {},
    limits: {},
    caveats: {},
    excluded: { ...parts.excluded },
  };
  for (const [key, f] of Object.entries(parts.figures)) {
    const digits = f.digits ?? 1;
    out.figures[key] = round(f.stat.value, digits);
    out.units[key] = f.unit;
    out.samples[key] = f.stat.samples;
    if (f.anchor) {
      out.anchor.figures[key] = round(f.anchor.value, digits);
      (out.anchor.samples ??= {})[key] = f.anchor.samples;
      if (f.anchor.name) (out.anchor.names ??= {})[key] = f.anchor.name;
    }
    if (f.limit) out.limits[key] = { ...f.limit, value: round(f.limit.value, digits) };
    if (f.caveat) out.caveats[key] = f.caveat;
  }
  for (const [key, f] of Object.entries(parts.anchorOnly ?? {})) {
    if (key in out.figures) throw new Error(`${key} is both a figure and an anchor-only figure`);
    out.anchor.figures[key] = round(f.stat.value, f.digits ?? 1);
    (out.anchor.samples ??= {})[key] = f.stat.samples;
    out.units[key] = f.unit;
    if (f.caveat) out.caveats[key] = f.caveat;
  }
  return out;
}

export function machine(): Machine {
  return {
    cpus: os.cpus().length,
    memGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    load1: round(os.loadavg()[0] ?? 0, 1),
  };
}

/** Every figure's key, Baruga's first, then those only the anchor has. */
export function figureKeys(result: BenchResult): string[] {
  return [...new Set([...Object.keys(result.figures), ...Object.keys(result.anchor.figures)])];
}

/** A plain-text table for the terminal. */
export function formatTable(result: BenchResult): string {
  const rows = figureKeys(result).map((key) => {
    const value = result.figures[key];
    const anchor = result.anchor.figures[key];
    const limit = result.limits?.[key];
    return [
      key,
      value === undefined ? '—' : String(value),
      value === undefined ? '' : String(result.samples?.[key] ?? ''),
      anchor !== undefined
        ? `${anchor} (n=${result.anchor.samples?.[key] ?? '?'})${result.anchor.names?.[key] ? ` ${result.anchor.names[key]}` : ''}`
        : '',
      limit ? String(limit.value) : '',
      result.units[key] ?? '',
    ];
  });
  const header = ['figure', 'baruga', 'n', `anchor: ${result.anchor.name}`, 'limit', 'unit'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const excluded = Object.entries(result.excluded ?? {}).map(([why, n]) => `${why}: ${n}`);
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(excluded.length > 0 ? [`excluded: ${excluded.join(', ')}`] : []),
  ].join('\n');
}

/**
 * The record that replaces a benchmark's result when it throws: the error, and when it last succeeded, but no
 * figures, so neither the README nor anyone reading the file can take the old numbers for this run's.
 */
export function failureOf(
  name: string,
  error: unknown,
  previous: BenchRecord | null,
  when: { date: string; machine: Machine },
): BenchFailure {
  const message = error instanceof Error ? error.message : String(error);
  const lastGoodDate = previous === null ? null : isFailure(previous) ? previous.failed.lastGoodDate : previous.date;
  return { name, ...when, failed: { error: message.split('\n')[0] ?? message, lastGoodDate } };
}
