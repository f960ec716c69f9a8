import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { createRepositories } from '../db/repositories';
import { controllerPassword, reloadMosquitto, writeMosquittoFiles } from './mosquitto-sync';

/**
 * `npm run mosquitto:acl -- --out DIR [--reload PIDFILE]`: writes the broker rules for an external Mosquitto
 * (password file, ACL, conf snippet; messaging/mosquitto-acl.ts) from the controller's database (BARUGA_DATA) and
 * the controller's account in BARUGA_MQTT_URL, and asks Mosquitto to reload them. The controller does the same by
 * itself every few seconds when BARUGA_MOSQUITTO_DIR is set; this is for a first set-up and for scripts.
 */
const { values } = parseArgs({
  options: { out: { type: 'string' }, reload: { type: 'string' } },
});
const config = loadConfig();
if (!values.out || !config.mqttUrl) {
  process.stderr.write(
    'usage: BARUGA_MQTT_URL=mqtt://baruga-controller:PASSWORD@host:1883 npm run mosquitto:acl -- --out DIR [--reload PIDFILE]\n',
  );
  process.exit(2);
}
const db = openDatabase(path.join(config.dataDir, 'baruga.sqlite'));
try {
  const changed = writeMosquittoFiles(path.resolve(values.out), createRepositories(db), {
    allowAnonymous: config.delivery.anonymousPlayers,
    controllerPassword: controllerPassword(config.mqttUrl),
  });
  if (changed && values.reload) reloadMosquitto(values.reload);
  process.stdout.write(
    `${changed ? 'wrote' : 'unchanged:'} ${values.out}/baruga.{passwd,acl,conf}${changed && values.reload ? '; Mosquitto reloaded' : ''}\n`,
  );
} finally {
  db.close();
}
