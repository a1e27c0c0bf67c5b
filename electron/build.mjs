// Bundle the desktop shell with esbuild: main and preload each become one CommonJS file.
// The preload must be a single file because sandboxed preloads cannot require local modules.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'info',
  absWorkingDir: root,
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload/preload.cjs' }),
]);
