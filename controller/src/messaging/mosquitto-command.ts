import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { createPlayersRepository } from '../players/players-repository';
import { mosquittoAcl, mosquittoConf, mosquittoPasswords } from './mosquitto-config';

/**
 * `npm run mosquitto:config -- <folder>`: writes Mosquitto's password file, ACL file and a configuration snippet
 * for the controller's enrolled players (docs/deployment.md) into the folder (default ./data/mosquitto). The
 * controller's own account comes from BARUGA_MQTT_URL (mqtt://user:password@host:port). Run it again after
 * pairing, reassigning or revoking players, then `systemctl reload mosquitto` (SIGHUP rereads both files).
 */
const config = loadConfig();
const out = path.resolve(process.argv[2] ?? path.join(config.dataDir, 'mosquitto'));
const url = config.mqttUrl ? new URL(config.mqttUrl) : null;
if (!url?.username || !url.password) {
  process.stderr.write(
    "BARUGA_MQTT_URL must name the controller's broker account: mqtt://baruga-controller:PASSWORD@host:1883\n",
  );
  process.exit(2);
}
const controller = { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
const db = openDatabase(path.join(config.dataDir, 'baruga.sqlite'));
try {
  const players = createPlayersRepository(db).brokerPlayers();
  fs.mkdirSync(out, { recursive: true });
  const passwordFile = path.join(out, 'passwd');
  const aclFile = path.join(out, 'acl');
  // Written beside, then renamed: Mosquitto rereading on SIGHUP never sees half a file.
  const write = (file: string, text: string, mode: number) => {
    fs.writeFileSync(`${file}.tmp`, text, { mode });
    fs.renameSync(`${file}.tmp`, file);
  };
  write(passwordFile, mosquittoPasswords(players, controller), 0o600);
  write(aclFile, mosquittoAcl(players, controller), 0o644);
  write(path.join(out, 'baruga.conf'), mosquittoConf({ passwordFile, aclFile }, Number(url.port || 1883)), 0o644);
  process.stdout.write(
    `mosquitto: ${players.length} players and the controller's account (${controller.username}) in ${out}\n`,
  );
} finally {
  db.close();
}
