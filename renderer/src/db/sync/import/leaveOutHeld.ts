import type { OpenedBundle } from '../../../domain/sync/bundle';
import { mergeRecord } from '../../../domain/sync/merge';
import type { BundleEntry } from '../../../domain/sync/records';
import { currentSeq } from '../../device';
import type { RelaisDatabase } from '../../schema';
import { forEachStoredChunk, syncedTables } from '../tables';

/**
 * Leave out of an opened bundle the records this database already holds: those whose merge with the
 * stored copy changes nothing and logs no conflict. Run where the bundle is opened (the Worker), so a
 * re-import does not carry 100k records back to the page only to find them unchanged there.
 *
 * Safe even if the database changes before the import: a record left out is "below" the stored copy
 * (merging it in gives the stored copy back), and a database only moves up from there — local edits
 * carry newer stamps, imports and erasures are merges — so merging it later would change nothing
 * either. Only a database that went back (emptied, restored) could miss it: its change counter would
 * be lower than `seq`, and the importer then refuses the bundle (see `importBundle`).
 */
export async function leaveOutHeldRecords(db: RelaisDatabase, opened: OpenedBundle): Promise<OpenedBundle> {
  if (opened.alreadyImported || opened.entries.length === 0) return opened;
  return db.transaction('r', [db.meta, ...syncedTables(db)], async () => {
    const seq = await currentSeq(db);
    const kept: BundleEntry[] = [];
    let held = 0;
    await forEachStoredChunk(db, opened.entries, ({ kind, received, stored }) => {
      for (const record of received) {
        const local = stored.get(record.id);
        const merged = local ? mergeRecord(local, record) : undefined;
        if (merged && !merged.changed && merged.conflicts.length === 0) held += 1;
        else kept.push({ kind, record });
      }
    });
    return { ...opened, entries: kept, alreadyHeld: { count: held + (opened.alreadyHeld?.count ?? 0), seq } };
  });
}
