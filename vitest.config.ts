import { defineConfig } from 'vitest/config';

/** Unit tests sit beside their source; browser and cross-package stories are Playwright specs in test/. */
export default defineConfig({
  test: {
    include: ['{protocol,schedules,content,controller,player}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
