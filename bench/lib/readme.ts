import fs from 'node:fs';
import path from 'node:path';
import type { BenchResult } from './result';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Rebuilds the README's benchmark table from bench/results/*.json, so the README never quotes from memory. */
export function updateReadme(repoRoot: string): void {
  const resultsDir = path.join(repoRoot, 'bench', 'results');
  const readmePath = path.join(repoRoot, 'README.md');
  if (!fs.existsSync(readmePath) || !fs.existsSync(resultsDir)) return;
  const results = fs
    .readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(resultsDir, f), 'utf8')) as BenchResult);

  const lines = [
    START,
    '| Benchmark | Figure | Baruga | Anchor (same run) | Unit | Measured |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    for (const [key, value] of Object.entries(r.figures)) {
      const anchor = r.anchor.figures[key];
      lines.push(
        `| \`${r.name}\` | \`${key}\` | ${value} | ${anchor !== undefined ? `${anchor} (${r.anchor.name})` : '—'} | ${r.units[key] ?? ''} | ${r.date.slice(0, 10)}, ${r.machine.cpus} CPU, Node ${r.machine.node} |`,
      );
    }
  }
  lines.push(END);

  const readme = fs.readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return;
  fs.writeFileSync(readmePath, readme.slice(0, start) + lines.join('\n') + readme.slice(end + END.length));
}
