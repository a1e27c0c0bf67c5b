/**
 * Importing an opened bundle (checked by domain/sync/bundle.ts, in a Worker in the app): everything
 * in ONE transaction over every table it may touch, so any failure rolls everything back (all or
 * nothing); the bundle joins the import history, so importing it again changes nothing.
 *
 * Only a bundle from an enrolled key imports (docs/bundle-format.md, "Trust rules"); in it, each
 * record passes the write rules: a refused record is counted apart and the rest imports; an erasure or
 * deletion of a record authored elsewhere is applied only if a person chose to, else kept aside.
 */
import type { SyncRecord } from '../../../domain/sync/merge';
import type { ReceivedBundle } from '../../../domain/sync/packed';
import { currentSeq } from '../../device';
import { ensureIdentity } from '../../identity';
import type { RelaisDatabase } from '../../schema';
import { bindLegacyIds, rememberRelayedCards, senderTrust } from '../enrolment';
import type { OutcomeCounts, QuarantineRow } from '../rows';
import { syncedTables, type ReadsInTransaction } from '../tables';
import { applyRecords, emptyCounts, type ReviewedRecord } from './apply';
import { gateFor, type ReviewChoice } from './gate';
import { judgeAside } from './judgeAside';
import { historyRow } from './preview';

export interface ImportReport {
  alreadyImported: boolean;
  counts: OutcomeCounts;
  quarantined: number;
  conflictsLogged: number;
  /** Records the write rules refused (not written). */
  refused: number;
  /** Erasures and deletions not chosen, kept in quarantine for a later decision. */
  heldForReview: number;
}

/** The key was not enrolled when the import started (the preview offers to enrol it first). */
export class HeldBundleError extends Error {
  constructor() {
    super('held: this bundle is signed by a key that is not enrolled here');
    this.name = 'HeldBundleError';
  }
}

/** Erasures and deletions kept for a person, once each (the same change may come in several bundles). */
async function holdForReview(db: RelaisDatabase, held: readonly ReviewedRecord[], base: Omit<QuarantineRow, 'recordKind' | 'recordId' | 'record' | 'stamp' | 'action'>): Promise<number> {
  let added = 0;
  for (const { kind, record, action } of held) {
    const stamp = action === 'erase' ? record.versions.erased : record.versions.deleted;
    const twice = await db.quarantine.where('recordId').equals(record.id).filter((row) => row.stamp === stamp && row.reason === 'review').count();
    if (twice > 0) continue;
    await db.quarantine.add({ ...base, recordKind: kind, recordId: record.id, record, stamp, action });
    added += 1;
  }
  return added;
}

/**
 * Every table an import may write: a caller that runs several imports in one transaction of its own
 * (db/teamImport.ts, a folder) opens it over these, and calls `ensureIdentity` before it.
 */
export function importTables(db: RelaisDatabase) {
  return [db.meta, db.conflicts, db.importHistory, db.quarantine, db.cards, db.aliases, db.statements, ...syncedTables(db)];
}

/**
 * Apply a checked bundle: records the write rules accept are merged (only those whose merge differs
 * from what is stored are written, see `applyRecords`), records stamped in the future wait in
 * quarantine, erasures and deletions under review are applied as `review` says (else held), and the
 * bundle is recorded in the import history. A bundle already imported changes nothing.
 */
export async function importBundle(
  db: RelaisDatabase,
  opened: ReceivedBundle,
  options: {
    fileName: string; now?: Date; review?: ReviewChoice; onProgress?: (done: number, total: number) => void;
    /** Shared by the imports of one transaction of the caller's (a folder's files): see db/sync/tables.ts. */
    reads?: ReadsInTransaction;
  },
): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const { manifest } = opened;
  await ensureIdentity(db);
  return db.transaction('rw', importTables(db), async () => {
    if (await historyRow(db, manifest)) {
      return { alreadyImported: true, counts: emptyCounts(), quarantined: 0, conflictsLogged: 0, refused: 0, heldForReview: 0 };
    }
    // Opened as "already imported", its records were never read: it cannot be applied (history erased since?).
    if (opened.alreadyImported) throw new Error(`bundle ${manifest.bundleId} was opened without its records`);
    if (opened.alreadyHeld && (await currentSeq(db)) < opened.alreadyHeld.seq) {
      throw new Error('the database went back since the bundle was opened: open it again');
    }
    const sender = await senderTrust(db, manifest);
    if (sender.held) throw new HeldBundleError();
    // An enrolled sender may claim legacy ids no key holds yet (it migrated after its enrolment).
    await bindLegacyIds(db, manifest.source, 'enrolment', at);
    await rememberRelayedCards(db, manifest.authors, at);
    const gate = await gateFor(db, opened, sender, options.review ?? 'none');
    const applied = await applyRecords(db, opened.entries, { bundleId: manifest.bundleId, now, gate, onProgress: options.onProgress, reads: options.reads });
    const aside = await judgeAside(db, opened.quarantined, gate);
    const counts = applied.counts;
    counts.unchanged += opened.alreadyHeld?.count ?? 0;
    const source = { bundleId: manifest.bundleId, at, sourceDevice: manifest.source.deviceId, sourceName: manifest.source.name };
    for (const entry of aside.accepted) {
      await db.quarantine.add({
        ...source, reason: 'future', action: 'edit', recordKind: entry.kind, recordId: entry.record.id, record: entry.record as SyncRecord, stamp: entry.stamp,
      });
    }
    const heldForReview = await holdForReview(db, [...applied.held, ...aside.held], { ...source, reason: 'review' });
    // The statements of the sealed records kept here (written, or waiting for their date): this device
    // relays those records further with them.
    for (const entry of aside.accepted) if (typeof entry.record.seal === 'string') applied.seals.add(entry.record.seal);
    const speakers = new Set([manifest.source.deviceId, ...manifest.authors.map((card) => card.deviceId)]);
    await db.statements.bulkPut(opened.statements.filter((statement) => applied.seals.has(statement.id) && speakers.has(statement.author)));
    const refused = applied.refused.length + aside.refused.length;
    await db.importHistory.add({
      sourceDevice: manifest.source.deviceId, bundleId: manifest.bundleId, payloadSha256: manifest.payloadSha256,
      fileName: options.fileName, importedAt: at, sourceName: manifest.source.name, sourceStructure: manifest.source.structure,
      signingKey: manifest.source.signingKey, kind: manifest.kind, createdAt: manifest.createdAt, since: manifest.since,
      rangeFrom: manifest.range.from, rangeTo: manifest.range.to, counts, quarantined: aside.accepted.length, refused, heldForReview,
    });
    return { alreadyImported: false, counts, quarantined: aside.accepted.length, conflictsLogged: applied.conflictsLogged, refused, heldForReview };
  });
}
