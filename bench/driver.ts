/**
 * Drives the benchmark: headless Chromium (the e2e launch, plus precise heap figures and `gc()`), the
 * bench page for data scenarios 1–6 and 8 at each size, then the real app for scenario 7. Prints a
 * table of figures and ratios against the targets of issue 4 and writes them as JSON.
 *
 * It never fails on a time: the exit code is 1 only when a step errors or a result is wrong
 * (counts, content hashes, conflicts, rewritten records).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { cpus, totalmem, platform, release, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import type { BenchApi, ImportInput } from './page/main';
import type { OpenPath } from './page/relais';
import { median, walkApp, type UiResult, type UiTiming } from './ui';
import { buildSummary, formatFigures, formatTable, type BackupResult, type FormatsResult, type ImportUnderCap, type SizeResult } from './report';

export interface DriverOptions {
  origin: string;
  sizes: number[];
  uiActivities: number | null;
  /** Activities exported as CSV and XLSX in scenario 9 (null skips it). */
  formatsActivities?: number | null;
  /** Records backed up and restored (scenario 11); null or 0 skips it. */
  backupRecords?: number | null;
  seed: number;
  out: string;
  skipPouch: boolean;
  /** Skip scenario 12 (a folder of 50 bundles beside one bundle). */
  skipFolder?: boolean;
  /** Run scenario 12 alone at each size (`--only=folder`). */
  onlyFolder?: boolean;
  /** `--only=import`: the one-bundle import's scenarios (1, 3, 4a, 6) and their baselines, not scenario 2 nor the probes. */
  onlyImport?: boolean;
  /** Runs of each size up to 10k (medians are reported): the machine is shared, single runs are noisy. */
  repeatSmall: number;
  /** `dashboard`: the UI scenario walks the dashboard alone (10a–c), skipping the list and home steps. */
  uiWalk?: 'all' | 'dashboard';
  /** Why the UI scenario could not run (e.g. the app did not build), if so. */
  uiUnavailable?: string | null;
  /** `--import-1m`: the import of a region's million records as a folder of bundles, against 100k (alone). */
  import1m?: boolean;
  /** The sizes of the `--import-1m` run (default 100k and 1M; smaller ones to try it quickly). */
  import1mSizes?: number[];
  /** `--import-raw-only`: the `--import-1m` run's raw bulkPut alone (its reference growth, quickly). */
  import1mRawOnly?: boolean;
}

type StepName = keyof BenchApi;
type StepResult<K extends StepName> = Awaited<ReturnType<BenchApi[K]>>;

/** Scenario 6's ceiling on a page's V8 heap (the issue's 400 MB): old generation + 3 semi-spaces of the young one. */
export const HEAP_CAP_MB = 400;
const SEMI_SPACE_MB = 16;

/**
 * Same launch as the e2e tests, plus: exact heap figures, gc() between steps, room for 100k records.
 * `heapCapMB`: the pages' whole V8 heap can never exceed it (a page that needs more crashes).
 */
function benchLaunchOptions(heapCapMB?: number) {
  const launch = chromiumLaunchOptions();
  const heap = heapCapMB === undefined
    ? '--max-old-space-size=4096'
    : `--max-old-space-size=${heapCapMB - 3 * SEMI_SPACE_MB} --max-semi-space-size=${SEMI_SPACE_MB}`;
  return {
    ...launch,
    headless: true,
    args: [...(launch.args ?? []), '--enable-precise-memory-info', `--js-flags=--expose-gc ${heap}`],
  };
}

/** The on-disk profiles made by this run (a million records weigh gigabytes): removed at its end. */
const diskProfiles: string[] = [];

function removeDiskProfiles(): void {
  for (const profile of diskProfiles.splice(0)) {
    // A closing browser may still be writing its last files: retry, and leave one behind rather than fail the run.
    try { rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); } catch { console.warn(`(bench profile left in ${profile})`); }
  }
}

const CONTEXT_OPTIONS = { viewport: { width: 1280, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' } as const;

/**
 * The bench page in a fresh context. `onDisk`: in a profile on disk, as the app's own, instead of the
 * browser's in-memory one — a fresh context keeps IndexedDB in memory under a quota that a region's
 * million records exceed (QuotaExceededError after 340,000 activities); the profiles are removed at the
 * end of the run (`removeDiskProfiles`).
 */
async function openBenchPage(browser: Browser, origin: string, onDisk = false, keptProfile?: string, heapCapMB?: number): Promise<Page> {
  let context;
  if (keptProfile) {
    mkdirSync(keptProfile, { recursive: true });
    context = await chromium.launchPersistentContext(keptProfile, { ...benchLaunchOptions(), ...CONTEXT_OPTIONS });
  } else if (onDisk) {
    const profile = mkdtempSync(join(tmpdir(), 'relais-bench-profile-'));
    context = await chromium.launchPersistentContext(profile, { ...benchLaunchOptions(heapCapMB), ...CONTEXT_OPTIONS });
    diskProfiles.push(profile);
  } else {
    context = await browser.newContext(CONTEXT_OPTIONS);
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`  [page error] ${error.message}`));
  await page.goto(`${origin}/bench/index.html`);
  await page.waitForFunction(() => document.getElementById('status')?.dataset.ready === 'true');
  return page;
}

interface Check { ok: boolean; detail: string }

/** A step's check, or the combined checks of its parts (e.g. dexie export and import). */
function findCheck(result: unknown): Check | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const own = (result as { check?: Check }).check;
  if (own) return own;
  const parts = Object.values(result).map((v) => (v && typeof v === 'object' ? (v as { check?: Check }).check : undefined)).filter((c): c is Check => Boolean(c));
  if (parts.length === 0) return undefined;
  return { ok: parts.every((c) => c.ok), detail: parts.map((c) => c.detail).join('; ') };
}

/** One step of the bench page; its errors are recorded (and fail the run), never thrown past here. */
async function step<K extends StepName>(page: Page, name: K, errors: string[], ...args: Parameters<BenchApi[K]>): Promise<StepResult<K> | undefined> {
  const started = Date.now();
  try {
    const result = await page.evaluate(
      ([fn, params]) => (window as unknown as { relaisBench: Record<string, (...a: unknown[]) => unknown> }).relaisBench[fn](...params),
      [name, args] as const,
    ) as StepResult<K>;
    const check = findCheck(result);
    if (check && !check.ok) errors.push(`${name}: wrong result — ${check.detail}`);
    console.log(`  ${name.padEnd(18)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s${check ? (check.ok ? '  ✓' : '  ✗ WRONG') : ''}`);
    return result;
  } catch (error) {
    // The first lines (a page's error may name itself on the first and say what on the next).
    const message = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' | ').slice(0, 600) : String(error);
    errors.push(`${name}: ${message}`);
    console.log(`  ${name.padEnd(18)} ERROR ${message}`);
    return undefined;
  }
}

async function runSize(browser: Browser, options: DriverOptions, size: number, errors: string[]): Promise<SizeResult> {
  console.log(`\n— ${size.toLocaleString('en')} records`);
  const page = await openBenchPage(browser, options.origin);
  const result: SizeResult = { size };
  result.dataset = await step(page, 'generate', errors, size, options.seed);
  if (options.onlyFolder) {
    // `--only=folder`: scenario 12 alone (its set-up, the one bundle, the folder of 50).
    result.folderSetup = await step(page, 'prepareTeamFolder', errors);
    result.folderOne = await step(page, 'relaisImportFolder', errors, 'one');
    result.folderFifty = await step(page, 'relaisImportFolder', errors, 'folder');
    await step(page, 'cleanup', errors);
    await page.context().close();
    return result;
  }
  result.bulkPut = await step(page, 'baselineBulkPut', errors);
  result.dexie = await step(page, 'baselineDexie', errors);
  if (!options.skipPouch) result.pouch = await step(page, 'baselinePouch', errors);
  result.toArray = await step(page, 'baselineToArray', errors);
  result.export = await step(page, 'relaisExport', errors);
  if (!options.onlyImport) result.mergeSetup = await step(page, 'prepareMerge', errors);
  if (!options.skipFolder) {
    // Issue 10: the same records as a folder of 50 bundles and as one, through the folder import, side
    // by side. Run here, before scenario 1, and their 58 MB of files freed after: scenario 6 judges the
    // import's peak heap, which the bench's own held files must not inflate.
    result.folderSetup = await step(page, 'prepareTeamFolder', errors);
    result.folderOne = await step(page, 'relaisImportFolder', errors, 'one');
    result.folderFifty = await step(page, 'relaisImportFolder', errors, 'folder');
  }
  if (!options.onlyImport) result.probes = await step(page, 'probes', errors);
  result.heapAfterDrop = (await step(page, 'dropDataset', errors))?.heap;
  // BENCH_IMPORT_PROFILE=file.cpuprofile: a CPU profile of scenario 1 opened on the page's thread
  // (open, merge, write in one profile; open it in DevTools).
  const profileFile = process.env.BENCH_IMPORT_PROFILE;
  const cdp = profileFile ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  result.importEmptyInPage = await step(page, 'relaisImportEmpty', errors, 'page');
  if (cdp && profileFile) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
    console.log(`  CPU profile of the import opened on the page: ${profileFile}`);
  }
  result.importEmpty = await step(page, 'relaisImportEmpty', errors);
  result.placeFilters = await step(page, 'probePlaceFilters', errors);
  if (result.placeFilters) console.log(`  place filters on scenario 1's database: ${JSON.stringify(result.placeFilters)}`);
  result.reimportSame = await step(page, 'relaisReimport', errors, 'same');
  result.reimportAgain = await step(page, 'relaisReimport', errors, 'again');
  if (!options.onlyImport) result.importMerge = await step(page, 'relaisImportMerge', errors);
  // Last of the size: in another browser, from this page's bundle (after it, this page's steps failed
  // with a bare "r" at 100k, not understood yet).
  const input = await step(page, 'importInput', errors);
  // BENCH_DUMP_INPUT=<file>: keep the bundle and its keys, to study its opening in Node (diagnosis).
  if (input && process.env.BENCH_DUMP_INPUT) writeFileSync(process.env.BENCH_DUMP_INPUT, JSON.stringify(input));
  if (input) {
    result.importUnderCap = await importUnderHeapCap(input, 'page', options.origin, errors);
    result.importUnderCapApp = await importUnderHeapCap(input, 'worker', options.origin, errors);
  }
  await step(page, 'cleanup', errors);
  await page.context().close();
  return result;
}

/**
 * Scenario 6: scenario 1 again in a browser whose heaps are capped at `HEAP_CAP_MB`: on the page's
 * thread (`page`: the whole import in one heap, the figure judged), or the app's way (`worker`: opened
 * in a Worker, written by the page; each heap capped on its own). The page crashing is the answer "the
 * import needs more", recorded, not an error of the run; any other failure is.
 */
async function importUnderHeapCap(input: ImportInput, path: OpenPath, origin: string, errors: string[]): Promise<ImportUnderCap | undefined> {
  const capped = await chromium.launch(benchLaunchOptions(HEAP_CAP_MB));
  const label = `import ${path}, heap ≤ cap`;
  const started = Date.now();
  try {
    const cappedPage = await openBenchPage(capped, origin);
    const figure = await cappedPage.evaluate(
      ([i, p]) => (window as unknown as { relaisBench: BenchApi }).relaisBench.relaisImportUnderCap(i, p), [input, path] as const,
    );
    if (!figure.check.ok) errors.push(`relaisImportUnderCap: wrong result — ${figure.check.detail}`);
    console.log(`  ${label.padEnd(18)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${figure.check.ok ? '✓' : '✗ WRONG'} peak ${(figure.heapPeak / 2 ** 20).toFixed(0)} MB of ${figure.heapLimitMB.toFixed(0)}`);
    return { capMB: HEAP_CAP_MB, completed: true, figure };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (!/crash/i.test(message)) {
      errors.push(`relaisImportUnderCap: ${message}`);
      return undefined;
    }
    console.log(`  ${label.padEnd(18)} the page crashed: the import needs more than ${HEAP_CAP_MB} MB of heap`);
    return { capMB: HEAP_CAP_MB, completed: false };
  } finally {
    await capped.close();
  }
}

/** Median of every number found at the same place in each run (other values: the first run's). */
function medianDeep(values: unknown[]): unknown {
  const first = values[0];
  if (typeof first === 'number') return median(values.filter((v): v is number => typeof v === 'number'));
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    return Object.fromEntries(Object.keys(first).map((key) => [key, medianDeep(values.map((v) => (v as Record<string, unknown> | undefined)?.[key]))]));
  }
  return first;
}

function medianResult(runs: SizeResult[]): SizeResult {
  return medianDeep(runs) as SizeResult;
}

function medianOf(timings: UiTiming[]): number | null {
  return median(timings.map((t) => t.ms).filter((ms): ms is number => ms !== null));
}

async function runFormats(browser: Browser, options: DriverOptions, activities: number, errors: string[]): Promise<FormatsResult | undefined> {
  console.log(`\n— CRA export of ${activities.toLocaleString('en')} activities (CSV, XLSX)`);
  const page = await openBenchPage(browser, options.origin);
  const result = await step(page, 'formatsExport', errors, activities, options.seed);
  await page.context().close();
  if (result) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    console.log(`  toArray+stringify ${result.baselineMs.toFixed(0)} ms · export's reads alone ${result.readMs.toFixed(0)} ms · CSV ${result.csv.ms.toFixed(0)} ms (${mb(result.csv.bytes)}, heap peak ${mb(result.csv.heapPeak)}) · XLSX ${result.xlsx.ms.toFixed(0)} ms (${mb(result.xlsx.bytes)}, heap peak ${mb(result.xlsx.heapPeak)})`);
  }
  return result;
}

async function runBackup(browser: Browser, options: DriverOptions, records: number, errors: string[]): Promise<BackupResult | undefined> {
  console.log(`\n— Backup and restore of ${records.toLocaleString('en')} records`);
  const page = await openBenchPage(browser, options.origin);
  const result = await step(page, 'backupRestore', errors, records, options.seed);
  await page.context().close();
  if (result) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    console.log(`  toArray+stringify ${result.toArrayMs.toFixed(0)} ms · backup ${result.backupMs.toFixed(0)} ms (${mb(result.backupBytes)}, heap peak ${mb(result.backupHeap)}, at its start ${mb(result.backupHeapBase)}) · bulkPut ${result.bulkPutMs.toFixed(0)} ms · restore ${result.restoreMs.toFixed(0)} ms (heap peak ${mb(result.restoreHeap)}, at its start ${mb(result.restoreHeapBase)}) · ${result.check.detail}`);
    if (!result.check.ok) errors.push(`backupRestore: ${result.check.detail}`);
  }
  return result;
}

/**
 * `BENCH_UI_PROFILE=<dir>`: the UI scenario's profile kept in `dir` (not removed), and its seeded
 * database reused by the next run with the same activities and seed — seeding a million activities on
 * disk takes ~37 min here, walking the app a few. For work on the UI at scale, never for the figures
 * of record (a database walked before is not a fresh one).
 */
async function seedOrReuse(page: Page, errors: string[], activities: number, seed: number, kept: string | undefined): Promise<{ ok: boolean; ms: number } | undefined> {
  const marker = kept && join(kept, `relais-seeded-${activities}-${seed}.json`);
  if (marker && existsSync(marker)) {
    console.log(`  (database reused from ${kept}: BENCH_UI_PROFILE)`);
    return JSON.parse(readFileSync(marker, 'utf8')) as { ok: boolean; ms: number };
  }
  const seeded = await step(page, 'seedUi', errors, activities, seed);
  if (marker && seeded?.ok) writeFileSync(marker, JSON.stringify({ ok: true, ms: seeded.ms }));
  return seeded;
}

async function runUi(browser: Browser, options: DriverOptions, activities: number, errors: string[]): Promise<UiResult | undefined> {
  console.log(`\n— UI with ${activities.toLocaleString('en')} activities`);
  // Past 100k activities the database outgrows an in-memory profile's quota: on disk, as the app's.
  const kept = process.env.BENCH_UI_PROFILE || undefined;
  const page = await openBenchPage(browser, options.origin, activities > 100_000, kept);
  const seeded = await seedOrReuse(page, errors, activities, options.seed, kept);
  if (!seeded?.ok) {
    errors.push('seedUi: the app database was not seeded');
    await page.context().close();
    return undefined;
  }
  const dashboardProbe = await step(page, 'probeDashboard', errors);
  if (dashboardProbe) console.log(`  (dashboard data: places' communes ${dashboardProbe.placesMs.toFixed(0)} ms, a type filter's figures ${dashboardProbe.filterMs.toFixed(0)} ms; ${dashboardProbe.rows} count rows, ${dashboardProbe.places} places; two filters: ${Object.entries(dashboardProbe.twoFilters).map(([name, f]) => `${name} ${f.ms.toFixed(0)} ms (${f.source}, ${f.activities} activities)`).join(', ')})`);
  page.on('console', (msg) => { if (msg.type() === 'error') console.error(`  [app console] ${msg.text()}`); });
  const walk = await walkApp(page, `${options.origin}/app/index.html#/`, options.uiWalk === 'dashboard', activities);
  await page.context().close();
  const ui: UiResult = { activities, seedMs: seeded.ms, dashboardProbe, ...walk };
  const show = (name: string, timings: UiTiming | UiTiming[]) => {
    const list = Array.isArray(timings) ? timings : [timings];
    const figure = medianOf(list);
    const notes = list.filter((t) => t.ms === null).map((t) => t.detail);
    console.log(`  ${name.padEnd(18)} ${figure === null ? 'n/a' : `${figure.toFixed(0)} ms`} ${list.map((t) => (t.ms === null ? '–' : t.ms.toFixed(0))).join(' / ')} ${notes[0] ?? ''}`);
  };
  show('app start', ui.appStart);
  show('home (cold)', ui.homeCold);
  show('list first screen', ui.listFirstScreen);
  show('home counts', ui.homeCounts);
  show('search keystroke', ui.searchKeystroke);
  show('filter change', ui.filterChange);
  show('dashboard first', ui.dashboardFirst);
  show('dashboard filter', ui.dashboardFilter);
  show('drill-down first', ui.drillFirst);
  if (ui.pagedFirst) {
    show('paged list first', ui.pagedFirst);
    show('paged next 200', ui.pagedNext ?? []);
    show('paged type filter', ui.pagedTypeFilter ?? []);
  }
  return ui;
}

function machine(browserVersion: string) {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model ?? 'unknown', cpuCount: cpu.length, memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`, node: process.version, chromium: browserVersion,
  };
}

interface BenchOutput {
  startedAt: string;
  durationS: number;
  seed: number;
  machine: ReturnType<typeof machine>;
  summary: ReturnType<typeof buildSummary>;
  sizes: SizeResult[];
  ui: UiResult | undefined;
  formats?: FormatsResult;
  backup?: BackupResult;
  uiUnavailable: string | null;
  errors: string[];
}

/** The JSON results and, beside them, the two tables in Markdown (for the README). */
function writeOutput(file: string, output: BenchOutput): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  const m = output.machine;
  const markdown = [
    `Run of ${output.startedAt} (${output.durationS} s), seed ${output.seed}: ${m.cpuCount} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}, Chromium ${m.chromium}, Node ${m.node}.`,
    '', formatTable(output.summary, true), '', formatFigures(output.sizes, true), '',
  ].join('\n');
  writeFileSync(file.replace(/\.json$/, '.md'), markdown);
}

/** Recompute the tables of a results file (after a change to report.ts), without measuring again. */
export function rewriteReport(file: string): void {
  const output = JSON.parse(readFileSync(file, 'utf8')) as BenchOutput;
  output.summary = buildSummary(output.sizes, output.ui, output.formats, output.backup);
  writeOutput(file, output);
  console.log(`${formatFigures(output.sizes)}\n\n${formatTable(output.summary)}`);
}

interface ImportAtSize {
  size: number;
  setup?: StepResult<'prepareRegionFolder'>;
  folder?: StepResult<'relaisImportRegion'>;
  bulkPut?: StepResult<'baselineBulkPutParts'>;
  /** The step during which the page crashed (its heap is capped at `HEAP_CAP_MB`). */
  crashedIn?: string;
}

/**
 * `--import-1m` (issue 10, Scale): the folder import of 100k and of 1M records in bundles of one size
 * (a mediator's), and raw bulkPut of the same records, in one browser, one after the other.
 */
async function runImport1m(browser: Browser, options: DriverOptions, errors: string[]): Promise<ImportAtSize[]> {
  const results: ImportAtSize[] = [];
  for (const size of options.import1mSizes ?? [100_000, 1_000_000]) {
    console.log(`\n— import of ${size.toLocaleString('en')} records as a folder`);
    // On disk at every size: a million records outgrow an in-memory profile, and the growth compares like
    // with like. Its heap capped at the issue's 400 MB, as scenario 6's: a page that needs more crashes.
    // BENCH_HEAP_CAP=0: uncapped, to see what the heap would reach (diagnosis, not figures of record).
    const page = await openBenchPage(browser, options.origin, true, undefined, process.env.BENCH_HEAP_CAP === '0' ? undefined : HEAP_CAP_MB);
    const result: ImportAtSize = { size };
    let phase = 'baselineBulkPutParts';
    page.on('crash', () => { result.crashedIn ??= phase; });
    // Raw bulkPut first, into an empty profile: after the import it shared the origin's store with the
    // imported million and did not finish within 30 minutes (2026-12-01), which measured the neighbour.
    phase = 'baselineBulkPutParts';
    result.bulkPut = await step(page, 'baselineBulkPutParts', errors, size, options.seed);
    if (!options.import1mRawOnly) {
      phase = 'prepareRegionFolder';
      result.setup = await step(page, 'prepareRegionFolder', errors, size, options.seed);
      phase = 'relaisImportRegion';
      result.folder = await step(page, 'relaisImportRegion', errors, size);
      if (result.folder) console.log(`  live heap every 10 progress calls (MB): ${result.folder.liveHeapMB.join(' ')}`);
    }
    if (result.crashedIn) console.log(`  the page crashed in ${result.crashedIn}: it needed more than ${HEAP_CAP_MB} MB of heap`);
    else await step(page, 'cleanup', errors);
    await page.context().close();
    results.push(result);
  }
  return results;
}

function import1mMarkdown(results: ImportAtSize[], header: string): string {
  const [small, large] = results;
  const perRecord = (ms: number | undefined, size: number) => (ms === undefined ? undefined : ms / size);
  const growth = (a?: number, b?: number) => (a === undefined || b === undefined ? 'n/a' : `${(b / a).toFixed(2)}×`);
  const s = (ms?: number) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
  const importGrowth = growth(perRecord(small.folder?.ms, small.size), perRecord(large?.folder?.ms, large?.size ?? 1));
  const rawGrowth = growth(perRecord(small.bulkPut?.ms, small.size), perRecord(large?.bulkPut?.ms, large?.size ?? 1));
  const peak = large?.crashedIn === 'relaisImportRegion' ? Number.POSITIVE_INFINITY : large?.folder?.peakHeapMB;
  const judge = (value: string, target: number) => (value === 'n/a' ? 'n/a' : Number.parseFloat(value) <= target ? 'met' : 'NOT MET');
  const rows = results.map((r) => `| ${r.size.toLocaleString('en')} | ${r.setup?.files ?? 'n/a'} | ${s(r.folder?.ms)} | ${s(r.folder?.openMs)} | ${s(r.folder?.writeMs)} | ${r.folder ? ((r.folder.ms / r.size) * 1000).toFixed(0) : 'n/a'} µs | ${s(r.bulkPut?.ms)} | ${r.folder && r.bulkPut ? `${(r.folder.ms / r.bulkPut.ms).toFixed(2)}×` : 'n/a'} | ${r.folder ? `${r.folder.peakHeapMB.toFixed(0)} MB` : 'n/a'} | ${r.folder?.check.ok ? '✓' : '✗'} |`);
  return [
    header, '',
    '| scenario | target | value | status |', '| --- | --- | --- | --- |',
    `| Import of ${large?.size.toLocaleString('en') ?? 'n/a'} records (folder of bundles): per-record cost vs ${small.size.toLocaleString('en')} | ≤ 1.20× | ${importGrowth} | ${judge(importGrowth, 1.2)} |`,
    `| (raw bulkPut growth, same records, reference) |  | ${rawGrowth} |  |`,
    // Met when the capped page completed (the sampled peak can read past the cap: see bench/report.ts, scenario 6).
    `| Peak JS heap (page), ${large?.size.toLocaleString('en') ?? 'n/a'} import, the page's heap capped at ${HEAP_CAP_MB} MB (crash = over; met = completed, sampled peak shown) | ≤ ${HEAP_CAP_MB} MB | ${peak === undefined ? 'n/a' : peak === Number.POSITIVE_INFINITY ? 'over (crashed)' : `${peak.toFixed(0)} MB`} | ${peak === undefined ? 'n/a' : peak === Number.POSITIVE_INFINITY ? 'NOT MET' : 'met'} |`,
    ...results.filter((r) => r.crashedIn).map((r) => `| (${r.size.toLocaleString('en')}: the page crashed at its heap cap in ${r.crashedIn}) |  |  |  |`),
    '',
    '| records | files | folder import | of which open | of which write | per record | raw bulkPut | import / bulkPut | peak heap | checks |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows, '',
  ].join('\n');
}

export async function runBench(options: DriverOptions): Promise<number> {
  const browser = await chromium.launch(benchLaunchOptions());
  const errors: string[] = [];
  const sizes: SizeResult[] = [];
  const started = new Date();
  try {
    if (options.import1m) {
      const results = await runImport1m(browser, options, errors);
      const m = machine(browser.version());
      const durationS = Math.round((Date.now() - started.getTime()) / 1000);
      const header = `Run of ${started.toISOString()} (${durationS} s), seed ${options.seed}: ${m.cpuCount} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}, Chromium ${m.chromium}, Node ${m.node}.`;
      const markdown = import1mMarkdown(results, header);
      console.log(`\n${markdown}`);
      mkdirSync(dirname(options.out), { recursive: true });
      writeFileSync(options.out, `${JSON.stringify({ startedAt: started.toISOString(), durationS, seed: options.seed, machine: m, import1m: results, errors }, null, 2)}\n`);
      writeFileSync(options.out.replace(/\.json$/, '.md'), markdown);
      console.log(`\nresults written to ${options.out}`);
      return finish(errors);
    }
    for (const size of options.sizes) {
      const runs = size <= 10_000 ? Math.max(1, options.repeatSmall) : 1;
      const repetitions: SizeResult[] = [];
      for (let i = 0; i < runs; i++) repetitions.push(await runSize(browser, options, size, errors));
      sizes.push(runs === 1 ? repetitions[0] : { ...medianResult(repetitions), repetitions });
    }
    const ui = options.uiActivities ? await runUi(browser, options, options.uiActivities, errors) : undefined;
    const formats = options.formatsActivities ? await runFormats(browser, options, options.formatsActivities, errors) : undefined;
    const backup = options.backupRecords ? await runBackup(browser, options, options.backupRecords, errors) : undefined;
    const summary = buildSummary(sizes, ui, formats, backup);
    console.log(`\n${formatFigures(sizes)}`);
    console.log(`\n${formatTable(summary)}`);
    const output: BenchOutput = {
      startedAt: started.toISOString(), durationS: Math.round((Date.now() - started.getTime()) / 1000), seed: options.seed,
      machine: machine(browser.version()), summary, sizes, ui, formats, backup, uiUnavailable: options.uiUnavailable ?? null, errors,
    };
    writeOutput(options.out, output);
    console.log(`\nresults written to ${options.out}`);
  } finally {
    await browser.close();
    removeDiskProfiles();
  }
  return finish(errors);
}

function finish(errors: string[]): number {
  if (errors.length > 0) {
    console.error(`\n${errors.length} step(s) failed or gave a wrong result:\n  ${errors.join('\n  ')}`);
    return 1;
  }
  return 0;
}
