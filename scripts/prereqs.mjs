#!/usr/bin/env node
// Test prerequisites: Debian's Chromium, Mosquitto and ffmpeg; with --bench also the benchmarks' anchors
// (ImageMagick and libvips' CLI for the ingest benchmark). On Debian as root, missing ones are installed with
// apt-get; elsewhere this stops with the exact command to run. A missing prerequisite never turns into a silently
// skipped test.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const needs = [
  { what: 'Chromium', path: process.env.BARUGA_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium' },
  { what: 'Mosquitto', path: process.env.BARUGA_MOSQUITTO ?? '/usr/sbin/mosquitto', pkg: 'mosquitto' },
  { what: 'mosquitto_pub', path: '/usr/bin/mosquitto_pub', pkg: 'mosquitto-clients' },
  { what: 'ffmpeg', path: '/usr/bin/ffmpeg', pkg: 'ffmpeg' },
  { what: 'ffprobe', path: '/usr/bin/ffprobe', pkg: 'ffmpeg' },
  { what: 'fonts', path: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', pkg: 'fonts-dejavu-core' },
];
if (process.argv.includes('--bench')) {
  needs.push(
    { what: 'ImageMagick convert', path: '/usr/bin/convert', pkg: 'imagemagick' },
    { what: 'libvips CLI', path: '/usr/bin/vipsthumbnail', pkg: 'libvips-tools' },
  );
}

const missing = needs.filter((n) => !fs.existsSync(n.path));
if (missing.length === 0) process.exit(0);

const packages = [...new Set(missing.map((m) => m.pkg))];
const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
const isDebian = fs.existsSync('/etc/debian_version');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

console.log(`Missing test prerequisites: ${missing.map((m) => `${m.what} (${m.path})`).join(', ')}`);
if (!isDebian || !isRoot) {
  console.error(
    `\nInstall them, then run the tests again:\n\n  ${isRoot ? '' : 'sudo '}${command.replace('&& apt-get', `&& ${isRoot ? '' : 'sudo '}apt-get`)}\n`,
  );
  process.exit(1);
}
console.log(`Installing with apt-get: ${packages.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
  stdio: 'inherit',
  env,
});
const still = needs.filter((n) => !fs.existsSync(n.path));
if (install.status !== 0 || still.length > 0) {
  console.error(`apt-get could not provide: ${still.map((m) => m.what).join(', ')}. Run: ${command}`);
  process.exit(1);
}
