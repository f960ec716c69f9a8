import fs from 'node:fs';
import path from 'node:path';
import { updateReadme } from './lib/readme';
import { type BenchResult, type Benchmark, formatTable, machine } from './lib/result';

/**
 * `npm run bench [name…]`: runs bench/<name>/index.ts (all of them without names), prints a table
 * for each, writes bench/results/<name>.json and regenerates the README's benchmark table.
 */
const benchDir = import.meta.dirname;
const repoRoot = path.resolve(benchDir, '..');
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

let failed = false;
for (const name of asked.length > 0 ? asked : available) {
  const mod = (await import(path.join(benchDir, name, 'index.ts'))) as { benchmark: Benchmark };
  console.log(`\n▶ ${name}: ${mod.benchmark.title}`);
  try {
    const outcome = await mod.benchmark.run();
    const result: BenchResult = { name, date: new Date().toISOString(), machine: machine(), ...outcome };
    fs.mkdirSync(path.join(benchDir, 'results'), { recursive: true });
    fs.writeFileSync(path.join(benchDir, 'results', `${name}.json`), JSON.stringify(result, null, 2) + '\n');
    console.log(formatTable(result));
    if (result.notes) console.log(`\n${result.notes}`);
  } catch (error) {
    failed = true;
    console.error(`✖ ${name} failed:`, error);
  }
}
updateReadme(repoRoot);
process.exit(failed ? 1 : 0);
