import { expect, test } from '@playwright/test';
import type { Page } from 'playwright-core';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { controllerTimeFollowsPage } from './support/controller-time';
import { addItem, publish } from './support/delivery';
import { type TestPlayer, startPlayer } from './support/player-host';
import type {} from './support/player-window';

const SCREEN = { id: 'lobi-pratinjau', name: 'Lobi pratinjau', width: 640, height: 360 };
const MINUTE = 60_000;
const HOURS = 150 * MINUTE; // the stretch of schedule the test walks through

/** Wall-clock `YYYY-MM-DDTHH:MM` of an instant at a fixed offset (WITA +8, WIB +7: neither has DST). */
const wallClock = (ms: number, offsetHours: number) => new Date(ms + offsetHours * 3600_000).toISOString().slice(0, 16);
const hhmm = (ms: number, offsetHours: number) => wallClock(ms, offsetHours).slice(11);

interface Segment {
  start: string;
  end: string;
  playlistId: string;
  explanation: string;
}

/** Each playlist (and the layout's first zone) is one long text item: what is on screen names what plays. */
const PLAYLISTS = {
  default: 'Putaran bawaan layar',
  layanan: 'Jam layanan: loket buka',
  rapat: 'Rapat pimpinan berlangsung',
  imbauan: 'Imbauan: jaga kebersihan',
  siaran: 'Siaran serentak dari Jakarta',
} as const;
type PlaylistId = keyof typeof PLAYLISTS;
const AGENDA = 'Agenda: APBD 2027';
const OVERLAY = 'Pengaduan warga: 112';

const visible = (page: Page, text: string) => page.getByText(text).filter({ visible: true }).first();

test.describe('schedule preview and playback', () => {
  let controller: ControllerProcess | undefined;
  let player: TestPlayer | undefined;
  test.afterEach(async () => {
    await player?.stop();
    await controller?.stop();
  });

  test('at every change of the next 2.5 hours, the player shows what the controller previews', async () => {
    test.setTimeout(180_000);
    controller = await startControllerProcess({ env: { BARUGA_SEED_DEMO: '0' } });
    const api = await signIn(controller.url);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);
    await addItem(api, SCREEN.id, { type: 'text', durationMs: 600_000, props: { body: PLAYLISTS.default } });
    await publish(api, SCREEN.id);

    // A day's schedule laid out around now, so every run of the test crosses the same kinds of change:
    // a daypart, a higher-priority daily layout with a DTSTART two years old, an interrupt spread through
    // each hour, and an event at the same instant everywhere, written in WIB for this WITA screen.
    const t0 = Math.ceil(Date.now() / MINUTE) * MINUTE;
    const everyDay = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    const twoYearsAgo = (ms: number, offset: number) =>
      `${new Date(ms - 730 * 24 * 3600_000 + offset * 3600_000).toISOString().slice(0, 10)}T${hhmm(ms, offset)}`;
    const text = (body: string) => ({ type: 'text', durationMs: 600_000, props: { body } });
    const writes: [string, object][] = [
      ...(['layanan', 'siaran'] as const).map((id): [string, object] => [
        '/api/playlists',
        { id, name: id, items: [text(PLAYLISTS[id])] },
      ]),
      [
        '/api/playlists',
        {
          id: 'imbauan',
          name: 'Imbauan',
          // 10 % of an hour over a 2-minute pass: three 2-minute slots, at :00, :20 and :40.
          items: [{ type: 'text', durationMs: 120_000, props: { body: PLAYLISTS.imbauan } }],
        },
      ],
      [
        // The meeting is a layout: its title on the left, the agenda in a zone of its own on the right.
        '/api/layouts',
        {
          id: 'rapat',
          name: 'Rapat',
          width: SCREEN.width,
          height: SCREEN.height,
          zones: [
            { id: 'judul', x: 0, y: 0, width: 320, height: 320, items: [text(PLAYLISTS.rapat)] },
            { id: 'agenda', x: 320, y: 0, width: 320, height: 320, items: [text(AGENDA)] },
          ],
        },
      ],
      [
        '/api/dayparts',
        {
          id: 'jam-layanan',
          name: 'Jam layanan',
          windows: [{ days: everyDay, start: hhmm(t0 + 10 * MINUTE, 8), end: hhmm(t0 + 100 * MINUTE, 8) }],
        },
      ],
    ];
    for (const [path, body] of writes) {
      const r = await api.call('POST', path, body);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const events = [
      { name: 'Layanan', playlistId: 'layanan', start: '2025-01-01T00:00', daypartId: 'jam-layanan' },
      {
        name: 'Rapat harian',
        playlistId: 'rapat',
        priority: 5,
        start: twoYearsAgo(t0 + 40 * MINUTE, 8),
        rrule: 'FREQ=DAILY',
        durationMinutes: 30,
      },
      { name: 'Imbauan kebersihan', playlistId: 'imbauan', start: '2025-01-01T00:00', interrupt: { percent: 10 } },
      {
        name: 'Siaran serentak',
        playlistId: 'siaran',
        priority: 1,
        timezone: 'Asia/Jakarta',
        start: twoYearsAgo(t0 + 120 * MINUTE, 7),
        rrule: 'FREQ=DAILY',
        durationMinutes: 20,
      },
    ];
    // Above whatever the schedule plays: the complaints line, on the screen's own overlay.
    const overlay = await api.call('PUT', `/api/screens/${SCREEN.id}/overlays`, {
      zones: [{ id: 'pengaduan', x: 0, y: 320, width: 640, height: 40, z: 5, items: [text(OVERLAY)] }],
    });
    expect(overlay.status, JSON.stringify(overlay.body)).toBe(200);
    for (const e of events) {
      const r = await api.call('POST', '/api/events', { targets: { screens: [SCREEN.id] }, ...e });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const screen = await api.call('GET', `/api/screens/${SCREEN.id}`);
    const version = (screen.body as { publishedVersion: number }).publishedVersion;

    // The controller's preview of the stretch the test walks through.
    const preview = await api.call(
      'GET',
      `/api/screens/${SCREEN.id}/timeline?from=${new Date(t0).toISOString()}&to=${new Date(t0 + HOURS).toISOString()}`,
    );
    expect(preview.status).toBe(200);
    const segments = (preview.body as { segments: Segment[] }).segments;
    const seen = new Set(segments.map((s) => s.playlistId));
    // The schedule is built so that every playlist plays within the stretch: the walk below visits each.
    expect([...seen].sort()).toEqual(Object.keys(PLAYLISTS).sort());
    expect(segments.length).toBeGreaterThanOrEqual(10);

    // The player on a clock the test moves forward, as real time would: the controller's clock with it, since
    // the player plays by the controller's time.
    player = await startPlayer(controller.url, { screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
    const page = await player.page(SCREEN.id);
    await page.context().clock.install();
    await controllerTimeFollowsPage(page);
    await page.reload();
    await expect.poll(() => page.evaluate(() => window.baruga?.manifestVersion), { timeout: 20_000 }).toBe(version);

    for (const segment of segments) {
      const start = Date.parse(segment.start);
      const end = Date.parse(segment.end);
      // Half-way through each segment (the first may begin before the player's clock: it is already on).
      const probe = Math.max(start + (end - start) / 2, await page.evaluate(() => Date.now()));
      const ahead = probe - (await page.evaluate(() => Date.now()));
      if (ahead > 0) await page.clock.fastForward(Math.round(ahead));
      const expected = segment.playlistId as PlaylistId;
      const why = `${new Date(probe).toISOString()}: ${segment.explanation}`;
      await expect(visible(page, PLAYLISTS[expected]), why).toBeVisible({ timeout: 15_000 });
      await expect(visible(page, OVERLAY), why).toBeVisible();
      await expect(page.getByText(AGENDA).filter({ visible: true }), why).toHaveCount(expected === 'rapat' ? 1 : 0);
      for (const other of Object.keys(PLAYLISTS) as PlaylistId[]) {
        if (other !== expected) {
          await expect(page.getByText(PLAYLISTS[other]).filter({ visible: true }), why).toHaveCount(0);
        }
      }
      // And the other way round: at the instant the player is at, the controller says the same.
      const at = await page.evaluate(() => Date.now());
      expect(at, why).toBeLessThan(end);
      const now = await api.call('GET', `/api/screens/${SCREEN.id}/now?at=${new Date(at).toISOString()}`);
      expect((now.body as { playlistId: string }).playlistId, why).toBe(expected);
    }
    expect(await page.evaluate(() => window.baruga?.rejected ?? [])).toEqual([]);

    // Proof of play names the type of what each zone showed, the layout's zones and the overlay included (their
    // records once said "unknown"): the records still open in the player's buffer say so.
    const recorded = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('baruga-player');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('pop').objectStore('pop').getAll();
            all.onsuccess = () =>
              resolve(all.result.map((r: { zoneId: string; itemType: string }) => `${r.zoneId}:${r.itemType}`));
            all.onerror = () => reject(all.error);
          };
        }),
    );
    expect(recorded).toEqual(expect.arrayContaining(['agenda:text', 'pengaduan:text']));
    expect(recorded.filter((r) => r.endsWith(':unknown'))).toEqual([]);
  });
});
