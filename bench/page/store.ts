/** Bench databases: the app's real schema (same indexes), under throwaway names. */
import Dexie from 'dexie';
import { RelaisDatabase } from '../../renderer/src/db/schema';
import { TABLES, contentHasher, type Dataset } from '../generate';
import { chunks } from './timing';
import { sample } from './heap';

export const BULK_CHUNK = 2000;

export async function freshDb(name: string, options: { dashboardRows?: boolean } = {}): Promise<RelaisDatabase> {
  await Dexie.delete(name);
  const db = new RelaisDatabase(name, options);
  await db.open();
  return db;
}

/** The raw floor: Dexie `bulkPut` of every table, one transaction per chunk of records. */
export async function bulkPutDataset(db: RelaisDatabase, dataset: Dataset, chunkSize = BULK_CHUNK): Promise<void> {
  for (const table of TABLES) {
    for (const chunk of chunks(dataset[table] as object[], chunkSize)) {
      await db.table(table).bulkPut(chunk);
      sample();
    }
  }
}

export async function tableCounts(db: Dexie): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = await db.table(table).count();
  return counts;
}

/** Content hash of what the database holds (sync content: no `seq`, no `updatedAt`). */
export async function storedHash(db: Dexie, chunk = 5000): Promise<string> {
  const hasher = contentHasher();
  for (const table of TABLES) {
    // A chunk at a time by primary key: the check must not need more heap than the import it checks.
    let rows = await db.table(table).orderBy(':id').limit(chunk).toArray() as Array<{ id: string }>;
    for (;;) {
      for (const row of rows) hasher.add(row);
      if (rows.length < chunk) break;
      rows = await db.table(table).where(':id').above(rows[rows.length - 1].id).limit(chunk).toArray() as Array<{ id: string }>;
    }
  }
  return hasher.digest();
}

/** Highest local change counter in the database: unchanged when an import rewrote nothing. */
export async function maxSeq(db: Dexie): Promise<number> {
  let max = 0;
  for (const table of TABLES) {
    const last = await db.table(table).orderBy('seq').last() as { seq?: number } | undefined;
    max = Math.max(max, last?.seq ?? 0);
  }
  return max;
}

export function expectedCounts(dataset: Dataset): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, dataset[t].length]));
}

export function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  return TABLES.every((t) => a[t] === b[t]);
}
