/**
 * Build of the benchmark page (bench/page), separate from the app's build: it bundles the real db and
 * sync code plus the baselines (dexie-export-import, PouchDB). PouchDB expects Node's `events` module;
 * the `events` package (dev dependency) stands in for it here only, the app never ships PouchDB.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { communesPlugin } from '../renderer/communes-plugin';
import pkg from '../package.json' with { type: 'json' };

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  plugins: [communesPlugin()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version), global: 'globalThis' },
  build: {
    outDir: process.env.BENCH_PAGE_OUT ?? '/tmp/bench-dist/bench',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 8000,
    minify: true,
  },
  worker: { format: 'es' },
});
