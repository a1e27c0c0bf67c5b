/**
 * Scenario 12 (issue 10): a coordinator's folder of her team's bundles. The same records travel as 50
 * bundles — one device's successive "changes" exports, each carrying the records written since the one
 * before — and as one bundle, and both go through the app's folder import (db/teamImport.ts: open every
 * file in the Worker, then import them one after the other, each in its own transaction), beside each
 * other in the same run. The ratio says what the per-file costs add (opening, checking, a transaction
 * and an import history entry per file).
 */
import { exportBundle } from '../../renderer/src/db/sync';
import { writeMeta } from '../../renderer/src/db/meta';
import type { RelaisDatabase } from '../../renderer/src/db/schema';
import { importTeamFiles, openTeamFiles, type TeamFile } from '../../renderer/src/db/teamImport';

/**
 * A bundle made by the bench: its bytes in the page (as files chosen one by one are), or a Blob, kept by
 * the browser outside the page's heap and read when the import comes to it (as a chosen folder's files
 * are: the region's 300 bundles).
 */
export interface BenchFile {
  name: string;
  bytes: Uint8Array | Blob;
}

/** A bench file's size in bytes. */
export function benchFileSize(file: BenchFile): number {
  return file.bytes instanceof Blob ? file.bytes.size : file.bytes.length;
}

/** The bench's files as the folder import takes them. */
function teamFilesOfBench(files: readonly BenchFile[]): TeamFile[] {
  return files.map(({ name, bytes }) => ({ name, read: async () => (bytes instanceof Blob ? new Uint8Array(await bytes.arrayBuffer()) : bytes) }));
}
import type { SignedCard } from '../../renderer/src/domain/sync/card';
import type { Statement } from '../../renderer/src/domain/sync/seal';
import { TABLES, type Dataset, type TableName } from '../generate';
import { exportAll, prepareExporter, type Authors, type Receiver } from './relais';
import { freshDb } from './store';

export const FOLDER_FILES = 50;
export const FOLDER_SOURCE_DB = 'bench-folder-source';

export interface Folder {
  exporter: SignedCard;
  /** The records as FOLDER_FILES bundles, oldest first. */
  files: BenchFile[];
  /** The same records as one bundle, from the same device. */
  whole: BenchFile;
}

/**
 * Not timed: the exporting device writes the records in FOLDER_FILES slices, in the order of their
 * change counter, and exports its changes after each slice; then everything once more as one bundle.
 */
export async function prepareFolder(dataset: Dataset, authors: Authors, receiver: Receiver, statements: readonly Statement[]): Promise<Folder> {
  const db = await freshDb(FOLDER_SOURCE_DB);
  const exporter = await prepareExporter(db, authors, receiver, statements);
  const records = TABLES.flatMap((table) => (dataset[table] as unknown as Array<{ seq: number }>).map((record) => ({ table, record })))
    .sort((a, b) => a.record.seq - b.record.seq);
  const per = Math.ceil(records.length / FOLDER_FILES);
  const files: BenchFile[] = [];
  for (let i = 0; i < FOLDER_FILES; i++) {
    const slice = records.slice(i * per, (i + 1) * per);
    if (slice.length === 0) break;
    for (const table of TABLES) {
      const rows = slice.filter((entry) => entry.table === table).map((entry) => entry.record);
      if (rows.length > 0) await db.table(table as TableName).bulkPut(rows);
    }
    // The device's change counter, as its own writes would have moved it.
    await writeMeta(db, 'seq', slice[slice.length - 1].record.seq);
    const prepared = await exportBundle(db, {
      kind: 'changes', protection: { type: 'recipient', recipient: receiver.recipient },
      author: { name: 'Banc d’essai', structure: 'Relais bench' }, app: 'relais-bench', now: new Date(Date.UTC(2025, 5, 30, 12, i)),
    });
    await prepared.commit();
    files.push({ name: `export-${String(i + 1).padStart(2, '0')}.relais`, bytes: prepared.bytes });
  }
  const whole = { name: 'export-all.relais', bytes: await exportAll(db, receiver) };
  db.close();
  return { exporter, files, whole };
}

export interface FolderImport {
  ms: number;
  openMs: number;
  writeMs: number;
  files: number;
  imported: number;
  /** Why the files not imported were not: their outcome, and the error of a refused one. */
  notImported: string[];
}

/** Timed: the folder import of `files` into `db` (empty, the exporter enrolled), as the team-import screen runs it. */
export async function importFolder(db: RelaisDatabase, files: readonly BenchFile[], receiver: Receiver, onProgress?: () => void): Promise<FolderImport> {
  const start = performance.now();
  const opened = await openTeamFiles(db, teamFilesOfBench(files), { identity: async () => receiver.identity, onProgress });
  const openMs = performance.now() - start;
  const result = await importTeamFiles(db, opened, { onProgress });
  const ms = performance.now() - start;
  const notImported = result.filter((file) => file.outcome.status !== 'imported').map((file) => {
    const error = file.outcome.status === 'refused' || file.outcome.status === 'failed' ? file.outcome.error : undefined;
    return `${file.name}: ${file.outcome.status}${error ? ` (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})` : ''}`;
  });
  return { ms, openMs, writeMs: ms - openMs, files: files.length, imported: files.length - notImported.length, notImported };
}
