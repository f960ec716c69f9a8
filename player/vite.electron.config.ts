import { builtinModules } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vite';

/** Bundles the Electron main process and preload into CommonJS files with no runtime dependencies. */
export default defineConfig({
  build: {
    outDir: path.join(import.meta.dirname, 'dist-electron'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        main: path.join(import.meta.dirname, 'src', 'electron-main', 'main.ts'),
        preload: path.join(import.meta.dirname, 'src', 'preload', 'preload.ts'),
      },
      formats: ['cjs'],
      fileName: (_format, name) => `${name}.cjs`,
    },
    rollupOptions: {
      external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    },
  },
});
