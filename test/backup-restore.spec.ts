import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess, tempDataDir } from './support/controller-process';
import { addItem, publish, uploadColour, waitForColour } from './support/delivery';
import { freePort } from './support/mosquitto';
import { type TestPlayer, startPlayer } from './support/player-host';
import type {} from './support/player-window';

const SCREEN = { id: 'lobi-cadangan', name: 'Lobi cadangan', width: 640, height: 360 };
const GREEN = { r: 20, g: 170, b: 60 };
const repoRoot = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

/** `npm run <script> -- …args` with BARUGA_DATA, exactly as an operator runs it. */
const npm = (script: string, dataDir: string, args: string[]) =>
  run('npm', ['run', '--silent', script, '--', ...args], {
    cwd: repoRoot,
    env: { ...process.env, BARUGA_DATA: dataDir },
    timeout: 60_000,
  });

test.describe('backup and restore', () => {
  let controller: ControllerProcess | undefined;
  let player: TestPlayer | undefined;
  test.afterEach(async () => {
    await player?.stop();
    await controller?.stop();
  });

  test('a backup made while a player plays, restored on a fresh data folder, serves the same manifests', async () => {
    test.setTimeout(120_000);
    // 1. A controller on fixed ports, a screen with a picture and an announcement, a player playing them.
    const dataDir = tempDataDir();
    const env = {
      BARUGA_PORT: String(await freePort()),
      BARUGA_MQTT_PORT: String(await freePort()),
      BARUGA_SEED_DEMO: '0',
    };
    controller = await startControllerProcess({ dataDir, env });
    const api = await signIn(controller.url);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    const green = await uploadColour(controller.url, api, 'hijau', GREEN);
    await addItem(api, SCREEN.id, { type: 'image', durationMs: 2000, props: { asset: green } });
    await addItem(api, SCREEN.id, { type: 'text', durationMs: 2000, props: { body: 'Cadangan malam ini' } });
    await publish(api, SCREEN.id);
    player = await startPlayer(controller.url, { screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
    const page = await player.page(SCREEN.id);
    await waitForColour(page, GREEN);

    // 2. `npm run backup` while it plays and while the operator publishes again: the player goes on showing
    //    items the whole time (its count of painted items grows), and the backup is written.
    const shownBefore = await page.evaluate(() => window.baruga?.shown.length ?? 0);
    const manifestBefore = (await api.call('GET', `/api/screens/${SCREEN.id}/manifest`)).body;
    const backupDir = path.join(tempDataDir('baruga-backups-'), 'malam-ini');
    const [backup] = await Promise.all([npm('backup', dataDir, ['--out', backupDir]), publish(api, SCREEN.id)]);
    expect(backup.stdout).toContain(`backup written: ${backupDir}`);
    await expect
      .poll(() => page.evaluate(() => window.baruga?.shown.length ?? 0), { timeout: 10_000 })
      .toBeGreaterThan(shownBefore);
    const manifestAfter = (await api.call('GET', `/api/screens/${SCREEN.id}/manifest`)).body;

    // 3. The machine is lost. `npm run restore` on a fresh data folder, the controller started on it.
    expect(await controller.stop()).toBe(0);
    controller = undefined;
    const freshDir = tempDataDir();
    const restored = await npm('restore', freshDir, [backupDir]);
    expect(restored.stdout).toContain(`restored into ${freshDir}`);
    controller = await startControllerProcess({ dataDir: freshDir, env });
    const again = await signIn(controller.url);

    // 4. It serves the same manifest (the one published before the backup's instant, or the one published during
    //    it, whichever the snapshot caught), signed with the same key: the player, never restarted, takes the
    //    next publish from the restored controller without a refusal.
    const served = (await again.call('GET', `/api/screens/${SCREEN.id}/manifest`)).body;
    expect([manifestBefore, manifestAfter]).toContainEqual(served);
    await again.announce(SCREEN.id, 'Dipulihkan dari cadangan');
    await expect(page.getByText('Dipulihkan dari cadangan').first()).toBeVisible({ timeout: 20_000 });
    expect(await page.evaluate(() => window.baruga?.rejected ?? [])).toEqual([]);
  });
});
