/**
 * The quarantine: records from a bundle stamped more than a day ahead of our clock (a sender's clock
 * set days ahead) wait here instead of winning every later edit. They are applied once our time has
 * caught up with their stamps, by the same merge as an import; the others stay, still visible.
 */
import type { SyncRecord } from '../../../domain/sync/merge';
import { isFutureStamp } from '../../../domain/sync/records';
import type { RelaisDatabase } from '../../schema';
import type { QuarantineRow } from '../rows';
import { syncedTables } from '../tables';
import { applyRecords } from './apply';

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export async function releaseQuarantine(db: RelaisDatabase, now = new Date()): Promise<{ released: number; waiting: number }> {
  const tables = [db.meta, db.conflicts, db.quarantine, ...syncedTables(db)];
  return db.transaction('rw', tables, async () => {
    const rows = await db.quarantine.toArray();
    const due = rows.filter((row) => !isFutureStamp(row.stamp, now.getTime()));
    for (const [bundleId, group] of groupBy(due, (row) => row.bundleId)) {
      const entries = group.map((row) => ({ kind: row.recordKind, record: row.record as SyncRecord }));
      await applyRecords(db, entries, { bundleId, now });
    }
    await db.quarantine.bulkDelete(due.map((row) => row.id as number));
    return { released: due.length, waiting: rows.length - due.length };
  });
}

/** Every record waiting in quarantine. */
export function quarantinedRecords(db: RelaisDatabase): Promise<QuarantineRow[]> {
  return db.quarantine.toArray();
}
