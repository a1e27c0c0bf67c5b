/**
 * The import of a region's million records (issue 10, "Scale"; `--import-1m`, not in the default run).
 * A region's records do not arrive as one file: they arrive as its ~300 mediators' bundles, so the 1M
 * import is measured as it happens — a folder import (db/teamImport.ts) of bundles of
 * `REGION_FILE_RECORDS` records each — against the same folder import of 100k records in bundles of the
 * same size (30 files), with raw `bulkPut` of the same records at both sizes beside them (first, into the
 * empty profile, then deleted), in one run.
 *
 * Nothing here holds a million records: the bundles are made a part at a time (records generated,
 * sealed, written into the exporting database and exported, then dropped from memory and from that database: only the bundles stay, as Blobs
 * outside the page's heap, read one at a time by the import as the desktop app reads a chosen folder),
 * the raw `bulkPut` generates its records a part at a time too, and the checks count and recount.
 */
import Dexie from 'dexie';
import { statsDifferFromRecount } from '../../renderer/src/db/stats/dashboard';
import { writeMeta } from '../../renderer/src/db/meta';
import { exportBundle } from '../../renderer/src/db/sync';
import type { SignedCard } from '../../renderer/src/domain/sync/card';
import { TABLES, datasetInParts, datasetMix, type TableName } from '../generate';
import { RAW_DB } from './baselines';
import { currentHeap, sample, startHeap, stopHeap } from './heap';
import { benchFileSize, importFolder, type BenchFile, type FolderImport } from './folder';
import { enrolExporter, prepareExporter, sealDataset, type Authors, type Receiver } from './relais';
import { BULK_CHUNK, freshDb, sameCounts, tableCounts } from './store';
import { chunks } from './timing';

/** Records per bundle: a million over ~300 mediators. */
export const REGION_FILE_RECORDS = 3_334;
const REGION_SOURCE_DB = 'bench-region-source';
const REGION_DB = 'bench-region';

export interface Region {
  exporter: SignedCard;
  files: BenchFile[];
}

/**
 * Not timed: `size` records, generated a part at a time, sealed by their authors, written into the
 * exporting database (without the dashboard's rows, which an export never reads), exported as
 * "changes" bundles of REGION_FILE_RECORDS records, oldest first, and cleared from it.
 */
export async function prepareRegion(size: number, seed: number, authors: Authors, receiver: Receiver): Promise<Region & { ms: number; bytes: number }> {
  const start = performance.now();
  const db = await freshDb(REGION_SOURCE_DB, { dashboardRows: false });
  const exporter = await prepareExporter(db, authors, receiver, []);
  const files: BenchFile[] = [];
  const exportSlice = async (slice: Array<{ table: TableName; record: { seq: number } }>) => {
    for (const table of TABLES) {
      const rows = slice.filter((entry) => entry.table === table).map((entry) => entry.record);
      if (rows.length > 0) await db.table(table).bulkPut(rows);
    }
    await writeMeta(db, 'seq', slice[slice.length - 1].record.seq);
    const prepared = await exportBundle(db, {
      kind: 'changes', protection: { type: 'recipient', recipient: receiver.recipient },
      author: { name: 'Banc d’essai', structure: 'Relais bench' }, app: 'relais-bench', now: new Date(Date.UTC(2025, 5, 30, 12, 0, files.length)),
    });
    await prepared.commit();
    // The exported records leave the exporting database: it stays a bundle's size instead of growing to
    // the million, whose writes slow down as the raw `bulkPut` does (6.1× per record from 100k to 1M),
    // which made this untimed set-up take longer than the import it prepares. The next "changes" export
    // reads from the mark just moved, so it never needed them.
    for (const table of TABLES) await db.table(table).clear();
    // Kept as a Blob, outside the page's heap, as the desktop app leaves a folder's files on disk until
    // the import reads each (platform `readChosenFile`): the heap measured is the import's, not the folder's.
    files.push({ name: `mediator-${String(files.length + 1).padStart(3, '0')}.relais`, bytes: new Blob([prepared.bytes.slice()]) });
  };
  let pending: Array<{ table: TableName; record: { seq: number } }> = [];
  for (const part of datasetInParts(size, seed, { devices: authors.deviceIds, chunk: REGION_FILE_RECORDS })) {
    const { statements } = await sealDataset(part, authors);
    await db.statements.bulkPut(statements);
    // Generated in the order of their change counter: villages, places, people, surveys, then activities.
    for (const table of TABLES) for (const record of part[table] as unknown as Array<{ seq: number }>) pending.push({ table, record });
    while (pending.length >= REGION_FILE_RECORDS) {
      await exportSlice(pending.slice(0, REGION_FILE_RECORDS));
      pending = pending.slice(REGION_FILE_RECORDS);
    }
  }
  if (pending.length > 0) await exportSlice(pending);
  db.close();
  const bytes = files.reduce((sum, file) => sum + benchFileSize(file), 0);
  return { exporter, files, ms: performance.now() - start, bytes };
}

export interface RegionImport extends FolderImport {
  records: number;
  peakHeapMB: number;
  baseHeapMB: number;
  /** The page's heap after a forced collection, every tenth progress call (files opened, then records written): what it keeps. */
  liveHeapMB: number[];
  check: { ok: boolean; detail: string };
}

/** Timed: the folder import of the region's bundles into an empty database; then counted and recounted. */
export async function importRegion(region: Region, size: number, receiver: Receiver): Promise<RegionImport> {
  const db = await freshDb(REGION_DB);
  await enrolExporter(db, region.exporter);
  (globalThis as unknown as { gc?: () => void }).gc?.();
  const base = startHeap();
  const liveHeapMB: number[] = [];
  let calls = 0;
  const progress = () => {
    sample();
    calls += 1;
    if (calls % 10 !== 0) return;
    (globalThis as unknown as { gc?: () => void }).gc?.();
    liveHeapMB.push(Math.round(currentHeap() / 2 ** 20));
  };
  const figure = await importFolder(db, region.files, receiver, progress);
  const peak = stopHeap();
  const counts = await tableCounts(db);
  const expected = datasetMix(size);
  const differing = await statsDifferFromRecount(db);
  db.close();
  const ok = sameCounts(counts, expected) && differing.length === 0 && figure.notImported.length === 0;
  return {
    ...figure, records: size, peakHeapMB: peak / 2 ** 20, baseHeapMB: base / 2 ** 20, liveHeapMB,
    check: { ok, detail: `counts ${JSON.stringify(counts)}, ${differing.length} dashboard rows differ from a recount, ${figure.notImported.length} files not imported${figure.notImported.length ? `: ${figure.notImported.slice(0, 3).join('; ')}` : ''}` },
  };
}

/** The floor at this size: raw `bulkPut` of the same records (generated a part at a time, untimed), chunks of 2000. */
export async function rawBulkPutInParts(size: number, seed: number, authors: Authors): Promise<{ ms: number; heapMB: number; check: { ok: boolean; detail: string } }> {
  const db = await freshDb(RAW_DB, { dashboardRows: false });
  let ms = 0;
  for (const part of datasetInParts(size, seed, { devices: authors.deviceIds, chunk: 20_000 })) {
    for (const table of TABLES) {
      for (const chunk of chunks(part[table] as object[], BULK_CHUNK)) {
        const start = performance.now();
        await db.table(table).bulkPut(chunk);
        ms += performance.now() - start;
      }
    }
  }
  const counts = await tableCounts(db);
  db.close();
  // Runs before the import in the same profile: not left beside the records it is the floor for.
  await Dexie.delete(RAW_DB);
  const ok = sameCounts(counts, datasetMix(size));
  return { ms, heapMB: currentHeap() / 2 ** 20, check: { ok, detail: `counts ${JSON.stringify(counts)}` } };
}
