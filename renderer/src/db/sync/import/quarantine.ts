/**
 * The quarantine: received records kept aside instead of applied.
 * - `future`: stamped more than a day ahead of our clock (a sender's clock set days ahead) — applied
 *   once our time has caught up with their stamps, by the same merge as an import;
 * - `review`: an erasure or deletion of a record authored elsewhere that a person did not choose to
 *   apply at import — applied or discarded here, by a person.
 * Each row says what applying it would do (erase, delete, edit) and who sent it.
 */
import type { SyncRecord } from '../../../domain/sync/merge';
import { isFutureStamp } from '../../../domain/sync/records';
import { ensureIdentity } from '../../identity';
import type { RelaisDatabase } from '../../schema';
import type { QuarantineRow } from '../rows';
import { syncedTables } from '../tables';
import { applyRecords } from './apply';

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function isForReview(row: QuarantineRow): boolean {
  return row.reason === 'review';
}

/** Merge held rows (they passed the write rules, or a person decided), bundle by bundle, and drop them. */
async function applyRows(db: RelaisDatabase, rows: readonly QuarantineRow[], now: Date): Promise<void> {
  for (const [bundleId, group] of groupBy(rows, (row) => row.bundleId)) {
    const entries = group.map((row) => ({ kind: row.recordKind, record: row.record as SyncRecord }));
    await applyRecords(db, entries, { bundleId, now });
  }
  await db.quarantine.bulkDelete(rows.map((row) => row.id as number));
}

function quarantineTables(db: RelaisDatabase) {
  return [db.meta, db.conflicts, db.quarantine, ...syncedTables(db)];
}

/** Apply the records stamped in the future whose date has come; the others wait, still visible. */
export async function releaseQuarantine(db: RelaisDatabase, now = new Date()): Promise<{ released: number; waiting: number }> {
  await ensureIdentity(db);
  return db.transaction('rw', quarantineTables(db), async () => {
    const rows = (await db.quarantine.toArray()).filter((row) => !isForReview(row));
    const due = rows.filter((row) => !isFutureStamp(row.stamp, now.getTime()));
    await applyRows(db, due, now);
    return { released: due.length, waiting: rows.length - due.length };
  });
}

/** A person chose to apply held erasures or deletions: merged now, like an import. */
export async function applyHeld(db: RelaisDatabase, ids: readonly number[], now = new Date()): Promise<void> {
  await ensureIdentity(db);
  await db.transaction('rw', quarantineTables(db), async () => {
    const rows = (await db.quarantine.bulkGet([...ids])).filter((row): row is QuarantineRow => row !== undefined && isForReview(row));
    await applyRows(db, rows, now);
  });
}

/** A person chose not to apply held erasures or deletions: forgotten (the same change, sent again, is held again). */
export async function discardHeld(db: RelaisDatabase, ids: readonly number[]): Promise<void> {
  await db.transaction('rw', db.quarantine, async () => {
    const rows = (await db.quarantine.bulkGet([...ids])).filter((row): row is QuarantineRow => row !== undefined && isForReview(row));
    await db.quarantine.bulkDelete(rows.map((row) => row.id as number));
  });
}

/** Every record waiting in quarantine. */
export function quarantinedRecords(db: RelaisDatabase): Promise<QuarantineRow[]> {
  return db.quarantine.toArray();
}
