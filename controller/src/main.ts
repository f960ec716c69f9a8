import { loadConfig } from './config';
import { startController } from './controller';
import { startupBanner } from './startup-banner';

/** `npm start`: runs the controller and prints where to look. */
const SCREENS_PRINTED = 20;
const config = loadConfig();
const controller = await startController(config);
const { repos } = controller;

process.stdout.write(
  startupBanner({
    url: controller.url,
    mqtt:
      controller.mqttPort !== null
        ? { embeddedPort: controller.mqttPort, tlsPort: controller.mqttsPort }
        : { externalUrl: config.mqttUrl ?? '' },
    dataDir: config.dataDir,
    initialAdminPassword: controller.initialAdminPassword,
    screens: repos.screens.list().slice(0, SCREENS_PRINTED),
    screenCount: repos.screens.count(),
    readyJson: JSON.stringify({ url: controller.url, mqttPort: controller.mqttPort, mqttsPort: controller.mqttsPort }),
  }),
);

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
