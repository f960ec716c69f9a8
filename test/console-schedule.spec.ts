import { type Page, type Request, expect, test } from '@playwright/test';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';

const SCREEN = { id: 'aula-jadwal', name: 'Aula jadwal', width: 1280, height: 720 };
const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface Timeline {
  timezone: string;
  segments: { start: string; end: string; playlistId: string }[];
  warnings: { code: string; message: string }[];
}

/** The `from` and `to` instants of a timeline request the console made. */
function rangeOf(request: Request): { from: number; to: number } {
  const url = new URL(request.url());
  return { from: Date.parse(url.searchParams.get('from') ?? ''), to: Date.parse(url.searchParams.get('to') ?? '') };
}

/**
 * The next timeline request for a day other than `except`: an open panel also refreshes the day it shows, and
 * that refresh must not pass for the day a button asked for.
 */
const timelineRequest = (page: Page, except?: number) =>
  page.waitForRequest((r) => r.url().includes(`/api/screens/${SCREEN.id}/timeline?`) && rangeOf(r).from !== except, {
    timeout: 15_000,
  });

test.describe('the console shows a screen’s schedule', () => {
  let controller: ControllerProcess | undefined;
  test.afterEach(async () => {
    await controller?.stop();
  });

  test('an operator sees what plays now, the day as rows and a bar, its warnings, and the next day', async ({
    page,
  }) => {
    // 1. A WITA screen with a daily meeting at 10:00–11:00, public-service interrupts three times an hour all
    //    day, and an old broadcast the meeting hides every day (the timeline warns about that one).
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const api = await signIn(controller.url);
    const event = (body: Record<string, unknown>) =>
      api.call('POST', '/api/events', { targets: { screens: [SCREEN.id] }, start: '2025-01-01T00:00', ...body });
    const created = [
      await api.call('POST', '/api/screens', SCREEN),
      await api.call('POST', '/api/playlists', {
        id: 'agenda-rapat',
        name: 'Agenda rapat',
        items: [{ type: 'text', durationMs: 30_000, props: { body: 'Rapat koordinasi' } }],
      }),
      await api.call('POST', '/api/playlists', {
        id: 'iklan-layanan',
        name: 'Iklan layanan',
        items: [{ type: 'text', durationMs: 120_000, props: { body: 'Bayar pajak tepat waktu' } }],
      }),
      await event({
        name: 'Rapat harian',
        playlistId: 'agenda-rapat',
        priority: 10,
        start: '2025-01-01T10:00',
        rrule: 'FREQ=DAILY',
        durationMinutes: 60,
      }),
      await event({
        name: 'Layanan masyarakat',
        playlistId: 'iklan-layanan',
        priority: 5,
        rrule: 'FREQ=DAILY',
        durationMinutes: 24 * 60,
        interrupt: { secondsPerHour: 360 },
      }),
      await event({
        name: 'Siaran lama',
        playlistId: 'iklan-layanan',
        priority: 1,
        start: '2025-01-01T10:00',
        rrule: 'FREQ=DAILY',
        durationMinutes: 60,
      }),
    ];
    expect(
      created.map((c) => c.status),
      JSON.stringify(created.map((c) => c.body)),
    ).toEqual([201, 201, 201, 201, 201, 201]);
    const timeline = async (range: { from: number; to: number }) => {
      const query = new URLSearchParams({
        from: new Date(range.from).toISOString(),
        to: new Date(range.to).toISOString(),
      });
      const answer = await api.call('GET', `/api/screens/${SCREEN.id}/timeline?${query.toString()}`);
      expect(answer.status).toBe(200);
      return answer.body as unknown as Timeline;
    };

    // 2. The operator signs in to the console and opens the screen.
    await page.goto(`${controller.url}/`);
    await page.getByLabel('Kata sandi').fill('rahasia-uji-123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    const asked = timelineRequest(page);
    await page.locator(`[data-screen-id="${SCREEN.id}"]`).getByRole('link').click();

    // 3. The console asks for today on the screen's clock: WITA midnight to the next midnight.
    const today = rangeOf(await asked);
    expect((today.from + 8 * HOUR) % DAY).toBe(0);
    expect(today.to - today.from).toBe(DAY);
    expect(today.from).toBeLessThanOrEqual(Date.now());
    expect(today.to).toBeGreaterThan(Date.now() - 60_000);

    // The panel's own name follows the language: Jadwal, or Schedule.
    const panel = page.getByRole('region', { name: /^(Jadwal|Schedule)$/ });
    await expect(panel.getByRole('heading', { name: 'Sekarang tayang' })).toContainText('WITA');
    await expect(panel.getByRole('heading', { name: 'Jadwal hari ini' })).toBeVisible();

    // 4. The meeting is one row, 10.00–11.00 written the Indonesian way, and says what it hides.
    const meeting = panel.locator('[data-row="segment"]', { hasText: '10.00–11.00' });
    await expect(meeting).toHaveCount(1);
    await expect(meeting).toContainText('Agenda rapat');
    await expect(meeting).toContainText('Rapat harian');
    await expect(meeting).toContainText('menyembunyikan: Layanan masyarakat');
    await expect(meeting).toContainText('Siaran lama');

    // 5. The bar has every segment the API gives for the same range, each one visible, however short.
    const expected = await timeline(today);
    expect(expected.segments.length).toBeGreaterThan(100);
    const bar = panel.getByTestId('day-bar').locator('[data-segment]');
    await expect(bar).toHaveCount(expected.segments.length);
    const widths = await bar.evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().width));
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(1);
    expect(await bar.evaluateAll((spans) => spans.map((s) => s.getAttribute('data-segment')))).toEqual(
      expected.segments.map((s) => s.playlistId),
    );

    // 6. The interrupts do not bury the day: each stretch of them reads as one row, three times an hour.
    const runs = panel.locator('[data-row="interrupt-run"]');
    await expect(runs).toHaveCount(2);
    await expect(runs.first()).toContainText('00.00–10.00');
    await expect(runs.first()).toContainText('Layanan masyarakat 3× per jam');
    await expect(runs.last()).toContainText('11.00–24.00');

    // 7. The warning: what it means in Indonesian, and the engine's message folded away for support.
    const warnings = panel.getByTestId('schedule-warnings');
    await expect(warnings).toContainText('Acara aktif tetapi tertutup acara lain sepanjang rentang ini.');
    await expect(warnings.locator('li')).toHaveAttribute('data-warning', 'hidden-throughout');
    // The engine's own words (English) are kept for support, folded away.
    await expect(warnings.locator('details code')).toContainText(
      '"Siaran lama" is on in this range but hidden throughout',
    );
    await expect(warnings.locator('details code')).toBeHidden();
    expect(expected.warnings.map((w) => w.code)).toEqual(['hidden-throughout']);

    // 8. What plays now is what the API says plays now, and why, in Indonesian.
    const nowBox = panel.getByTestId('playing-now');
    const names: Record<string, string> = {
      default: 'Putaran layar',
      'agenda-rapat': 'Agenda rapat',
      'iklan-layanan': 'Iklan layanan',
    };
    const nowFromApi = async () =>
      (await api.call('GET', `/api/screens/${SCREEN.id}/now`)).body as {
        playlistId: string;
        explanation: string;
        source: { kind: 'default' | 'event' | 'interrupt'; name?: string };
      };
    const why = { default: 'Tidak ada yang dijadwalkan', event: 'Acara "', interrupt: 'Sela "' };
    await expect
      .poll(async () => {
        const now = await nowFromApi();
        const shown = (await nowBox.textContent()) ?? '';
        const reason = `${why[now.source.kind]}${now.source.name ?? ''}`;
        return shown.includes(reason) && shown.includes(names[now.playlistId] ?? now.playlistId);
      })
      .toBe(true);

    // 9. In English the headings and times change, and the explanation is the engine's own sentence.
    await page.getByRole('button', { name: /^English/ }).click();
    await expect
      .poll(async () => ((await nowBox.textContent()) ?? '').includes((await nowFromApi()).explanation))
      .toBe(true);
    await expect(panel.getByRole('heading', { name: 'Playing now' })).toBeVisible();
    await expect(panel.getByRole('heading', { name: "Today's schedule" })).toBeVisible();
    await expect(panel.locator('[data-row="segment"]', { hasText: '10:00–11:00' })).toContainText('Agenda rapat');
    await expect(runs.first()).toContainText('3× per hour');
    // "Tomorrow" names the day it shows, not the zone ("Schedule for WITA", once).
    await panel.getByRole('button', { name: 'Tomorrow' }).click();
    await expect(panel.getByRole('heading', { name: /^Schedule for \w+day, \d{1,2} \w+ \d{4}$/ })).toBeVisible();
    await panel.getByRole('button', { name: 'Today' }).click();
    await page.getByRole('button', { name: /^Bahasa Indonesia/ }).click();

    // 10. "Besok" asks for the next WITA day and shows it: another date, all of its segments, the meeting again.
    const askedNext = timelineRequest(page, today.from);
    await panel.getByRole('button', { name: 'Besok' }).click();
    const tomorrow = rangeOf(await askedNext);
    expect(tomorrow).toEqual({ from: today.from + DAY, to: today.to + DAY });
    const dayName = new Intl.DateTimeFormat('id-ID', {
      timeZone: 'Asia/Makassar',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(tomorrow.from);
    await expect(panel.getByTestId('schedule-day')).toContainText(dayName);
    await expect(panel.getByRole('heading', { name: 'Jadwal hari ini' })).toHaveCount(0);
    await expect(bar).toHaveCount((await timeline(tomorrow)).segments.length);
    await expect(panel.locator('[data-row="segment"]', { hasText: '10.00–11.00' })).toContainText('Rapat harian');

    // 11. A controller that fails says so: loading first, then a sentence with the code in small print, never blank.
    await page.route(
      (url) => url.pathname.endsWith('/timeline'),
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'BARUGA_ERR_INTERNAL', message: 'database is locked' } }),
        });
      },
    );
    await panel.getByRole('button', { name: 'Besok' }).click();
    await expect(panel.getByText('Memuat jadwal…')).toBeVisible();
    await expect(panel.getByText('Jadwal gagal dimuat.')).toBeVisible();
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText('Terjadi kesalahan di pengendali. Coba lagi');
    await expect(alert.locator('small')).toHaveText('Kode untuk petugas teknis: BARUGA_ERR_INTERNAL');
    // The server's English message is for its log, not for the operator.
    await expect(alert).not.toContainText('database is locked');
    await expect(bar).toHaveCount(0);
  });
});
