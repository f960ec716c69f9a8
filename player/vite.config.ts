import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The player renderer: served by the controller at /player/, or loaded by the Electron host. */
export default defineConfig({
  root: path.join(import.meta.dirname, 'src', 'browser'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(import.meta.dirname, 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
