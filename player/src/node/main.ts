import fs from 'node:fs';
import { type HostConfig, HostConfigError, parseHostArgs } from '../common/host-contract';
import { ChromiumHost, DEFAULT_CHROMIUM, defaultUserDataDir } from './chromium-host';

/**
 * `npx baruga-player --controller URL [--screen id@WxH+X+Y …] [--headless] [--windowed]
 * [--chromium PATH] [--data DIR]`: the Chromium host (environment: BARUGA_CONTROLLER, BARUGA_SCREENS,
 * BARUGA_CHROMIUM, BARUGA_PLAYER_DATA, BARUGA_HEADLESS=1, BARUGA_CHROMIUM_ARGS). Without `--screen` it shows a pairing code (on
 * screen and here) and opens the screens the operator assigns in the console.
 */
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const say = (line: string) => process.stdout.write(`baruga-player: ${line}\n`);

if (flag('--help')) {
  say('npx baruga-player --controller http://HOST:8080 [--screen id@WxH+X+Y] [--headless] [--windowed]');
  say('                  [--chromium /usr/bin/chromium] [--data ~/.local/share/baruga-player]');
  process.exit(0);
}

let config: HostConfig;
try {
  config = parseHostArgs(argv, process.env);
} catch (error) {
  if (error instanceof HostConfigError) {
    process.stderr.write(`baruga-player: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

const executablePath = option('--chromium') ?? process.env.BARUGA_CHROMIUM ?? DEFAULT_CHROMIUM;
if (!fs.existsSync(executablePath)) {
  process.stderr.write(
    `baruga-player: no Chromium at ${executablePath}; install it (apt install chromium) or pass --chromium PATH\n`,
  );
  process.exit(2);
}
const dataDir = option('--data');
const host = new ChromiumHost({
  executablePath,
  userDataDir: dataDir ? `${dataDir}/chromium` : defaultUserDataDir(),
  headless: flag('--headless') || process.env.BARUGA_HEADLESS === '1',
  kiosk: !flag('--windowed'),
  // More Chromium switches, space-separated (e.g. --no-sandbox where the player must run as root).
  extraArgs: (process.env.BARUGA_CHROMIUM_ARGS ?? '').split(/\s+/).filter(Boolean),
  log: say,
});

await host.start(config);
say(
  `playing from ${config.controllerUrl} (${config.screens.length > 0 ? config.screens.map((s) => s.screenId).join(', ') : 'enrolling'})`,
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void host.dispose().finally(() => process.exit(0));
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);

// `npx baruga-player` runs us under `npm exec` and `sh -c`. A supervisor (or a test) that stops it with SIGTERM
// to npx alone ends npm and the shell, but neither passes the signal on, and we would keep the screen orphaned.
// Under npm, losing the parent therefore means the same as SIGTERM. Started directly (systemd, a shell), the
// parent is left alone: `nohup` users expect us to outlive it.
if (process.env.npm_command) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      say('the command that started this player has exited; stopping');
      stop();
    }
  }, 500).unref();
}
