import fs from 'node:fs';
import path from 'node:path';
import { updateReadme } from './lib/readme';
import { type BenchRecord, type BenchResult, type Benchmark, failureOf, formatTable, machine } from './lib/result';

/**
 * `npm run bench [name…]`: runs bench/<name>/index.ts (all of them without names), prints a table
 * for each, writes bench/results/<name>.json and regenerates the README's benchmark table. A benchmark
 * that throws replaces its result file with the failure, so its old figures are not republished.
 */
const benchDir = import.meta.dirname;
const repoRoot = path.resolve(benchDir, '..');
const resultsDir = path.join(benchDir, 'results');
const available = fs
  .readdirSync(benchDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(benchDir, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();

const asked = process.argv.slice(2);
const unknown = asked.filter((n) => !available.includes(n));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}

function write(name: string, record: BenchRecord): void {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `${name}.json`), JSON.stringify(record, null, 2) + '\n');
}

function previous(name: string): BenchRecord | null {
  const file = path.join(resultsDir, `${name}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as BenchRecord) : null;
}

let failed = false;
for (const name of asked.length > 0 ? asked : available) {
  console.log(`\n▶ ${name}`);
  try {
    const mod = (await import(path.join(benchDir, name, 'index.ts'))) as { benchmark: Benchmark };
    console.log(mod.benchmark.title);
    const outcome = await mod.benchmark.run();
    const result: BenchResult = { name, date: new Date().toISOString(), machine: machine(), ...outcome };
    write(name, result);
    console.log(formatTable(result));
    if (result.notes) console.log(`\n${result.notes}`);
  } catch (error) {
    failed = true;
    console.error(`✖ ${name} failed:`, error);
    write(name, failureOf(name, error, previous(name), { date: new Date().toISOString(), machine: machine() }));
  }
}
updateReadme(repoRoot);
process.exit(failed ? 1 : 0);
