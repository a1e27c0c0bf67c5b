/**
 * "Live" records, written once: neither soft-deleted nor erased. An erased record is always deleted
 * too (the repository, the merge and the bundle checks all keep it so), which is why the `deleted`
 * index finds live records; `erased` is checked as well, so that one rule holds for every row.
 */
import type { IndexableType, Table } from 'dexie';
import type { DataOf, RecordKind } from '../domain/kinds';
import type { RecordMeta, Stored } from '../domain/records';
import type { RelaisDatabase } from './schema';

export function isLive(record: Pick<RecordMeta, 'deleted' | 'erased'>): boolean {
  return record.deleted === 0 && record.erased === 0;
}

/** Every live record of a table, through the `deleted` index (never a scan of the whole table). */
export async function liveRecords<T extends RecordMeta>(table: Table<T, string>): Promise<T[]> {
  return (await table.where('deleted').equals(0).toArray()).filter(isLive);
}

/** The live records whose indexed field `index` equals `value`. */
export async function liveRecordsWhere<T extends RecordMeta>(table: Table<T, string>, index: string, value: IndexableType): Promise<T[]> {
  return (await table.where(index).equals(value).toArray()).filter(isLive);
}

/**
 * One record of a kind by id, deleted or not (a page can then say it was deleted); `null` when there
 * is none, or no id to look for. For screens: `useRead(recordById, 'village', id)`.
 */
export async function recordById<K extends RecordKind>(db: RelaisDatabase, kind: K, id: string | undefined): Promise<Stored<DataOf<K>> | null> {
  return id ? (await db.recordTable(kind).get(id)) ?? null : null;
}
