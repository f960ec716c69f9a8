#!/usr/bin/env node
// CI helper: waits for `npm ci && npm start` (process PID, output in LOG) to print where to look and to serve
// /api/health, as a new user would check. Exits 1 with the output if it dies or takes longer than ten minutes.
import fs from 'node:fs';

const [pidArg, logPath] = process.argv.slice(2);
const pid = Number(pidArg);
const deadline = Date.now() + 10 * 60_000;
const output = () => fs.readFileSync(logPath, 'utf8');
const alive = () => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const fail = (why) => {
  console.error(`npm ci && npm start: ${why}\n----- output -----\n${output()}`);
  process.exit(1);
};

while (Date.now() < deadline) {
  if (!alive()) fail('exited before it was ready');
  const ready = /BARUGA_READY (\{.*\})/.exec(output());
  if (ready) {
    const { url } = JSON.parse(ready[1]);
    const health = await fetch(`${url}/api/health`).catch((error) => fail(`health check failed: ${error}`));
    if (health.status !== 200) fail(`GET /api/health answered ${health.status}`);
    for (const expected of ['Konsol operator / Operator console:', 'password', '/player/?screen=']) {
      if (!output().includes(expected)) fail(`its banner does not say "${expected}"`);
    }
    console.log(`npm start serves ${url}/api/health: ${JSON.stringify(await health.json())}`);
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, 1000));
}
fail('not ready within ten minutes');
