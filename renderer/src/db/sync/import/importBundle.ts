/**
 * Importing an opened bundle (checked by domain/sync/bundle.ts, in a Worker in the app): everything
 * in ONE transaction over every table it may touch, so any failure rolls everything back (all or
 * nothing); the bundle joins the import history, so importing it again changes nothing.
 */
import type { OpenedBundle } from '../../../domain/sync/bundle';
import { currentSeq } from '../../device';
import type { RelaisDatabase } from '../../schema';
import type { OutcomeCounts } from '../rows';
import { syncedTables } from '../tables';
import { applyRecords, emptyCounts } from './apply';

export interface ImportReport {
  alreadyImported: boolean;
  counts: OutcomeCounts;
  quarantined: number;
  conflictsLogged: number;
}

/**
 * Apply a checked bundle: only records whose merge differs from what is stored are written (see
 * `applyRecords`), records stamped in the future wait in quarantine, the bundle is recorded in the
 * import history. A bundle already imported changes nothing.
 */
export async function importBundle(
  db: RelaisDatabase,
  opened: OpenedBundle,
  options: { fileName: string; now?: Date; onProgress?: (done: number, total: number) => void },
): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const { manifest } = opened;
  const tables = [db.meta, db.conflicts, db.imports, db.quarantine, ...syncedTables(db)];
  return db.transaction('rw', tables, async () => {
    if (await db.imports.get(manifest.bundleId)) {
      return { alreadyImported: true, counts: emptyCounts(), quarantined: 0, conflictsLogged: 0 };
    }
    // Opened as "already imported", its records were never read: it cannot be applied (history erased since?).
    if (opened.alreadyImported) throw new Error(`bundle ${manifest.bundleId} was opened without its records`);
    if (opened.alreadyHeld && (await currentSeq(db)) < opened.alreadyHeld.seq) {
      throw new Error('the database went back since the bundle was opened: open it again');
    }
    const { counts, conflictsLogged } = await applyRecords(db, opened.entries, {
      bundleId: manifest.bundleId, now, onProgress: options.onProgress,
    });
    counts.unchanged += opened.alreadyHeld?.count ?? 0;
    for (const entry of opened.quarantined) {
      await db.quarantine.add({
        bundleId: manifest.bundleId, recordKind: entry.kind, recordId: entry.record.id, record: entry.record, stamp: entry.stamp, at,
      });
    }
    await db.imports.add({
      bundleId: manifest.bundleId, fileName: options.fileName, importedAt: at,
      sourceDevice: manifest.source.deviceId, sourceName: manifest.source.name, sourceStructure: manifest.source.structure,
      signingKey: manifest.source.signingKey, kind: manifest.kind, createdAt: manifest.createdAt, since: manifest.since,
      rangeFrom: manifest.range.from, rangeTo: manifest.range.to, counts, quarantined: opened.quarantined.length,
    });
    return { alreadyImported: false, counts, quarantined: opened.quarantined.length, conflictsLogged };
  });
}
