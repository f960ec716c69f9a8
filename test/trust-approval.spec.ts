import { expect, test } from '@playwright/test';
import type { Page } from 'playwright-core';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';

const SCREEN = { id: 'videotron-uji', name: 'Videotron uji', width: 640, height: 360, public: true };
const EDITOR = { username: 'rina', password: 'sandi-rina-panjang', role: 'editor' };
const APPROVER = { username: 'andi', password: 'sandi-andi-panjang', role: 'approver' };

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
  test.afterEach(async () => {
    await controller?.stop();
  });

  test('an editor’s announcement reaches a videotron only once an approver who did not write it approves it', async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    // 1. A videotron marked public, an editor and an approver.
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
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

    const player = await context.newPage();
    const playerPolicy = await watchPolicy(player);
    await player.setViewportSize({ width: 640, height: 360 });
    await player.goto(`${controller.url}/player/?screen=${SCREEN.id}`);
    await player.waitForTimeout(1500);
    await expect(player.getByText('Pengumuman resmi Pemprov')).toHaveCount(0);

    // 3. The approver signs in to the console (cookie and CSRF token), reviews what would play and affirms the policy.
    const consolePolicy = await watchPolicy(page);
    await page.goto(`${controller.url}/`);
    await page.getByLabel('Nama pengguna').fill(APPROVER.username);
    await page.getByLabel('Kata sandi').fill(APPROVER.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
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
    await page.reload();
    await expect(page.locator('[data-action="approval.approve"]')).toContainText('andi');
    await expect(page.locator('[data-action="approval.request"]')).toContainText('rina');
    await expect(page.locator('[data-intact="true"]')).toBeVisible();
  });
});
