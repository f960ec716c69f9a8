import fs from 'node:fs';
import path from 'node:path';
import type { Repositories } from '../db/repositories';
import { CONTROLLER_USERNAME, mosquittoFiles, mosquittoHash, mosquittoHashMatches } from './mosquitto-acl';

export const MOSQUITTO_FILES = { passwordFile: 'baruga.passwd', aclFile: 'baruga.acl', conf: 'baruga.conf' } as const;

/** The controller's password on the external broker, from `BARUGA_MQTT_URL` (`mqtt://baruga-controller:…@host`). */
export function controllerPassword(mqttUrl: string): string {
  const url = new URL(mqttUrl);
  if (decodeURIComponent(url.username) !== CONTROLLER_USERNAME || !url.password) {
    throw new Error(`BARUGA_MQTT_URL must carry the controller's account: mqtt://${CONTROLLER_USERNAME}:PASSWORD@host`);
  }
  return decodeURIComponent(url.password);
}

/** Writes a file whole or not at all (a broker reloading mid-write must never read half an ACL). */
function writeAtomic(file: string, text: string, mode: number): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode });
  fs.renameSync(tmp, file);
}

/**
 * Writes the password file, the ACL and the conf snippet for the database as it is now into `dir`, and says
 * whether any of them changed (a reload is needed). The controller's line keeps its salt while the password is
 * the same, so an unchanged database writes nothing.
 */
export function writeMosquittoFiles(
  dir: string,
  repos: Pick<Repositories, 'players' | 'screens' | 'feedReaders'>,
  options: { allowAnonymous: boolean; controllerPassword: string },
): boolean {
  fs.mkdirSync(dir, { recursive: true });
  const passwordPath = path.join(dir, MOSQUITTO_FILES.passwordFile);
  const previous = fs.existsSync(passwordPath) ? fs.readFileSync(passwordPath, 'utf8') : '';
  const oldLine = previous.split('\n').find((l) => l.startsWith(`${CONTROLLER_USERNAME}:`));
  const oldHash = oldLine?.slice(CONTROLLER_USERNAME.length + 1) ?? '';
  const files = mosquittoFiles({
    allowAnonymous: options.allowAnonymous,
    controllerHash: mosquittoHashMatches(options.controllerPassword, oldHash)
      ? oldHash
      : mosquittoHash(options.controllerPassword),
    screens: repos.screens.list(),
    claimed: repos.players.claimedScreens(),
    players: repos.players.brokerAccounts(),
    feedsOn: repos.feedReaders.feedsOn,
  });
  const wanted: [string, string, number][] = [
    // Group-readable: Mosquitto reads it as its own user, in a group the controller's user shares (docs/security.md).
    [passwordPath, files.passwordFile, 0o640],
    [path.join(dir, MOSQUITTO_FILES.aclFile), files.aclFile, 0o644],
    [
      path.join(dir, MOSQUITTO_FILES.conf),
      files.conf({ passwordFile: passwordPath, aclFile: path.join(dir, MOSQUITTO_FILES.aclFile) }),
      0o644,
    ],
  ];
  let changed = false;
  for (const [file, text, mode] of wanted) {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
    writeAtomic(file, text, mode);
    changed = true;
  }
  return changed;
}

/** Asks Mosquitto to reread its password file and ACL (SIGHUP to the pid in its pid file). */
export function reloadMosquitto(pidFile: string): void {
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`no process id in ${pidFile}`);
  process.kill(pid, 'SIGHUP');
}

/**
 * Keeps an external Mosquitto's files in step with the database (BARUGA_MOSQUITTO_DIR): written at once, again
 * whenever `sync()` is called (after a write that may change accounts or rules: pairing, revoking, moving or
 * adding a screen), and checked every `intervalMs` for anything else. Mosquitto is reloaded when they changed.
 */
export function startMosquittoSync(options: {
  dir: string;
  pidFile: string | null;
  repos: Pick<Repositories, 'players' | 'screens' | 'feedReaders'>;
  allowAnonymous: boolean;
  controllerPassword: string;
  intervalMs?: number;
  onError: (error: unknown) => void;
}): { sync(): void; stop(): void } {
  const sync = () => {
    try {
      const changed = writeMosquittoFiles(options.dir, options.repos, options);
      if (changed && options.pidFile) reloadMosquitto(options.pidFile);
    } catch (error) {
      options.onError(error);
    }
  };
  sync();
  const timer = setInterval(sync, options.intervalMs ?? 5000);
  timer.unref();
  return { sync, stop: () => clearInterval(timer) };
}
