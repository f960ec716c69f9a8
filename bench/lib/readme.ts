import fs from 'node:fs';
import path from 'node:path';
import { type BenchRecord, type BenchResult, figureKeys, isFailure } from './result';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** A table cell: no pipes or line breaks from notes may break the row. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function ratio(value: number | undefined, to: number | undefined): string {
  if (value === undefined || to === undefined || to === 0 || !Number.isFinite(to) || !Number.isFinite(value))
    return '—';
  const r = value / to;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}×`;
}

function rows(r: BenchResult): string[] {
  return figureKeys(r).map((key) => {
    const value = r.figures[key];
    const anchor = r.anchor.figures[key];
    const limit = r.limits?.[key];
    return [
      '',
      `\`${r.name}\``,
      `\`${key}\``,
      value === undefined ? '—' : String(value),
      value === undefined ? '' : String(r.samples?.[key] ?? '?'),
      anchor === undefined ? '—' : r.anchor.names?.[key] ? `${anchor} (${cell(r.anchor.names[key])})` : String(anchor),
      anchor !== undefined ? String(r.anchor.samples?.[key] ?? '?') : '',
      ratio(value, anchor),
      limit ? cell(`${limit.value} (${limit.what})`) : '—',
      limit ? ratio(value, limit.value) : '—',
      r.units[key] ?? '',
      cell(r.caveats?.[key] ?? ''),
      '',
    ]
      .join(' | ')
      .trim();
  });
}

function about(record: BenchRecord): string {
  const m = record.machine;
  const where = `${record.date.slice(0, 10)}, ${m.cpus} CPU, ${m.memGiB} GiB, Node ${m.node}${m.load1 !== undefined ? `, load ${m.load1}` : ''}`;
  if (isFailure(record)) {
    const last = record.failed.lastGoodDate ? ` (last good run ${record.failed.lastGoodDate.slice(0, 10)})` : '';
    return `- \`${record.name}\`: **failed** on ${where}: ${cell(record.failed.error)}. No figures shown${last}.`;
  }
  const excluded = Object.entries(record.excluded ?? {});
  return (
    `- \`${record.name}\` (${where}): anchor ${cell(record.anchor.name)}.` +
    (excluded.length > 0 ? ` Excluded: ${excluded.map(([why, n]) => `${n} ${cell(why)}`).join('; ')}.` : '')
  );
}

/** The generated block: one row per figure, then one line per benchmark (when, where, anchor, exclusions). */
export function benchmarkTable(records: readonly BenchRecord[]): string {
  const lines = [
    START,
    '| Benchmark | Figure | Baruga | n | Anchor (same run) | n | ÷ anchor | Limit | ÷ limit | Unit | Caveat |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of records) if (!isFailure(r)) lines.push(...rows(r));
  lines.push('', ...records.map(about), END);
  return lines.join('\n');
}

/** Rebuilds the README's benchmark table from bench/results/*.json, so the README never quotes from memory. */
export function updateReadme(repoRoot: string): void {
  const resultsDir = path.join(repoRoot, 'bench', 'results');
  const readmePath = path.join(repoRoot, 'README.md');
  if (!fs.existsSync(readmePath) || !fs.existsSync(resultsDir)) return;
  const records = fs
    .readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(resultsDir, f), 'utf8')) as BenchRecord);

  const readme = fs.readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return;
  fs.writeFileSync(readmePath, readme.slice(0, start) + benchmarkTable(records) + readme.slice(end + END.length));
}
