import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { manifestSigningInput, topics } from '@baruga/protocol';
import { expect, test } from '@playwright/test';
import mqtt, { type MqttClient } from 'mqtt';
import type { Page } from 'playwright-core';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { startMosquitto } from './support/mosquitto';
import { type TestPlayer, startEnrolledPlayer } from './support/player-host';
import type {} from './support/player-window';

const SCREEN = { id: 'videotron-uji', name: 'Videotron uji', width: 640, height: 360, public: true };
const EDITOR = { username: 'rina', password: 'sandi-rina-panjang', role: 'editor' };
const APPROVER = { username: 'andi', password: 'sandi-andi-panjang', role: 'approver' };

type Envelope = { manifest: Record<string, unknown> & { version: number }; keyId: string; signature: string };

/** Records every Content-Security-Policy violation the page meets, from its first script on. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test.describe('two people for a public screen', () => {
  let controller: ControllerProcess | undefined;
  let broker: Awaited<ReturnType<typeof startMosquitto>> | undefined;
  let attacker: MqttClient | undefined;
  let host: TestPlayer | undefined;
  test.afterEach(async () => {
    await attacker?.endAsync();
    await host?.stop();
    await controller?.stop();
    await broker?.stop();
  });

  test('an editor’s announcement reaches a videotron only once an approver who did not write it approves it', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    // 1. A videotron marked public, an editor and an approver; an external broker anyone on the network can
    //    publish to (the threat of step 6).
    broker = await startMosquitto();
    controller = await startControllerProcess({
      env: { BARUGA_SEED_DEMO: '0', BARUGA_MQTT_URL: `mqtt://127.0.0.1:${broker.tcpPort}` },
    });
    const admin = await signIn(controller.url);
    for (const user of [EDITOR, APPROVER]) expect((await admin.call('POST', '/api/users', user)).status).toBe(201);
    expect((await admin.call('POST', '/api/screens', SCREEN)).status).toBe(201);

    // 2. The editor writes an announcement and publishes: it waits for approval, and the videotron shows nothing.
    const rina = await signIn(controller.url, EDITOR.username, EDITOR.password);
    const item = { type: 'text', durationMs: 30_000, props: { body: 'Pengumuman resmi Pemprov' } };
    expect((await rina.call('POST', `/api/screens/${SCREEN.id}/items`, item)).status).toBe(201);
    const waiting = await rina.call('POST', `/api/screens/${SCREEN.id}/publish`);
    expect(waiting.status).toBe(409);
    expect(waiting.body).toMatchObject({ error: { code: 'BARUGA_ERR_APPROVAL_REQUIRED' } });

    // A public screen plays on an enrolled player only (docs/security.md): the Chromium host, paired.
    host = await startEnrolledPlayer(controller.url, admin, [SCREEN.id]);
    const player = await host.page(SCREEN.id);
    const playerPolicy = await watchPolicy(player);
    await player.reload();
    await player.waitForTimeout(1500);
    await expect(player.getByText('Pengumuman resmi Pemprov')).toHaveCount(0);

    // 3. The approver signs in to the console (cookie and CSRF token), reviews what would play and affirms the policy.
    const consolePolicy = await watchPolicy(page);
    await page.goto(`${controller.url}/`);
    await page.getByLabel('Nama pengguna').fill(APPROVER.username);
    await page.getByLabel('Kata sandi').fill(APPROVER.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('link', { name: 'Persetujuan' }).click();
    const request = page.locator('[data-state="pending"]');
    await expect(request).toContainText(SCREEN.id);
    await expect(request).toContainText('rina');
    await request.getByRole('button', { name: 'Tinjau' }).click();
    await expect(request.getByText('Pengumuman resmi Pemprov')).toBeVisible();
    const approve = request.getByRole('button', { name: 'Setujui dan tayangkan' });
    await expect(approve).toBeDisabled();
    for (const check of await request.getByRole('checkbox').all()) await check.check();
    await approve.click();
    await expect(page.getByText('Disetujui; tayang sebagai versi 1.')).toBeVisible();

    // 4. The videotron plays it. The console and the player ran under their Content-Security-Policy without a
    //    single violation.
    await expect(player.getByText('Pengumuman resmi Pemprov')).toBeVisible({ timeout: 10_000 });
    expect(await consolePolicy()).toEqual([]);
    expect(await playerPolicy()).toEqual([]);

    // 5. The audit trail names who asked and who approved, its chain intact.
    await page.getByRole('link', { name: 'Jejak audit' }).click();
    await expect(page.locator('[data-action="approval.approve"]')).toContainText('andi');
    await expect(page.locator('[data-action="approval.request"]')).toContainText('rina');
    await expect(page.locator('[data-intact="true"]')).toBeVisible();

    // 6. Someone with the controller's signing key (a stolen backup, a path that skips the publisher) sends the
    //    videotron manifests that were never approved: a new text under the old approval, and one with none.
    //    The player refuses each and the approved announcement plays on.
    attacker = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`, { protocolVersion: 4 });
    const genuine = new Promise<Envelope>((resolve) =>
      attacker?.on('message', (_t, payload) => resolve(JSON.parse(payload.toString()) as Envelope)),
    );
    await attacker.subscribeAsync(topics.manifest(SCREEN.id), { qos: 1 });
    const v1 = await genuine;
    expect(v1.manifest.approval).toMatchObject({ approvedBy: { name: 'andi' }, authors: [{ name: 'rina' }] });
    const key = crypto.createPrivateKey(fs.readFileSync(path.join(controller.dataDir, 'keys', 'manifest-ed25519.pem')));
    const send = (manifest: Record<string, unknown>, signature?: string) =>
      attacker?.publishAsync(
        topics.manifest(SCREEN.id),
        JSON.stringify({
          manifest,
          alg: 'Ed25519',
          keyId: v1.keyId,
          signature:
            signature ?? crypto.sign(null, Buffer.from(manifestSigningInput(manifest)), key).toString('base64url'),
        }),
        { qos: 1, retain: true },
      );
    const loop = (body: string) =>
      (v1.manifest.loop as { props: object }[]).map((i) => ({ ...i, props: { ...i.props, body } }));
    const rejected = () => player.evaluate(() => window.baruga?.rejected ?? []);
    const stillApproved = async () => {
      await expect(player.getByText('Pengumuman resmi Pemprov')).toBeVisible();
      expect(await player.evaluate(() => window.baruga?.manifestVersion)).toBe(1);
    };

    await send({ ...v1.manifest, version: 2, loop: loop('KONTEN TANPA PERSETUJUAN') });
    await expect.poll(rejected).toContainEqual(expect.stringContaining('BARUGA_ERR_MANIFEST_UNAPPROVED'));
    const { approval: _dropped, ...bare } = v1.manifest;
    await send({ ...bare, version: 3, loop: loop('TANPA PERSETUJUAN SAMA SEKALI') });
    await expect.poll(async () => (await rejected()).length).toBeGreaterThanOrEqual(2);
    // And one tampered on the way, not signed again: the signature catches it before the approval is looked at.
    await send({ ...v1.manifest, version: 4, loop: loop('DIRETAS') }, v1.signature);
    await expect.poll(rejected).toContainEqual(expect.stringContaining('BARUGA_ERR_MANIFEST_SIGNATURE'));
    for (const text of ['KONTEN TANPA PERSETUJUAN', 'TANPA PERSETUJUAN SAMA SEKALI', 'DIRETAS']) {
      await expect(player.getByText(text)).toHaveCount(0);
    }
    await stillApproved();
    expect((await rejected()).filter((r) => r.includes('BARUGA_ERR_MANIFEST_UNAPPROVED'))).toHaveLength(2);
  });
});

test.describe('users and access in the console', () => {
  let controller: ControllerProcess | undefined;
  test.afterEach(async () => {
    await controller?.stop();
  });

  test('an admin adds an approver and a script token; a viewer is offered neither users nor the audit trail', async ({
    page,
  }) => {
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    // 1. The admin signs in and adds Sinta as an approver.
    await page.goto(`${controller.url}/`);
    await page.getByLabel('Kata sandi').fill('rahasia-uji-123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('link', { name: 'Pengguna' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Tambah pengguna' }) });
    await form.locator('input[name="new-username"]').fill('sinta');
    await form.locator('input[name="new-password"]').fill('sandi-sinta-panjang');
    await form.locator('select[name="new-role"]').selectOption('approver');
    await form.getByRole('button', { name: 'Tambah pengguna' }).click();
    await expect(page.locator('tr[data-username="sinta"] select')).toHaveValue('approver');

    // 2. A read-only token for a dashboard script: shown once, and it reads.
    await page.getByLabel('Nama token').fill('Dasbor lobi');
    await page.getByRole('button', { name: 'Buat token' }).click();
    const token = (await page.locator('code.bc-token').textContent()) ?? '';
    expect(token).toMatch(/^baruga_pat_/);
    const read = await fetch(`${controller.url}/api/screens`, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    const write = await fetch(`${controller.url}/api/content/gc`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(write.status).toBe(403);
    await page.reload();
    await expect(page.locator('code.bc-token')).toHaveCount(0);
    await expect(page.getByText('Dasbor lobi')).toBeVisible();

    // 3. The user list and the audit trail are not a viewer's: the page does not offer them, the API refuses them.
    const admin = await signIn(controller.url);
    await admin.call('POST', '/api/users', { username: 'vina', password: 'sandi-vina-panjang', role: 'viewer' });
    await page.getByRole('button', { name: /Keluar/ }).click();
    await page.getByLabel('Nama pengguna').fill('vina');
    await page.getByLabel('Kata sandi').fill('sandi-vina-panjang');
    await page.getByRole('button', { name: 'Masuk' }).click();
    const menu = page.getByRole('navigation', { name: 'Menu utama' });
    await expect(menu.getByRole('link', { name: 'Persetujuan' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Pengguna' })).toHaveCount(0);
    await expect(menu.getByRole('link', { name: 'Jejak audit' })).toHaveCount(0);
    // Typed in by hand, their addresses name no page for her.
    for (const hash of ['#/users', '#/audit']) {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await expect(page.getByRole('heading', { name: 'Halaman ini tidak ada.' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Semua pengguna' })).toHaveCount(0);
    }
    const vina = await signIn(controller.url, 'vina', 'sandi-vina-panjang');
    expect((await vina.call('GET', '/api/audit')).status).toBe(403);
    expect((await vina.call('GET', '/api/users')).status).toBe(403);
  });
});
