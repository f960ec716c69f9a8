import { defineConfig } from 'vitest/config';

/** The kiosk package's own checks (electron-builder's config); run by `npm --prefix player-electron test`. */
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 20_000 },
});
