import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import type { ScreenPlacement } from '../../player/src/common/host-contract';
import { ChromiumHost } from '../../player/src/node/chromium-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export interface TestPlayer {
  host: ChromiumHost;
  /** Chromium's profile: keep it to start the same player again (a reboot). */
  userDataDir: string;
  /** The page of a screen, once the host has opened it and its first navigation has committed. */
  page(screenId: string): Promise<Page>;
  output: string[];
  stop(): Promise<void>;
}

/**
 * The Chromium host (`npx baruga-player`) in headless Debian Chromium, as the tests run it: its own
 * profile, the test's Chromium switches, and the host's log kept for assertions.
 */
export async function startPlayer(
  controllerUrl: string,
  options: { screens?: ScreenPlacement[]; userDataDir?: string; extraArgs?: string[]; caFile?: string } = {},
): Promise<TestPlayer> {
  const userDataDir = options.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-player-'));
  const output: string[] = [];
  const host = new ChromiumHost({
    executablePath: CHROMIUM_PATH,
    userDataDir,
    headless: true,
    kiosk: false,
    // Playwright's own headless switch is the one that counts; the rest keep Chromium quiet and offline.
    extraArgs: [...CHROMIUM_ARGS.filter((a) => a !== '--headless'), ...(options.extraArgs ?? [])],
    log: (line) => output.push(line),
  });
  await host.start({ controllerUrl, screens: options.screens ?? [], caFile: options.caFile ?? null });
  return {
    host,
    userDataDir,
    output,
    async page(screenId) {
      // The host keeps a window's page from before its first navigation commits: handed out then, a screenshot
      // has no frame to capture and a reload races the host's own navigation.
      const opened = () => {
        const page = host.page(screenId);
        return page !== undefined && !page.isClosed() && page.url() !== 'about:blank';
      };
      await expect.poll(opened, { timeout: 15_000 }).toBe(true);
      return host.page(screenId) as Page;
    },
    stop: () => host.dispose(),
  };
}

/**
 * The Chromium host enrolled as a box is in the field: started without screens it shows a pairing code, which the
 * operator pairs (here over the API) with the given screens; the host then opens them with its own credentials.
 * Screenshots, host restarts and acknowledged commands need this; a host started with `screens` plays anonymously.
 */
export async function startEnrolledPlayer(
  controllerUrl: string,
  api: { call(method: string, path: string, body?: unknown): Promise<{ status: number }> },
  screens: string[],
  options: { extraArgs?: string[] } = {},
): Promise<TestPlayer> {
  const player = await startPlayer(controllerUrl, options);
  const code = () => player.output.map((line) => /pairing code: ([A-Z0-9]{6})/.exec(line)?.[1]).find(Boolean);
  await expect.poll(code, { timeout: 30_000 }).toBeTruthy();
  const paired = await api.call('POST', '/api/players/pair', { code: code(), name: 'Host uji', screens });
  expect(paired.status).toBe(200);
  return player;
}
