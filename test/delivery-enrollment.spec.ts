import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { signIn } from './support/api';
import { CHROMIUM_ARGS } from './support/chromium';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { lingering } from './support/processes';

const SCREEN = { id: 'kiosk-opd', name: 'Kiosk OPD Kominfo', width: 640, height: 360 };
const repoRoot = path.resolve(import.meta.dirname, '..');

/** `npx baruga-player --controller URL --headless`, exactly as a person runs it; stdout kept. */
function startPlayerCommand(controllerUrl: string) {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-npx-'));
  const child: ChildProcess = spawn('npx', ['baruga-player', '--controller', controllerUrl, '--headless'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      BARUGA_PLAYER_DATA: data,
      BARUGA_CHROMIUM_ARGS: CHROMIUM_ARGS.filter((a) => a !== '--headless').join(' '),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return {
    output: () => out,
    /** The player's processes (its Node host and Chromium) still alive after `graceMs`; they share its data folder. */
    survivors: (graceMs: number) => lingering('BARUGA_PLAYER_DATA', data, graceMs),
    codes: () => [...out.matchAll(/pairing code: ([A-Z0-9]{6})/g)].map((m) => m[1] as string),
    stop: () =>
      new Promise<number | null>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
        child.kill('SIGTERM');
      }),
  };
}

/** The colour at the middle of the left edge of the console's last screenshot, read from the image itself. */
async function screenshotColour(console: Page) {
  const img = console.getByTestId('screenshot');
  await expect(img).toBeVisible();
  return img.evaluate(async (el: HTMLImageElement) => {
    await el.decode();
    const canvas = document.createElement('canvas');
    canvas.width = el.naturalWidth;
    canvas.height = el.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx?.drawImage(el, 0, 0);
    const [r, g, b] = ctx?.getImageData(10, Math.floor(el.naturalHeight / 2), 1, 1).data ?? [];
    return { r: r ?? 0, g: g ?? 0, b: b ?? 0, width: el.naturalWidth, src: el.src };
  });
}

/** Sends a command from the screen's page (confirming it when it asks) and waits for the acknowledgement. */
async function command(console: Page, label: string, name: string) {
  const before = await console.locator(`[data-command="${name}"]`).count();
  await console
    .getByRole('region', { name: 'Perintah jarak jauh' })
    .getByRole('button', { name: label, exact: true })
    .click();
  const confirm = console.getByRole('dialog');
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: label, exact: true }).click();
  await expect(console.locator(`[data-command="${name}"]`)).toHaveCount(before + 1, { timeout: 5000 });
  await expect(console.locator(`[data-command="${name}"]`).first()).toHaveAttribute('data-state', 'ok', {
    timeout: 15_000,
  });
}

test.describe('enrollment and remote commands', () => {
  let controller: ControllerProcess | undefined;
  let player: ReturnType<typeof startPlayerCommand> | undefined;
  test.afterEach(async () => {
    await player?.stop();
    await controller?.stop();
  });

  test('a new player shows a code, the operator pairs it, commands it from the console, and revokes it', async ({
    page: console,
  }) => {
    // Generous for a busy two-core machine; on an idle one the story takes about half a minute.
    test.setTimeout(120_000);
    // 1. A screen with an announcement, published (blue, the info tone).
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const api = await signIn(controller.url);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    await api.announce(SCREEN.id, 'Pelayanan publik buka pukul 08.00 WITA');

    // 2. `npx baruga-player --controller URL` on a new box: it prints the code its screen shows.
    player = startPlayerCommand(controller.url);
    await expect.poll(() => player?.codes().length ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    const code = player.codes()[0] as string;

    // 3. The operator types it in the console, names the player and gives it the kiosk screen.
    await console.goto(`${controller.url}/`);
    await console.getByLabel('Kata sandi').fill('rahasia-uji-123');
    await console.getByRole('button', { name: 'Masuk' }).click();
    await console.getByRole('link', { name: 'Pemutar' }).click();
    await console.getByLabel('Kode pasangan').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
    await console.getByLabel('Nama pemutar').fill('PC kiosk lantai 1');
    await console.getByRole('group', { name: 'Layar yang diputar' }).getByLabel(SCREEN.name).check();
    await console.getByRole('button', { name: 'Pasangkan' }).click();
    await expect(console.getByRole('status')).toContainText('Dipasangkan: PC kiosk lantai 1');

    // 4. The player opens the screen with its own credentials; the console shows it online.
    await console.getByRole('link', { name: 'Beranda' }).click();
    const tile = console.locator(`[data-screen-id="${SCREEN.id}"]`);
    await expect(tile.locator('[data-health]')).toHaveAttribute('data-health', 'online', { timeout: 30_000 });
    await expect(tile).toContainText('Daring');
    await tile.getByRole('link').click();
    await expect(console.getByTestId('running-version')).toContainText('berjalan 1');

    // 5. A screenshot on demand (a Chromium host can take one): it arrives in the console and shows the blue.
    await command(console, 'Tangkapan layar', 'screenshot');
    await expect.poll(async () => (await screenshotColour(console)).width, { timeout: 10_000 }).toBe(640);
    const calm = await screenshotColour(console);
    expect(calm.b).toBeGreaterThan(calm.r + 30);

    // 6. Blackout (asked first): the screen goes black in a new screenshot; showing it again brings the content back.
    await command(console, 'Hitamkan layar', 'blackout');
    await command(console, 'Tangkapan layar', 'screenshot');
    await expect.poll(async () => (await screenshotColour(console)).src, { timeout: 10_000 }).not.toBe(calm.src);
    const black = await screenshotColour(console);
    expect(black.r + black.g + black.b).toBeLessThan(15);
    await command(console, 'Tampilkan lagi', 'restore');
    await command(console, 'Tangkapan layar', 'screenshot');
    await expect.poll(async () => (await screenshotColour(console)).src, { timeout: 10_000 }).not.toBe(black.src);
    const restored = await screenshotColour(console);
    expect(restored.b).toBeGreaterThan(restored.r + 30);

    // 7. The blackout ended the announcement's record: it is in the proof-of-play report for today.
    await console.getByRole('link', { name: 'Laporan' }).click();
    await expect
      .poll(
        async () => {
          await console.getByRole('button', { name: 'Tampilkan' }).click();
          return console.getByTestId('pop-report').locator('tbody tr', { hasText: SCREEN.name }).count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);

    // 8. Revoked from the console (asked first): its connection is cut (the console shows it offline at once) and
    //    the box goes back to pairing, with a new code.
    await console.getByRole('link', { name: 'Pemutar' }).click();
    await console
      .locator('[data-player-id]', { hasText: 'PC kiosk lantai 1' })
      .getByRole('button', { name: 'Cabut' })
      .click();
    await console.getByRole('dialog').getByRole('button', { name: 'Cabut' }).click();
    await console.getByRole('link', { name: 'Beranda' }).click();
    await expect(tile.locator('[data-health]')).toHaveAttribute('data-health', 'offline', { timeout: 10_000 });
    await expect.poll(() => player?.codes().length ?? 0, { timeout: 30_000 }).toBeGreaterThan(1);
    expect(player.codes()[1]).not.toBe(code);

    // 9. Stopped as a supervisor stops it (SIGTERM to `npx` only): the player and its Chromium are gone too.
    await player.stop();
    expect(await player.survivors(10_000)).toEqual([]);
    await expect.poll(() => player?.output()).toContain('has exited; stopping');
  });
});
