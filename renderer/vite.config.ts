import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { communesPlugin } from './communes-plugin';
import { DEV_SERVER_META_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../electron/shared/csp';
import pkg from '../package.json' with { type: 'json' };

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [
    react(),
    communesPlugin(),
    // The same CSP as the Electron shell's header, from one source (electron/shared/csp.ts); the dev
    // server alone gets inline styles, which is how Vite serves CSS there.
    {
      name: 'relais-csp',
      transformIndexHtml: (html: string, context: { server?: unknown }) =>
        html.replace('%RELAIS_CSP%', context.server ? DEV_SERVER_META_CONTENT_SECURITY_POLICY : META_CONTENT_SECURITY_POLICY),
    },
  ],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  server: { fs: { allow: ['..'] } },
  build: {
    // RELAIS_OUT_DIR lets parallel work build elsewhere without emptying each other's folder.
    outDir: process.env.RELAIS_OUT_DIR ?? fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
});
