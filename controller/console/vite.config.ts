import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The operator console, served by the controller at /. */
export default defineConfig({
  root: path.join(import.meta.dirname, 'src'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(import.meta.dirname, '..', 'dist', 'console'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
});
