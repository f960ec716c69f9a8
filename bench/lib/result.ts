import os from 'node:os';

/** What a benchmark returns; the runner adds the date and the machine. */
export interface BenchOutcome {
  figures: Record<string, number>;
  units: Record<string, string>;
  /** The comparison measured in the same run (never a number from memory). */
  anchor: { name: string; figures: Record<string, number> };
  notes: string;
}

export interface BenchResult extends BenchOutcome {
  name: string;
  date: string;
  machine: { cpus: number; memGiB: number; node: string };
}

export interface Benchmark {
  /** One line for the README table. */
  title: string;
  run(): Promise<BenchOutcome>;
}

export function machine(): BenchResult['machine'] {
  return {
    cpus: os.cpus().length,
    memGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A plain-text table for the terminal. */
export function formatTable(result: BenchResult): string {
  const rows = Object.entries(result.figures).map(([key, value]) => [
    key,
    String(value),
    result.anchor.figures[key] !== undefined ? String(result.anchor.figures[key]) : '',
    result.units[key] ?? '',
  ]);
  const header = ['figure', 'baruga', `anchor: ${result.anchor.name}`, 'unit'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
