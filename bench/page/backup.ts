/**
 * Scenario 11 (issue 12): a backup of N records (every table read in one transaction a chunk at a time,
 * gzip and age to the laptop's own X25519 key as streams: `encodeDatabaseBackup`, what the app's
 * `makeBackup` runs) timed beside `toArray` + `JSON.stringify` of the same tables, and its restore into
 * an empty database (decrypt, inflate and parse line by line into one transaction) beside the raw
 * `bulkPut` of the same records. The restored database is checked record for record against the source.
 */
import Dexie from 'dexie';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { encodeDatabaseBackup, restoreBackup } from '../../renderer/src/db/backup';
import { generateDataset, TABLES } from '../generate';
import { startHeap, stopHeap } from './heap';
import { bulkPutDataset, freshDb, storedHash } from './store';

const NAMES = ['bench-backup-src', 'bench-backup-raw', 'bench-backup-dst'];

export async function backupAndRestore(records: number, seed: number, gc: () => void) {
  const dataset = generateDataset(records, seed);
  const source = await freshDb(NAMES[0]);
  await bulkPutDataset(source, dataset);
  gc();

  // Baseline of the backup: every table read and turned into JSON.
  let start = performance.now();
  let chars = 0;
  for (const table of source.tables) chars += JSON.stringify(await table.toArray()).length;
  const toArrayMs = performance.now() - start;
  gc();

  const identity = await generateIdentity();
  const backupHeapBase = startHeap(); // what the page holds already (the generated records, kept for the baseline below)
  start = performance.now();
  const { bytes } = await encodeDatabaseBackup(source, { app: 'bench', createdAt: new Date().toISOString(), recipients: [await identityToRecipient(identity)] });
  const backupMs = performance.now() - start;
  const backupHeap = stopHeap();
  gc();

  // Baseline of the restore: the raw bulkPut of the same records into an empty database.
  const raw = await freshDb(NAMES[1]);
  start = performance.now();
  await bulkPutDataset(raw, dataset);
  const bulkPutMs = performance.now() - start;
  raw.close();
  gc();

  const target = await freshDb(NAMES[2]);
  const restoreHeapBase = startHeap();
  start = performance.now();
  await restoreBackup(target, bytes, { identity });
  const restoreMs = performance.now() - start;
  const restoreHeap = stopHeap();

  const [expected, restored] = [await storedHash(source), await storedHash(target)];
  const counts = await Promise.all(TABLES.map(async (t) => [t, await target.table(t).count()] as const));
  source.close();
  target.close();
  for (const name of NAMES) await Dexie.delete(name);
  return {
    records, toArrayMs, jsonChars: chars, backupMs, backupBytes: bytes.byteLength, backupHeap, backupHeapBase, bulkPutMs, restoreMs, restoreHeap, restoreHeapBase,
    check: { ok: expected === restored, detail: `restored ${counts.map(([t, n]) => `${t} ${n}`).join(', ')}; ${expected === restored ? 'same records' : 'DIFFERENT records'}` },
  };
}
