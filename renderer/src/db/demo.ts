/**
 * Demo records (Settings, "Load demo data"): fictitious records marked `demo: true`, written through
 * the repositories like any other (features/demo loads them), counted and removed here.
 */
import type { RecordKind } from '../domain/kinds';
import type { RelaisDatabase } from './schema';

/** The kinds that can hold demo records. */
export const DEMO_KINDS = ['village', 'place', 'survey', 'activity', 'beneficiary'] as const satisfies readonly RecordKind[];

/** Live demo records: there is demo data to remove while this is above zero. */
export async function countDemoRecords(db: RelaisDatabase): Promise<number> {
  const counts = await Promise.all(DEMO_KINDS.map((kind) => (
    db.recordTable(kind).where('deleted').equals(0).filter((r) => r.demo === true).count()
  )));
  return counts.reduce((sum, n) => sum + n, 0);
}

/**
 * Removes every demo record in one transaction. They are hard-deleted, not turned into tombstones:
 * demo records are fictitious and only ever meant for trying the app on this laptop; a tombstone would
 * travel in the next bundle and tell coordinators about records they never had. (If someone did export
 * demo data, the `demo` flag travelled with it and the receiver removes it the same way.)
 * Drafts of forms that were editing a demo record are left alone: saving one fails cleanly.
 */
export async function removeDemoData(db: RelaisDatabase): Promise<number> {
  const tables = DEMO_KINDS.map((kind) => db.recordTable(kind));
  return db.transaction('rw', tables, async () => {
    let removed = 0;
    for (const table of tables) {
      const ids = await table.filter((r) => r.demo === true).primaryKeys();
      await table.bulkDelete(ids);
      removed += ids.length;
    }
    return removed;
  });
}
