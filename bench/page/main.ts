/**
 * The benchmark page. The driver (bench/driver.ts) calls `window.relaisBench.<step>()` one step at a
 * time with Playwright; every step measures inside the page with performance.now() and returns plain
 * JSON (figures + a correctness check). Datasets are generated here, not shipped from Node, so the
 * records never cross the DevTools protocol.
 */
import Dexie from 'dexie';
import { RelaisDatabase } from '../../renderer/src/db/schema';
import { placeCommunes, readDashboard, scanDashboard, statsDifferFromRecount } from '../../renderer/src/db/stats/dashboard';
import { mergeRecord, type SyncRecord } from '../../renderer/src/domain/sync/merge';
import {
  AUTHORED_TABLES, SHARED_TABLES, TABLES, contentHash, countRecords, datasetHash, datasetMix, editOnDevice, datasetInParts, generateDataset, jsonBytes,
  type Dataset,
} from '../generate';
import { RAW_DB, dexieExportImport, pouchBulkDocs, rawBulkPut, toArrayStringify, type Check, type Figure } from './baselines';
import { currentHeap, startHeap, stopHeap } from './heap';
import { probeCodec, probeReads } from './probes';
import {
  DEFAULT_OPEN_PATH, enrolExporter, exportAll, importAll, makeAuthors, makeReceiver, prepareExporter, sealBenchKeys, sealDataset,
  type Authors, type OpenPath, type Receiver,
} from './relais';
import type { SignedCard } from '../../renderer/src/domain/sync/card';
import { fromBase64, toBase64 } from '../../renderer/src/domain/sync/keys';
import type { Statement } from '../../renderer/src/domain/sync/seal';
import { exportFormats } from './formats';
import { FOLDER_FILES, FOLDER_SOURCE_DB, importFolder, prepareFolder, benchFileSize, type Folder } from './folder';
import { backupAndRestore } from './backup';
import { importRegion, prepareRegion, rawBulkPutInParts, type Region } from './region';
import { bulkPutDataset, expectedCounts, freshDb, maxSeq, sameCounts, storedHash, tableCounts } from './store';

interface State {
  /** The mediators who wrote the records (their keys seal them). */
  authors?: Authors;
  /** The coordinator's card that signed `bundle` / the merge bundle: receivers enrol it. */
  exporter?: SignedCard;
  mergeExporter?: SignedCard;
  dataset?: Dataset;
  /** The mediators' statements sealing `dataset` (and, for scenario 2, the resealed edits). */
  statements?: Statement[];
  hash?: string;
  counts?: Record<string, number>;
  receiver?: Receiver;
  bundle?: Uint8Array;
  /** Same records as `bundle`, exported again: a different bundle id, nothing new inside. */
  bundleAgain?: Uint8Array;
  mergeBundle?: Uint8Array;
  mergeExpected?: { hash: string; conflicts: number; counts: Record<string, number> };
  /** Scenario 12: the records as a folder of bundles and as one. */
  folder?: Folder;
  /** The 1M import (`--import-1m`): a region's records as its mediators' bundles. */
  region?: Region;
}
const state: State = {};

const S1_DB = 'bench-s1';
const S2_DB = 'bench-s2';
const REMOTE_DB = 'bench-remote';
const FOLDER_DB = 'bench-folder';
/** Edits in scenario 2 happen after every generated record and before today (no quarantine). */
const LOCAL_EDIT_MILLIS = Date.UTC(2025, 6, 1, 9);
const REMOTE_EDIT_MILLIS = Date.UTC(2025, 6, 2, 9);

function gc(): void {
  (globalThis as unknown as { gc?: () => void }).gc?.();
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`bench step out of order: ${what} missing`);
  return value;
}

async function generate(size: number, seed: number) {
  state.authors ??= await makeAuthors();
  const start = performance.now();
  state.dataset = generateDataset(size, seed, state.authors.deviceIds);
  const ms = performance.now() - start;
  // Each mediator sealed her activities and followed people when she exported them (not timed: done
  // once per record version, on her laptop, long before the coordinator's export).
  const sealed = await sealDataset(state.dataset, state.authors);
  state.statements = sealed.statements;
  const sealMs = sealed.ms;
  state.hash = datasetHash(state.dataset);
  state.counts = expectedCounts(state.dataset);
  const all = TABLES.flatMap((t) => state.dataset![t] as object[]);
  const rawJsonBytes = jsonBytes(all);
  return { ms, sealMs, records: countRecords(state.dataset), counts: state.counts, rawJsonBytes, avgRecordBytes: rawJsonBytes / all.length, hash: state.hash };
}

async function baselineBulkPut(): Promise<Figure> {
  return rawBulkPut(need(state.dataset, 'dataset'), need(state.hash, 'hash'));
}

async function baselineDexie() {
  return dexieExportImport(need(state.dataset, 'dataset'), need(state.hash, 'hash'));
}

async function baselinePouch(): Promise<Figure> {
  return pouchBulkDocs(need(state.dataset, 'dataset'));
}

async function baselineToArray(): Promise<Figure> {
  return toArrayStringify(need(state.dataset, 'dataset'));
}

/** Scenario 5: export everything in the bulkPut database to an encrypted, signed bundle. */
async function relaisExport(): Promise<Figure & { bundleBytes: number; heapPeak: number; heapStart: number }> {
  state.receiver = await makeReceiver();
  const db = new RelaisDatabase(RAW_DB);
  await db.open();
  state.exporter = await prepareExporter(db, need(state.authors, 'authors'), state.receiver, need(state.statements, 'statements'));
  gc();
  const heapStart = startHeap();
  const start = performance.now();
  state.bundle = await exportAll(db, state.receiver);
  const ms = performance.now() - start;
  const heapPeak = stopHeap();
  state.bundleAgain = await exportAll(db, state.receiver);
  db.close();
  const ok = state.bundle.length > 0 && state.bundleAgain.length > 0;
  return { ms, bundleBytes: state.bundle.length, heapPeak, heapStart, check: { ok, detail: `${state.bundle.length} bytes` } };
}

/**
 * Scenario 2 set-up (not timed): this database holds every record with 3 % edited here; the bundle
 * holds every record with 10 % edited on another device, some on the same fields (conflicts). The
 * expected result is computed with the pure merge, record by record.
 */
async function prepareMerge() {
  const base = need(state.dataset, 'dataset');
  const authors = need(state.authors, 'authors');
  // Edited here: reference data only (a coordinator cannot edit her mediators' activities, issue 9).
  const local = editOnDevice(base, { fraction: 0.3, device: '1'.repeat(32), millis: LOCAL_EDIT_MILLIS, seed: 3, tables: SHARED_TABLES }).dataset;
  // Edited elsewhere: reference data on another device, activities and people by their own author (resealed).
  const remote = editOnDevice(base, { fraction: 0.1, device: '2'.repeat(32), millis: REMOTE_EDIT_MILLIS, seed: 4 });
  const resealed = new Set([...remote.editedIds].filter((id) => AUTHORED_TABLES.some((t) => remote.dataset[t].some((r) => r.id === id))));
  const resealedStatements = (await sealDataset(remote.dataset, authors, resealed)).statements;
  const remoteDb = await freshDb(REMOTE_DB);
  await bulkPutDataset(remoteDb, remote.dataset);
  state.mergeExporter = await prepareExporter(remoteDb, authors, need(state.receiver, 'receiver'), [...need(state.statements, 'statements'), ...resealedStatements]);
  state.mergeBundle = await exportAll(remoteDb, need(state.receiver, 'receiver'));
  remoteDb.close();
  await Dexie.delete(REMOTE_DB);
  const target = await freshDb(S2_DB);
  await bulkPutDataset(target, local);
  await enrolExporter(target, state.mergeExporter);
  target.close();
  const merged: object[] = [];
  let conflicts = 0;
  for (const table of TABLES) {
    const byId = new Map((local[table] as unknown as SyncRecord[]).map((r) => [r.id, r]));
    for (const record of remote.dataset[table] as unknown as SyncRecord[]) {
      const result = mergeRecord(byId.get(record.id), { ...record, seq: undefined });
      conflicts += result.conflicts.length;
      merged.push(result.record);
    }
  }
  state.mergeExpected = { hash: contentHash(merged), conflicts, counts: expectedCounts(base) };
  // The set-up itself must make sense: edits on both sides, some on the same fields.
  // Genuinely concurrent same-field edits are rare (each edit knew the value it replaced): at 1k
  // there may be none, so conflicts are required only from 10k records on.
  const ok = remote.editedIds.size > 0 && (conflicts > 0 || countRecords(base) < 10_000) && state.mergeExpected.hash !== state.hash;
  const detail = `${remote.editedIds.size} records edited elsewhere, ${conflicts} conflicts expected`;
  return { bundleBytes: state.mergeBundle.length, remoteEdited: remote.editedIds.size, expectedConflicts: conflicts, check: { ok, detail } };
}

/** Scenario 12 set-up (not timed): the same records as a folder of 50 bundles and as one (bench/page/folder.ts). */
async function prepareTeamFolder() {
  state.receiver ??= await makeReceiver(); // made by scenario 5, unless scenario 12 runs alone
  state.folder = await prepareFolder(need(state.dataset, 'dataset'), need(state.authors, 'authors'), state.receiver, need(state.statements, 'statements'));
  const bytes = state.folder.files.reduce((sum, file) => sum + benchFileSize(file), 0);
  return { files: state.folder.files.length, bytes, wholeBytes: benchFileSize(state.folder.whole), check: { ok: state.folder.files.length === FOLDER_FILES, detail: `${state.folder.files.length} files, ${bytes} bytes` } };
}

/** The 1M import's set-up (not timed): `size` records as bundles of a mediator's size, made a part at a time. */
async function prepareRegionFolder(size: number, seed: number) {
  state.authors ??= await makeAuthors();
  state.receiver ??= await makeReceiver();
  state.region = undefined;
  gc();
  const region = await prepareRegion(size, seed, state.authors, state.receiver);
  state.region = { exporter: region.exporter, files: region.files };
  return { files: region.files.length, bytes: region.bytes, ms: region.ms, check: { ok: region.files.length > 0, detail: `${region.files.length} files, ${region.bytes} bytes` } };
}

/** The 1M import (and its 100k yardstick): the region's bundles through the folder import; the files are dropped after. */
async function relaisImportRegion(size: number) {
  const region = need(state.region, 'region');
  try {
    return await importRegion(region, size, need(state.receiver, 'receiver'));
  } finally {
    state.region = undefined;
    gc();
  }
}

/** Raw bulkPut of the same `size` records, generated a part at a time (the 1M import's floor). */
async function baselineBulkPutParts(size: number, seed: number) {
  state.authors ??= await makeAuthors();
  return rawBulkPutInParts(size, seed, state.authors);
}

/** Scenario 12: the folder of 50 bundles, or the one bundle, through the folder import into an empty database. */
async function relaisImportFolder(which: 'folder' | 'one') {
  const folder = need(state.folder, 'folder');
  const files = which === 'folder' ? folder.files : [folder.whole];
  const db = await freshDb(FOLDER_DB);
  await enrolExporter(db, folder.exporter);
  gc();
  const figure = await importFolder(db, files, need(state.receiver, 'receiver'));
  const why = figure.notImported.length > 0 ? ` — ${figure.notImported.slice(0, 3).join('; ')}` : '';
  const check = await contentCheck(db, need(state.counts, 'counts'), need(state.hash, 'hash'), `; ${figure.imported}/${figure.files} files imported${why}`);
  db.close();
  await Dexie.delete(FOLDER_DB);
  // The folder runs last of the two: its files are not needed any more (and would weigh on scenario 6).
  if (which === 'folder') state.folder = undefined;
  return { ...figure, check: { ok: check.ok && figure.imported === figure.files, detail: check.detail } };
}

/** Breakdown of the import path's costs on this dataset (informative). */
async function probes() {
  const dataset = need(state.dataset, 'dataset');
  return { ...(await probeCodec(dataset)), reads: await probeReads(RAW_DB, dataset) };
}

/** Free the generated records before the import scenarios: the app would not hold them either. */
async function dropDataset() {
  state.dataset = undefined;
  state.statements = undefined;
  gc();
  await new Promise((r) => setTimeout(r, 200));
  gc();
  return { heap: currentHeap() };
}

interface ImportFigure extends Figure {
  openPath: OpenPath;
  openMs: number;
  writeMs: number;
  heapStart: number;
  heapPeak: number;
  report: unknown;
}

type Verify = (db: RelaisDatabase, report: { counts: Record<string, number>; conflictsLogged: number; alreadyImported: boolean; refused: number }, seqBefore: number) => Promise<Check>;

async function timedImport(dbName: string, bytes: Uint8Array, fresh: boolean, verify: Verify, openPath: OpenPath = DEFAULT_OPEN_PATH): Promise<ImportFigure> {
  const db = fresh ? await freshDb(dbName) : new RelaisDatabase(dbName);
  await db.open();
  if (fresh) await enrolExporter(db, need(state.exporter, 'exporter'));
  const seqBefore = await maxSeq(db);
  gc();
  const heapStart = startHeap();
  const start = performance.now();
  const { openMs, writeMs, report } = await importAll(db, bytes, need(state.receiver, 'receiver'), openPath);
  const ms = performance.now() - start;
  const heapPeak = stopHeap();
  const check = await verify(db, report, seqBefore);
  db.close();
  return { ms, openPath, openMs, writeMs, heapStart, heapPeak, report, check };
}

async function contentCheck(db: RelaisDatabase, counts: Record<string, number>, hash: string, extra = ''): Promise<Check> {
  const got = await tableCounts(db);
  const gotHash = await storedHash(db);
  // Issue 10: the dashboard's rows, maintained in every write's transaction, equal a full recount.
  const differing = await statsDifferFromRecount(db);
  const ok = sameCounts(got, counts) && gotHash === hash && differing.length === 0;
  return { ok, detail: `counts ${JSON.stringify(got)} hash ${gotHash} (expected ${hash}); dashboard rows differing from a recount: ${differing.length} ${extra}`.trim() };
}

/**
 * Scenario 1: the bundle into an empty database, the app's way (opened in a Worker when the app has one).
 * With `page`, the same import entirely on the page's thread: its heap peak is scenario 6's figure
 * (a Worker's heap is not visible from the page).
 */
async function relaisImportEmpty(path: OpenPath = DEFAULT_OPEN_PATH): Promise<ImportFigure> {
  const counts = need(state.counts, 'counts');
  const hash = need(state.hash, 'hash');
  return timedImport(S1_DB, need(state.bundle, 'bundle'), true, async (db, report) => {
    const check = await contentCheck(db, counts, hash);
    return { ok: check.ok && report.refused === 0, detail: `${check.detail}; refused ${report.refused}` };
  }, path);
}

/** What a second page needs to run scenario 1 on its own: the bundle (base64), its keys, the expected content. */
export interface ImportInput { bundle: string; exporter: SignedCard; receiver: Receiver; counts: Record<string, number>; hash: string }

function importInput(): ImportInput {
  return {
    bundle: toBase64(need(state.bundle, 'bundle')), exporter: need(state.exporter, 'exporter'), receiver: need(state.receiver, 'receiver'),
    counts: need(state.counts, 'counts'), hash: need(state.hash, 'hash'),
  };
}

/**
 * Scenario 6 under a ceiling: scenario 1 on the page's thread, in a page whose V8 heap cannot grow past
 * the driver's cap (a heap the import needs beyond it crashes the page). A peak sampled in an uncapped
 * page counts garbage V8 chose not to collect yet, and swings from run to run; completing under the cap
 * shows the import never needs more.
 */
async function relaisImportUnderCap(input: ImportInput, path: OpenPath = 'page'): Promise<ImportFigure & { heapLimitMB: number }> {
  state.bundle = fromBase64(input.bundle);
  Object.assign(state, { exporter: input.exporter, receiver: input.receiver, counts: input.counts, hash: input.hash });
  const figure = await relaisImportEmpty(path);
  const limit = (performance as unknown as { memory?: { jsHeapSizeLimit: number } }).memory?.jsHeapSizeLimit ?? 0;
  return { ...figure, heapLimitMB: limit / 2 ** 20 };
}

/**
 * Scenario 3: the same records again. 3a = the very same file (recognised by its bundle id);
 * 3b = a new export of the same records (different id: every record merged, none rewritten).
 */
async function relaisReimport(which: 'same' | 'again'): Promise<ImportFigure> {
  const counts = need(state.counts, 'counts');
  const hash = need(state.hash, 'hash');
  const bytes = which === 'same' ? need(state.bundle, 'bundle') : need(state.bundleAgain, 'bundleAgain');
  return timedImport(S1_DB, bytes, false, async (db, report, seqBefore) => {
    const check = await contentCheck(db, counts, hash);
    const seqAfter = await maxSeq(db);
    const unchanged = which === 'same' ? report.alreadyImported : report.counts.unchanged === Object.values(counts).reduce((a, b) => a + b, 0);
    const ok = check.ok && seqAfter === seqBefore && unchanged;
    return { ok, detail: `${check.detail}; max seq ${seqBefore} → ${seqAfter}; report ${JSON.stringify(report)}` };
  });
}

/** Scenario 2: every record exists, 10 % changed elsewhere, some conflicting. */
async function relaisImportMerge(): Promise<ImportFigure> {
  const expected = need(state.mergeExpected, 'mergeExpected');
  return timedImport(S2_DB, need(state.mergeBundle, 'mergeBundle'), false, async (db, report) => {
    const check = await contentCheck(db, expected.counts, expected.hash);
    const ok = check.ok && report.conflictsLogged === expected.conflicts && report.refused === 0;
    return { ok, detail: `${check.detail}; conflicts ${report.conflictsLogged} (expected ${expected.conflicts}); refused ${report.refused}` };
  });
}

/** The key found most often. */
function busiest(keys: string[]): string {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * Scenario 1's database read as the dashboard reads it with a place, a commune or a département filter
 * (places keep no count rows: a place's activities are read through the `[placeId+date]` index; a
 * commune's and a département's, their places' included, from their rows), over the whole history: the
 * busiest place, its commune and département, median of 3 each, with the activities counted (informative).
 */
async function probePlaceFilters() {
  const db = new RelaisDatabase(S1_DB);
  await db.open();
  const places = await placeCommunes(db);
  const held = await db.activities.where('[placeId+date]').between([Dexie.minKey, Dexie.minKey], [Dexie.maxKey, Dexie.maxKey]).keys() as unknown as Array<[string, string]>;
  const place = busiest(held.map(([id]) => id));
  const commune = places.get(place) ?? '';
  const departement = commune.startsWith('97') ? commune.slice(0, 3) : commune.slice(0, 2);
  const figures: Record<string, { ms: number; activities: number }> = {};
  for (const [name, filters] of [['place', { place }], ['commune', { commune }], ['departement', { departement }]] as const) {
    const runs: number[] = [];
    let activities = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      activities = (await readDashboard(db, filters, places)).totals.activities;
      runs.push(performance.now() - start);
    }
    figures[name] = { ms: runs.sort((a, b) => a - b)[1], activities };
  }
  db.close();
  return figures;
}

/**
 * Scenario 7 set-up: the app's own database ('relais', same origin as /app/) with `activities`
 * activities and the villages, places, people and surveys that go with them, plus a profile and sealed
 * keys so the first-run screen is skipped.
 */
/**
 * Scenario 10's data side, on the seeded app database (informative): reading the places' communes, and
 * the figures for each type filter with the places known (what a filter change reads) — medians of 3.
 */
async function probeDashboard() {
  const db = new RelaisDatabase('relais');
  await db.open();
  const time = async (read: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await read();
      runs.push(performance.now() - start);
    }
    return runs.sort((a, b) => a - b)[1];
  };
  const placesMs = await time(() => placeCommunes(db));
  const places = await placeCommunes(db);
  const filterMs = await time(async () => { for (const type of ['collectif', 'individuel', '']) await readDashboard(db, { type }, places); }) / 3;
  const rows = await db.activityStats.count();
  // Two filters at once (informative, one run each): the type with another is read from the rows (each
  // row is kept per type), beside the scan the dashboard made of them before (`scan:` lines); two
  // filters besides the type (commune + thématique) are still a scan.
  const commune = busiest([...places.values()]);
  const twoFilters: Record<string, { ms: number; source: string; activities: number }> = {};
  const pairs = [
    ['type+commune', { type: 'collectif', commune }], ['type+thematique', { type: 'collectif', thematique: 'email' }], ['commune+thematique', { commune, thematique: 'email' }],
  ] as const;
  for (const [name, filters] of pairs) {
    for (const [label, read] of [[name, readDashboard], [`scan:${name}`, scanDashboard]] as const) {
      const start = performance.now();
      const figures = await read(db, filters, places);
      twoFilters[label] = { ms: performance.now() - start, source: figures.source, activities: figures.totals.activities };
    }
  }
  db.close();
  return { placesMs, filterMs, rows, places: places.size, twoFilters };
}

/** Activities generated and written per part when seeding the app (scenario 7 and 10, up to 1M). */
const SEED_CHUNK = 20_000;

async function seedUi(activities: number, seed: number) {
  // Which phase failed, and the error's own name and message (a minified class's bare name says nothing).
  let phase = 'open';
  try {
    return await seedUiPhases(activities, seed, (next) => { phase = next; });
  } catch (error) {
    const e = error as { name?: string; message?: string; stack?: string };
    throw new Error(`seedUi failed while ${phase}: ${e?.name ?? typeof error} ${e?.message ?? String(error)} ${(e?.stack ?? '').split('\n').slice(0, 4).join(' | ')}`, { cause: error });
  }
}

async function seedUiPhases(activities: number, seed: number, at: (phase: string) => void) {
  const size = Math.ceil(activities / (datasetMix(1_000_000).activities / 1_000_000)) + 10;
  const db = await freshDb('relais');
  // Generated and written a part at a time: a million activities never sit in the page's memory at once.
  let ms = 0;
  let written = 0;
  for (const part of datasetInParts(size, seed, { chunk: SEED_CHUNK, activities })) {
    at(`writing activities after ${written}`);
    const start = performance.now();
    await bulkPutDataset(db, part);
    ms += performance.now() - start;
    written += part.activities.length;
  }
  at('writing the profile and keys');
  const start = performance.now();
  await db.meta.put({ key: 'profile', value: { displayName: 'Banc d’essai', role: 'coordinateur', structure: 'Relais' } });
  await sealBenchKeys(db); // as the first run does: the app opens on its home screen, not on "protect your keys"
  ms += performance.now() - start;
  at('counting');
  const counts = await tableCounts(db);
  at('checking the rows against a recount');
  const differing = await statsDifferFromRecount(db);
  db.close();
  if (differing.length > 0) console.error(`dashboard rows differ from a recount: ${differing.slice(0, 5).join(', ')}`);
  return { ms, counts, ok: counts.activities === activities && differing.length === 0 };
}

async function seedFormats(activities: number, seed: number): Promise<RelaisDatabase> {
  const size = Math.ceil(activities / (datasetMix(1_000_000).activities / 1_000_000)) + 10;
  const dataset = generateDataset(size, seed);
  dataset.activities = dataset.activities.slice(0, activities);
  const db = await freshDb('bench-formats');
  await bulkPutDataset(db, dataset);
  return db;
}

/** Scenario 9: N activities (and what goes with them) exported as the CRA in CSV and in XLSX. */
async function formatsExport(activities: number, seed: number) {
  state.dataset = undefined;
  // The generated records are dropped once stored: the heap peaks measure the export alone.
  const db = await seedFormats(activities, seed);
  const result = await exportFormats(db, activities, gc);
  db.close();
  await Dexie.delete('bench-formats');
  return result;
}

/** Scenario 10: a backup of N records and its restore (bench/page/backup.ts). */
async function backupRestore(records: number, seed: number) {
  state.dataset = undefined;
  gc();
  return backupAndRestore(records, seed, gc);
}

async function cleanup() {
  state.bundle = state.bundleAgain = state.mergeBundle = undefined;
  state.exporter = state.mergeExporter = undefined;
  state.folder = undefined;
  state.dataset = undefined;
  for (const name of [RAW_DB, S1_DB, S2_DB, REMOTE_DB, FOLDER_DB, FOLDER_SOURCE_DB, 'bench-dxi']) await Dexie.delete(name);
  gc();
  return { heap: currentHeap() };
}

const api = {
  generate, baselineBulkPut, baselineDexie, baselinePouch, baselineToArray, relaisExport, prepareMerge, probes, dropDataset,
  relaisImportEmpty, importInput, relaisImportUnderCap, probePlaceFilters, relaisReimport, relaisImportMerge, prepareTeamFolder, relaisImportFolder, prepareRegionFolder, relaisImportRegion, baselineBulkPutParts, seedUi, probeDashboard, formatsExport, backupRestore, cleanup,
  heap: currentHeap,
};
export type BenchApi = typeof api;
(globalThis as unknown as { relaisBench: BenchApi }).relaisBench = api;
document.getElementById('status')!.dataset.ready = 'true';
