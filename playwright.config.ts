import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium';

/** Browser stories in test/*.spec.ts, in Debian's Chromium (never a downloaded browser). */
export default defineConfig({
  testDir: 'test',
  testMatch: '**/*.spec.ts',
  // Marks every process the run starts, and fails the run if any is still alive at the end.
  globalSetup: './test/support/playwright-global.ts',
  // Two cores: one controller and one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
});
