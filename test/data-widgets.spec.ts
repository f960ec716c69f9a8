import { expect, test } from '@playwright/test';
import { CKAN_RECORDS, type SourceFixtures, startSourceFixtures } from '../controller/src/testing/source-fixtures';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { type TestPlayer, startEnrolledPlayer } from './support/player-host';
import type {} from './support/player-window';

// Not public: a public screen's new content waits for an approver (trust-approval.spec.ts), which is not this story.
const SCREEN = { id: 'lounge-data', name: 'Lounge data', width: 960, height: 540, public: false };
const LAYOUT = {
  id: 'apbd-per-urusan',
  name: 'APBD per urusan',
  width: 960,
  height: 540,
  zones: [
    {
      id: 'angka',
      x: 0,
      y: 0,
      width: 360,
      height: 540,
      items: [
        {
          type: 'kpi',
          durationMs: 600_000,
          props: {
            title: 'Anggaran 2025',
            feedId: 'apbd-urusan',
            tiles: [
              {
                label: 'Total anggaran',
                labelEn: 'Total budget',
                column: 'anggaran',
                aggregate: 'sum',
                format: 'rupiah',
              },
            ],
          },
        },
      ],
    },
    {
      id: 'grafik',
      x: 360,
      y: 0,
      width: 600,
      height: 540,
      items: [
        {
          type: 'chart',
          durationMs: 600_000,
          props: {
            title: 'Anggaran per urusan',
            feedId: 'apbd-urusan',
            labelKey: 'urusan',
            series: [{ column: 'anggaran', label: 'Anggaran' }],
            format: 'rupiah',
            horizontal: true,
            sort: 'desc',
          },
        },
      ],
    },
  ],
};

test.describe('data widgets fed by a source', () => {
  let controller: ControllerProcess | undefined;
  let player: TestPlayer | undefined;
  let portal: SourceFixtures | undefined;
  test.afterEach(async () => {
    await player?.stop();
    await controller?.stop();
    await portal?.close();
  });

  test('a CKAN source reaches KPI tiles and an ECharts chart, updates them, and stays on screen offline', async () => {
    test.setTimeout(90_000);
    portal = await startSourceFixtures();
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const api = await signIn(controller.url);

    // 1. The province's open-data portal, as a source; a screen whose layout shows it twice.
    const source = await api.call('POST', '/api/sources', {
      id: 'apbd-urusan',
      name: 'Anggaran per urusan',
      kind: 'ckan',
      url: portal.url,
      resourceId: 'apbd',
      credit: 'Satu Data Sulsel',
    });
    expect(source.status, JSON.stringify(source.body)).toBe(201);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    expect((await api.call('POST', '/api/layouts', LAYOUT)).status).toBe(201);
    const event = await api.call('POST', '/api/events', {
      name: 'Data APBD',
      playlistId: LAYOUT.id,
      targets: { screens: [SCREEN.id] },
      start: '2020-01-01T00:00',
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);

    // 2. The player shows the figures, written as Indonesians read them, credited and stamped.
    // An enrolled player, as a lounge's kiosk would be.
    player = await startEnrolledPlayer(controller.url, api, [SCREEN.id]);
    const page = await player.page(SCREEN.id);
    const kpi = page.locator('[data-content-type="kpi"]');
    await expect(kpi).toContainText('Rp\u00a05,66\u00a0triliun', { timeout: 20_000 });
    await expect(kpi).toContainText('Sumber · Source: Satu Data Sulsel');
    await expect(kpi).toContainText('WITA');
    const chart = page.locator('[data-content-type="chart"] svg');
    await expect(chart).toContainText('Pendidikan', { timeout: 10_000 });
    await expect(chart).toContainText('Rp\u00a03,12\u00a0triliun');

    // 3. The portal publishes new figures: after the next refresh the tile moves to the new total.
    portal.setRecords(CKAN_RECORDS.map((r) => (r._id === 1 ? { ...r, anggaran: '4.120.450.000.000' } : r)));
    expect((await api.call('POST', '/api/sources/apbd-urusan/refresh')).status).toBe(200);
    await expect(kpi).toContainText('Rp\u00a06,66\u00a0triliun', { timeout: 5000 });
    await expect(chart).toContainText('Rp\u00a04,12\u00a0triliun');

    // 4. The controller goes away and the player restarts: the last rows are still on screen, from its own storage.
    expect(await controller.stop()).toBe(0);
    controller = undefined;
    await page.reload();
    await expect(page.locator('[data-content-type="kpi"]')).toContainText('Rp\u00a06,66\u00a0triliun', {
      timeout: 20_000,
    });
    await expect(page.locator('[data-content-type="chart"] svg')).toContainText('Rp\u00a04,12\u00a0triliun', {
      timeout: 10_000,
    });
  });
});
