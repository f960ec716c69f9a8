import fs from 'node:fs';

/**
 * Processes still alive whose environment holds `name=value`. Everything a test run starts (a controller,
 * `npx baruga-player`, Chromium, Mosquitto, ffmpeg) inherits the runner's environment, so a marker set at the
 * start of the run finds them all, however they were started and whoever their parent is now. Linux only
 * (/proc); zombies have no environment and do not count.
 */
export function processesWithEnv(name: string, value: string): { pid: number; command: string }[] {
  const needle = Buffer.from(`\0${name}=${value}\0`);
  const found: { pid: number; command: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const environ = Buffer.concat([Buffer.from([0]), fs.readFileSync(`/proc/${pid}/environ`)]);
      if (!environ.includes(needle)) continue;
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      found.push({ pid, command });
    } catch {
      // Gone between the listing and the read, or not ours to read.
    }
  }
  return found;
}

/** Waits up to `graceMs` for them to exit on their own; returns those that did not. */
export async function lingering(name: string, value: string, graceMs: number) {
  const until = Date.now() + graceMs;
  let alive = processesWithEnv(name, value);
  while (alive.length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    alive = processesWithEnv(name, value);
  }
  return alive;
}
