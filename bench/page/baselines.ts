/**
 * The yardsticks measured in the same run, on the same records:
 * raw Dexie bulkPut (the floor), dexie-export-import (dump and restore, no merge), PouchDB bulkDocs
 * (the best-known offline database with sync), and Dexie toArray + JSON.stringify (export floor).
 */
import Dexie from 'dexie';
import { exportDB, importInto } from 'dexie-export-import';
import PouchDB from 'pouchdb-browser';
import { TABLES, type Dataset } from '../generate';
import { bulkPutDataset, expectedCounts, freshDb, sameCounts, storedHash, tableCounts } from './store';
import { chunks, timed } from './timing';
import { sample } from './heap';

export interface Check { ok: boolean; detail: string }
export interface Figure { ms: number; check: Check; extra?: Record<string, number | string> }

export const RAW_DB = 'bench-raw';

export async function rawBulkPut(dataset: Dataset, hash: string): Promise<Figure> {
  // The floor: the app's indexes, without the dashboard rows the app keeps in every write (issue 10).
  const db = await freshDb(RAW_DB, { dashboardRows: false });
  const { ms } = await timed(() => bulkPutDataset(db, dataset));
  const counts = await tableCounts(db);
  const readHash = await storedHash(db);
  db.close();
  const ok = sameCounts(counts, expectedCounts(dataset)) && readHash === hash;
  return { ms, check: { ok, detail: `counts ${JSON.stringify(counts)} hash ${readHash}` } };
}

/** Dexie's own dump (exportDB of the bulkPut database) and restore into an empty database. */
export async function dexieExportImport(dataset: Dataset, hash: string): Promise<{ exportFig: Figure; importFig: Figure }> {
  const source = new Dexie(RAW_DB);
  await source.open();
  const exported = await timed(() => exportDB(source));
  source.close();
  // A baseline: Dexie's own restore into the app's indexes, without the app's dashboard rows.
  const target = await freshDb('bench-dxi', { dashboardRows: false });
  const imported = await timed(() => importInto(target, exported.value, { acceptNameDiff: true, acceptVersionDiff: true, acceptMissingTables: true }));
  const counts = await tableCounts(target);
  const readHash = await storedHash(target);
  target.close();
  await Dexie.delete('bench-dxi');
  const ok = sameCounts(counts, expectedCounts(dataset)) && readHash === hash;
  return {
    exportFig: { ms: exported.ms, check: { ok: exported.value.size > 0, detail: `${exported.value.size} bytes` }, extra: { bytes: exported.value.size } },
    importFig: { ms: imported.ms, check: { ok, detail: `counts ${JSON.stringify(counts)} hash ${readHash}` } },
  };
}

/** PouchDB bulkDocs of the same records (chunks of 1000: one huge call is slower and can fail). */
export async function pouchBulkDocs(dataset: Dataset): Promise<Figure> {
  const name = 'bench-pouch';
  await new PouchDB(name).destroy();
  const db = new PouchDB(name, { auto_compaction: false });
  const docs = TABLES.flatMap((table) => (dataset[table] as Array<{ id: string }>).map((r) => ({ ...r, _id: r.id, table })));
  const { ms, value: failures } = await timed(async () => {
    let failed = 0;
    for (const chunk of chunks(docs, 1000)) {
      const results = await db.bulkDocs(chunk);
      failed += results.filter((r) => 'error' in r && r.error).length;
      sample();
    }
    return failed;
  });
  const info = await db.info();
  await db.destroy();
  const ok = failures === 0 && info.doc_count === docs.length;
  return { ms, check: { ok, detail: `doc_count ${info.doc_count}, failures ${failures}` } };
}

/** Export floor: read every table and JSON.stringify it (no compression, no encryption, no signature). */
export async function toArrayStringify(dataset: Dataset): Promise<Figure> {
  const db = new Dexie(RAW_DB);
  await db.open();
  const { ms, value: bytes } = await timed(async () => {
    const all: Record<string, unknown[]> = {};
    for (const table of TABLES) all[table] = await db.table(table).toArray();
    return JSON.stringify(all).length;
  });
  db.close();
  const expected = TABLES.reduce((n, t) => n + dataset[t].length, 0);
  return { ms, check: { ok: bytes > expected * 100, detail: `${bytes} chars` }, extra: { chars: bytes } };
}
