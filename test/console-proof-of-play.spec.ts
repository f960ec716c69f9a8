import { type Page, expect, test } from '@playwright/test';
import { signIn } from './support/api';
import { openPage, signInConsole } from './support/console';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { addItem, publish } from './support/delivery';

const ITEM_MS = 2000;

interface Record {
  itemId: string;
  zoneId: string;
  startedAt: string;
  playerId: string;
}

async function records(api: Awaited<ReturnType<typeof signIn>>, screen: string): Promise<Record[]> {
  return ((await api.call('GET', `/api/proof-of-play?screen=${screen}&limit=1000`)).body as { records: Record[] })
    .records;
}

async function openPlayer(page: Page, url: string, screen: string) {
  const player = await page.context().newPage();
  await player.setViewportSize({ width: 640, height: 360 });
  await player.goto(`${url}/player/?screen=${screen}`);
  await expect(player.locator('[data-live="true"]').first()).toBeVisible({ timeout: 20_000 });
  return player;
}

test.describe('what counts as a play', () => {
  let controller: ControllerProcess | undefined;
  test.afterEach(async () => {
    await controller?.stop();
  });

  test('two browser tabs on one unclaimed screen count each play once, and the console’s preview counts none', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // 1. A screen nobody enrolled, looping three two-second texts; and a second screen no player shows.
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const api = await signIn(controller.url);
    for (const id of ['aula', 'ruang-rapat']) {
      expect(
        (await api.call('POST', '/api/screens', { id, name: `Layar ${id}`, width: 640, height: 360 })).status,
      ).toBe(201);
    }
    for (const body of ['Satu', 'Dua', 'Tiga'])
      await addItem(api, 'aula', { type: 'text', durationMs: ITEM_MS, props: { body } });
    await publish(api, 'aula');

    // 2. Two tabs of one browser play it (one player id, as they share storage) for a while.
    const first = await openPlayer(page, controller.url, 'aula');
    const second = await openPlayer(page, controller.url, 'aula');
    // From the first full pass both tabs play (each tab's first, partial pass is the unit tests' case).
    const bothPlaying = Date.now() + ITEM_MS;

    // 3. Meanwhile the operator previews a playlist on the other screen in the console, for as long.
    await signInConsole(page, controller.url);
    await openPage(page, '#/playlists/new');
    await page.getByLabel('Jenis konten').selectOption({ label: 'Pengumuman' });
    await page.getByRole('button', { name: 'Tambah konten' }).click();
    const editor = page.getByRole('dialog', { name: 'Konten: Pengumuman' });
    await editor.getByRole('textbox', { name: 'Isi', exact: true }).fill('Hanya pratinjau');
    await editor.getByRole('button', { name: 'Pakai' }).click();
    await page.getByLabel('Ukuran pratinjau').selectOption({ label: 'Layar ruang-rapat' });
    await expect(page.frameLocator('iframe[title="Pratinjau di pemutar"]').getByText('Hanya pratinjau')).toBeVisible();

    // 4. Plays arrive (batches every few seconds): enough to see how they are counted.
    await expect
      .poll(async () => (await records(api, 'aula')).filter((r) => Date.parse(r.startedAt) > bothPlaying).length, {
        timeout: 40_000,
        intervals: [1000],
      })
      .toBeGreaterThanOrEqual(6);
    await first.close();
    await second.close();
    await page.waitForTimeout(6000);

    // 5. One play per pass of each item: no item has two records starting closer than an item lasts, as it would
    //    if each tab's records counted (the tabs play in step, so both record a pass at the same instant).
    const plays = (await records(api, 'aula')).filter((r) => Date.parse(r.startedAt) > bothPlaying);
    const byItem = new Map<string, number[]>();
    for (const r of plays) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), Date.parse(r.startedAt)]);
    const closest = Math.min(
      ...[...byItem.values()].flatMap((starts) => {
        const sorted = starts.sort((a, b) => a - b);
        return sorted.slice(1).map((at, i) => at - (sorted[i] ?? 0));
      }),
    );
    expect(byItem.size).toBe(3);
    expect(closest, JSON.stringify(plays.map((p) => [p.startedAt, p.itemId.slice(0, 6)]))).toBeGreaterThan(ITEM_MS);

    // 6. The preview played on the other screen's canvas all along, and recorded nothing, nor reported in.
    expect(await records(api, 'ruang-rapat')).toEqual([]);
    const overview = (await api.call('GET', '/api/overview')).body as {
      screens: { screenId: string; health: string }[];
    };
    expect(overview.screens.find((s) => s.screenId === 'ruang-rapat')?.health).toBe('unknown');
  });
});
