/**
 * Applying received records: merge each with its stored copy (domain/sync/merge.ts) and write only
 * what changed, inside the caller's transaction. Import and the release of quarantined records both
 * apply through here, so both follow exactly the same rules; preview counts with the same merge.
 */
import { observe } from '../../../domain/hlc';
import { mergeRecord, type FieldConflict, type MergeOutcome, type MergeResult, type SyncRecord } from '../../../domain/sync/merge';
import { latestStamp, type BundleEntry } from '../../../domain/sync/records';
import { currentSeq, loadClock, saveClock } from '../../device';
import { writeMeta } from '../../meta';
import type { RelaisDatabase } from '../../schema';
import { alreadyLogged, logConflicts } from '../conflicts';
import type { OutcomeCounts } from '../rows';
import { forEachStoredChunk } from '../tables';

export function emptyCounts(): OutcomeCounts {
  return { new: 0, updated: 0, unchanged: 0, conflicting: 0, deleted: 0 };
}

export interface ChunkResult {
  toWrite: SyncRecord[];
  outcomes: MergeOutcome[];
  conflicts: Array<{ recordId: string; conflict: FieldConflict }>;
  erasedIds: string[];
}

/** Outcome of a merge once conflicts already in the log are set aside (an old bundle seen again). */
function outcomeWithoutConflicts(local: SyncRecord | undefined, merged: MergeResult): MergeOutcome {
  if (!merged.changed) return 'unchanged';
  if (!local) return merged.record.deleted ? 'deleted' : 'new';
  return merged.record.deleted && !local.deleted ? 'deleted' : 'updated';
}

/**
 * Merge one chunk against its stored copies (`current`, updated in place); records repeated inside a
 * bundle merge with each other. A conflict counts only if the log does not hold it yet, so
 * re-importing an old bundle whose values lost long ago reports nothing new.
 */
export async function mergeChunk(db: RelaisDatabase, chunk: readonly SyncRecord[], current: Map<string, SyncRecord>): Promise<ChunkResult> {
  const changed = new Map<string, SyncRecord>();
  const result: ChunkResult = { toWrite: [], outcomes: [], conflicts: [], erasedIds: [] };
  for (const remote of chunk) {
    const local = current.get(remote.id);
    const merged = mergeRecord(local, remote);
    const fresh = [];
    for (const conflict of merged.conflicts) {
      if (!(await alreadyLogged(db, remote.id, conflict.field, conflict.losingStamp))) fresh.push(conflict);
    }
    result.outcomes.push(fresh.length > 0 ? 'conflicting' : outcomeWithoutConflicts(local, merged));
    for (const conflict of fresh) result.conflicts.push({ recordId: remote.id, conflict });
    if (!merged.changed) continue;
    if (merged.record.erased && !local?.erased) result.erasedIds.push(remote.id);
    current.set(remote.id, merged.record);
    changed.set(remote.id, merged.record);
  }
  result.toWrite = [...changed.values()];
  return result;
}

/** An erasure also wipes the copies of the person's data kept in the conflict log and the quarantine. */
async function forgetErased(db: RelaisDatabase, ids: string[]): Promise<void> {
  await db.conflicts.where('recordId').anyOf(ids).delete();
  await db.quarantine.where('recordId').anyOf(ids).delete();
}

/**
 * Merge records into their tables, chunk by chunk, inside the caller's transaction: only records
 * whose merge differs from what is stored are written, each with a fresh local `seq` (so a
 * coordinator's next export forwards them); our clock observes what arrives; losing values go to the
 * conflict log.
 */
export async function applyRecords(
  db: RelaisDatabase,
  entries: readonly BundleEntry[],
  context: { bundleId: string; now: Date; onProgress?: (done: number, total: number) => void },
): Promise<{ counts: OutcomeCounts; conflictsLogged: number }> {
  const { now } = context;
  const at = now.toISOString();
  const counts = emptyCounts();
  let conflictsLogged = 0;
  let done = 0;
  const clock = await loadClock(db);
  let seq = await currentSeq(db);
  await forEachStoredChunk(db, entries, async ({ kind, table, received, stored }) => {
    const result = await mergeChunk(db, received, stored);
    for (const outcome of result.outcomes) counts[outcome] += 1;
    for (const record of result.toWrite) {
      seq += 1;
      record.seq = seq;
      observe(clock, latestStamp(record.versions), now.getTime());
    }
    if (result.toWrite.length > 0) await table.bulkPut(result.toWrite);
    conflictsLogged += await logConflicts(db, { kind, bundleId: context.bundleId, at }, result.conflicts);
    if (result.erasedIds.length > 0) await forgetErased(db, result.erasedIds);
    done += received.length;
    context.onProgress?.(done, entries.length);
  });
  await writeMeta(db, 'seq', seq);
  await saveClock(db, clock);
  return { counts, conflictsLogged };
}
