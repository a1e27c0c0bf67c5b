#!/usr/bin/env node
// `npm run bench [-- options]`: builds the app and the bench page into /tmp/bench-dist, serves both on
// one origin (port 4320, so the bench page can seed the app's IndexedDB), and runs bench/driver.ts.
//
// Options:
//   --sizes=1k,10k,100k   dataset sizes (default: all three)
//   --ui=100k | --ui=1m | --ui=0    activities seeded for the UI scenario (default 100k; 0 skips it;
//                         1m: a region, seeded a part at a time, dashboard targets of 1 s / 300 ms)
//   --formats=100k | --formats=0   activities exported as CSV and XLSX (scenario 9; default 100k; 0 skips it)
//   --backup=100k | --backup=0     records backed up and restored (scenario 11; default 100k; 0 skips it)
//   --out=FILE            results JSON (default bench/results/latest.json for a full run, else partial.json)
//   --seed=N              generator seed (default 20240601)
//   --no-build            reuse the previous builds in /tmp/bench-dist
//   --no-pouch            skip the PouchDB baseline (slow at 100k)
//   --only=folder         scenario 12 alone at each size (set-up, one bundle, a folder of 50)
//   --only=import         the one-bundle import's scenarios (1, 3, 4a, 6), not scenario 2 nor the probes
//   --no-folder           skip scenario 12 (the records as a folder of 50 bundles beside one bundle)
//   --import-1m           alone (--import-sizes=10k,20k to try it small): a folder import of 1M records (~300 bundles) against 100k (30), raw bulkPut beside
//   --import-raw-only     with --import-1m: raw bulkPut alone at each size (the reference growth)
//   --report=FILE         only recompute the tables of an existing results file (no build, no browser)
//   --ui-walk=dashboard   the UI scenario times the dashboard alone (10a–c)
//   --repeat=N            runs of each size up to 10k, medians reported (default 3; 100k runs once)
import { spawn, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.BENCH_DIST ?? '/tmp/bench-dist';
const port = Number(process.env.BENCH_PORT ?? 4320);

function arg(name, fallback) {
  const found = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!found) return fallback;
  return found.includes('=') ? found.slice(found.indexOf('=') + 1) : true;
}

function parseCount(text) {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(String(text).trim());
  if (!match) throw new Error(`not a size: ${text}`);
  return Math.round(Number(match[1]) * { '': 1, k: 1000, m: 1_000_000 }[match[2].toLowerCase()]);
}

function run(command, args, env = {}) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${url}`);
}

const sizesArg = arg('sizes', '1k,10k,100k');
// `--sizes=0` runs no data size (the UI, formats or backup scenarios alone).
const sizes = String(sizesArg).split(',').map(parseCount).filter((n) => n > 0);
if (sizes.some((n) => n > 100_000)) {
  // Scenarios 1–6 hold a size's records (and its bundles) in the page: up to 100k for now.
  console.error('--sizes: up to 100k (the data scenarios hold every record in memory); a million activities: --ui=1m');
  process.exit(2);
}
const uiArg = arg('ui', '100k');
let uiActivities = parseCount(uiArg) || null;
const formatsActivities = parseCount(arg('formats', '100k')) || null;
const backupRecords = parseCount(arg('backup', '100k')) || null;
const fullRun = sizesArg === '1k,10k,100k' && uiActivities === 100_000 && !arg('no-pouch', false);
const out = resolve(root, String(arg('out', fullRun ? 'bench/results/latest.json' : 'bench/results/partial.json')));

// The driver is TypeScript (it shares the e2e Chromium launch): bundle it for Node, dependencies external.
// Written under node_modules/.cache so that Node resolves playwright-core from the project.
const driverFile = join(root, 'node_modules/.cache/relais-bench/driver.mjs');
await build({ entryPoints: [join(root, 'bench/driver.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: driverFile, logLevel: 'warning' });
const driver = await import(pathToFileURL(driverFile).href);
if (arg('report', false)) {
  driver.rewriteReport(resolve(root, String(arg('report'))));
  process.exit(0);
}

let uiUnavailable = null;
if (!arg('no-build', false)) {
  const vite = join(root, 'node_modules/.bin/vite');
  const env = { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
  // The app is only needed for the UI scenario; a broken app build makes that scenario "not available".
  if (uiActivities && !run(vite, ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { ...env, RELAIS_OUT_DIR: join(dist, 'app') })) {
    uiUnavailable = 'the app did not build (see the error above)';
    console.warn(`UI scenario not available: ${uiUnavailable}`);
    uiActivities = null;
  }
  if (!run(vite, ['build', '--config', 'bench/vite.config.ts', '--logLevel', 'warn'], { ...env, BENCH_PAGE_OUT: join(dist, 'bench') })) {
    console.error('the bench page did not build');
    process.exit(1);
  }
}
const server = spawn(process.execPath, [join(root, 'scripts/serve-static.mjs'), dist, String(port)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
let code;
try {
  const origin = `http://127.0.0.1:${port}`;
  await waitForServer(`${origin}/bench/index.html`);
  code = await driver.runBench({ origin, sizes, uiActivities, formatsActivities, backupRecords, seed: Number(arg('seed', 20240601)), out, skipPouch: Boolean(arg('no-pouch', false)), skipFolder: Boolean(arg('no-folder', false)), onlyFolder: arg('only', '') === 'folder', onlyImport: arg('only', '') === 'import', repeatSmall: Number(arg('repeat', 3)), uiUnavailable, uiWalk: arg('ui-walk', 'all') === 'dashboard' ? 'dashboard' : 'all', import1m: Boolean(arg('import-1m', false)), import1mRawOnly: Boolean(arg('import-raw-only', false)), import1mSizes: arg('import-sizes', false) ? String(arg('import-sizes')).split(',').map(parseCount) : undefined });
} finally {
  server.kill();
}
process.exit(code);
