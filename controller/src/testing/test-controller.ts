import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';
import { type RunningController, startController } from '../controller';

export const TEST_PASSWORD = 'rahasia-uji-123';

/** A real controller (SQLite file, embedded broker) on free loopback ports, for `app.inject()` tests. */
export async function startTestController(env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-unit-'));
  const controller: RunningController = await startController(
    loadConfig({
      BARUGA_DATA: dataDir,
      BARUGA_PORT: '0',
      BARUGA_MQTT_PORT: '0',
      BARUGA_HOST: '127.0.0.1',
      BARUGA_ADMIN_PASSWORD: TEST_PASSWORD,
      BARUGA_LOG_LEVEL: 'silent',
      BARUGA_SEED_DEMO: '0',
      ...env,
    }),
  );
  const signIn = await controller.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: 'admin', password: TEST_PASSWORD },
  });
  const { token } = signIn.json<{ token: string }>();
  return { controller, dataDir, auth: { authorization: `Bearer ${token}` } };
}
