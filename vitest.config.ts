import { defineConfig } from 'vitest/config';

/** Unit tests sit beside their source; browser and cross-package stories are Playwright specs in test/. */
export default defineConfig({
  test: {
    include: ['{protocol,schedules,content,controller,player,bench}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Marks every process the run starts, and fails the run if any is still alive at the end.
    globalSetup: ['./test/support/vitest-global.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
