import { loadConfig } from './config';
import { startController } from './controller';

/** `npm start`: runs the controller and prints where to look. */
const SCREENS_PRINTED = 20;
const config = loadConfig();
const controller = await startController(config);
const { repos } = controller;

const lines = [
  '',
  '  Baruga berjalan · Baruga is running',
  '',
  `  Konsol operator / Operator console:  ${controller.url}/`,
  `  Kesehatan / Health:                  ${controller.url}/api/health`,
  controller.mqttPort !== null
    ? `  MQTT (tertanam/embedded):            mqtt://127.0.0.1:${controller.mqttPort}  ·  ws: ${controller.url.replace('http', 'ws')}/mqtt`
    : `  MQTT (eksternal/external):           ${config.mqttUrl}`,
  `  Data:                                ${config.dataDir}`,
  '',
  controller.initialAdminPassword
    ? `  Admin (dicetak sekali / printed once): username "admin", password "${controller.initialAdminPassword}"`
    : '  Admin: akun sudah ada · account already exists (user "admin")',
  '',
  '  Pemutar / Players:',
  // The first screens only: a province's fleet would print thousands of lines.
  ...repos.screens
    .list()
    .slice(0, SCREENS_PRINTED)
    .map((s) => `    ${s.name.padEnd(32)} ${controller.url}/player/?screen=${s.id}`),
  ...(repos.screens.count() > SCREENS_PRINTED
    ? [`    … +${repos.screens.count() - SCREENS_PRINTED} (${controller.url}/)`]
    : []),
  '',
  '  BARUGA_READY ' + JSON.stringify({ url: controller.url, mqttPort: controller.mqttPort }),
  '',
];
process.stdout.write(lines.join('\n') + '\n');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    controller.app.log.info({ signal }, 'shutting down: draining requests, closing the database');
    controller.close().then(
      () => process.exit(0),
      (error: unknown) => {
        controller.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
