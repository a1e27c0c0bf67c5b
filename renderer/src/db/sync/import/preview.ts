/**
 * What importing an opened bundle would do, computed without writing anything: who signed it and
 * whether this device trusts that key (enrolled, or held until a person enrols it), whom it was made
 * for, the counts of new, updated, unchanged, conflicting and deleted records, the records the write
 * rules refuse, and the erasures and deletions of others' records a person must decide on.
 */
import type { BundleManifest } from '../../../domain/sync/bundle';
import type { ReceivedBundle } from '../../../domain/sync/packed';
import { ownDeviceIds } from '../../device';
import type { RelaisDatabase } from '../../schema';
import { senderTrust, type SenderTrust } from '../enrolment';
import type { ImportRow, OutcomeCounts } from '../rows';
import { forEachStoredChunk, syncedTables } from '../tables';
import { emptyCounts, mergeChunk, type RefusedRecord, type ReviewedRecord } from './apply';
import { gateFor } from './gate';
import { judgeAside } from './judgeAside';
import { refusedGroups, reviewGroups, type RefusedGroup, type ReviewGroup } from './summary';

export interface ImportPlan {
  manifest: BundleManifest;
  alreadyImported: ImportRow | undefined;
  sender: SenderTrust;
  /** The bundle was made for another card than this device's, and re-encrypted to it by someone. */
  madeForSomeoneElse?: { name: string; deviceId: string };
  counts: OutcomeCounts;
  quarantined: number;
  refused: RefusedGroup[];
  /** Erasures and deletions of records authored elsewhere: each group applied only if a person says so. */
  review: ReviewGroup[];
}

/** The row of the import history for this very bundle (same signer, id and content), if any. */
export function historyRow(db: RelaisDatabase, manifest: BundleManifest): Promise<ImportRow | undefined> {
  return db.importHistory.get([manifest.source.deviceId, manifest.bundleId, manifest.payloadSha256]);
}

async function recipientCheck(db: RelaisDatabase, manifest: BundleManifest): Promise<ImportPlan['madeForSomeoneElse']> {
  const { recipient } = manifest;
  if (recipient.type !== 'card' || (await ownDeviceIds(db)).has(recipient.deviceId)) return undefined;
  return { name: recipient.name, deviceId: recipient.deviceId };
}

/** Counts of what importing would do, computed without writing anything. */
export async function previewImport(db: RelaisDatabase, opened: ReceivedBundle): Promise<ImportPlan> {
  const tables = [db.meta, db.cards, db.aliases, db.conflicts, db.importHistory, ...syncedTables(db)];
  return db.transaction('r', tables, async () => {
    const { manifest } = opened;
    const sender = await senderTrust(db, manifest);
    const gate = await gateFor(db, opened, sender, 'none');
    const counts = emptyCounts();
    const refused: RefusedRecord[] = [];
    const held: ReviewedRecord[] = [];
    await forEachStoredChunk(db, opened.entries, async ({ kind, received, stored }) => {
      const chunk = await mergeChunk(db, kind, received, stored, gate);
      for (const outcome of chunk.outcomes) counts[outcome] += 1;
      refused.push(...chunk.refused);
      held.push(...chunk.held);
    });
    const aside = await judgeAside(db, opened.quarantined, gate);
    counts.unchanged += opened.alreadyHeld?.count ?? 0;
    return {
      manifest,
      alreadyImported: await historyRow(db, manifest),
      sender,
      madeForSomeoneElse: await recipientCheck(db, manifest),
      counts,
      quarantined: aside.accepted.length,
      refused: refusedGroups([...refused, ...aside.refused]),
      review: await reviewGroups(db, [...held, ...aside.held]),
    };
  });
}
