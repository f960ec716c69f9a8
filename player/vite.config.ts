import path from 'node:path';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';

/**
 * The Service Worker (src/browser/delivery/sw.ts) as /player/sw.js beside index.html, and precache.json:
 * every file of this build, which the worker caches at install so the player boots offline.
 */
function serviceWorker(): Plugin {
  return {
    name: 'baruga-service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({
        type: 'chunk',
        id: path.join(import.meta.dirname, 'src', 'browser', 'delivery', 'sw.ts'),
        fileName: 'sw.js',
      });
    },
    generateBundle(_options, bundle) {
      // index.html is written by Vite's HTML step after this hook: name it here.
      const files = [...new Set(['index.html', ...Object.keys(bundle)])]
        .filter((f) => f !== 'sw.js' && !f.endsWith('.map'))
        .sort();
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify({ files }, null, 1) });
    },
  };
}

/** The player renderer: served by the controller at /player/, or loaded by the Electron host. */
export default defineConfig({
  root: path.join(import.meta.dirname, 'src', 'browser'),
  base: './',
  plugins: [react(), serviceWorker()],
  build: {
    outDir: path.join(import.meta.dirname, 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
