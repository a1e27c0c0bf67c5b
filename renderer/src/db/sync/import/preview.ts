/**
 * What importing an opened bundle would do, computed without writing anything: who signed it (a key
 * seen before for that device, a new one, or a changed one), and the counts of new, updated,
 * unchanged, conflicting and deleted records.
 */
import type { BundleManifest, OpenedBundle } from '../../../domain/sync/bundle';
import type { RelaisDatabase } from '../../schema';
import type { ImportRow, OutcomeCounts } from '../rows';
import { forEachStoredChunk, syncedTables } from '../tables';
import { emptyCounts, mergeChunk } from './apply';

export type SignatureStatus = 'knownKey' | 'newKey' | 'keyChanged';

export interface ImportPlan {
  manifest: BundleManifest;
  alreadyImported: ImportRow | undefined;
  signature: SignatureStatus;
  /** Name on the card we hold for this device, if any. */
  knownAs?: string;
  counts: OutcomeCounts;
  quarantined: number;
}

/** Has this device signed with another key before? (a stolen name, or a reinstalled laptop) */
async function signatureStatus(db: RelaisDatabase, manifest: BundleManifest): Promise<{ status: SignatureStatus; knownAs?: string }> {
  const { deviceId, signingKey } = manifest.source;
  const card = await db.cards.get(deviceId);
  const previous = await db.imports.where('sourceDevice').equals(deviceId).toArray();
  const knownKeys = new Set([...(card ? [card.signingKey] : []), ...previous.map((row) => row.signingKey)]);
  const knownAs = card?.name;
  if (knownKeys.size === 0) return { status: 'newKey', knownAs };
  return { status: knownKeys.has(signingKey) ? 'knownKey' : 'keyChanged', knownAs };
}

/** Counts of what importing would do, computed without writing anything. */
export async function previewImport(db: RelaisDatabase, opened: OpenedBundle): Promise<ImportPlan> {
  const alreadyImported = await db.imports.get(opened.manifest.bundleId);
  const { status, knownAs } = await signatureStatus(db, opened.manifest);
  const counts = emptyCounts();
  await db.transaction('r', [db.conflicts, ...syncedTables(db)], async () => {
    await forEachStoredChunk(db, opened.entries, async ({ received, stored }) => {
      const { outcomes } = await mergeChunk(db, received, stored);
      for (const outcome of outcomes) counts[outcome] += 1;
    });
  });
  counts.unchanged += opened.alreadyHeld?.count ?? 0;
  return { manifest: opened.manifest, alreadyImported, signature: status, knownAs, counts, quarantined: opened.quarantined.length };
}
