/**
 * Applying received records: judge each by the write rules (domain/sync/trust.ts), merge it with its
 * stored copy (domain/sync/merge.ts) and write only what changed, inside the caller's transaction.
 * Import and the release of quarantined records both apply through here, so both follow exactly the
 * same rules; preview counts with the same merge and the same judge.
 */
import { observe } from '../../../domain/hlc';
import type { RecordKind } from '../../../domain/kinds';
import { mergeRecord, type FieldConflict, type MergeOutcome, type MergeResult, type SyncRecord } from '../../../domain/sync/merge';
import { entryCount, type ReceivedEntries } from '../../../domain/sync/packed';
import { latestStamp } from '../../../domain/sync/records';
import type { DestructiveAction, Refusal, Verdict } from '../../../domain/sync/trust';
import { currentSeq, loadClock, saveClock } from '../../device';
import { writeMeta } from '../../meta';
import type { RelaisDatabase } from '../../schema';
import { alreadyLogged, logConflicts } from '../conflicts';
import type { OutcomeCounts } from '../rows';
import { forEachStoredChunk, type ReadsInTransaction } from '../tables';
import { rememberReplaced, withStatsDeferred } from '../../stats/middleware';

export function emptyCounts(): OutcomeCounts {
  return { new: 0, updated: 0, unchanged: 0, conflicting: 0, deleted: 0 };
}

/**
 * The write rules as the importer asks them: the verdict on a received record whose merge would change
 * something, and whether a person chose to apply an erasure or a deletion sent for review.
 */
export interface Gate {
  judge: (kind: RecordKind, remote: SyncRecord, local: SyncRecord | undefined) => Verdict;
  applyReviewed: (record: SyncRecord) => boolean;
  /** Whether the seal a received record carries is its author's word (else it is dropped unread). */
  sealVouched: (record: SyncRecord) => boolean;
}

function withoutSeal(record: SyncRecord): SyncRecord {
  const copy = { ...record };
  delete copy.seal;
  return copy;
}

export interface RefusedRecord { kind: RecordKind; record: SyncRecord; reason: Refusal }
export interface ReviewedRecord { kind: RecordKind; record: SyncRecord; action: DestructiveAction }

export interface ChunkResult {
  toWrite: SyncRecord[];
  outcomes: MergeOutcome[];
  conflicts: Array<{ recordId: string; conflict: FieldConflict }>;
  erasedIds: string[];
  /** Refused by the write rules: not merged, not written. */
  refused: RefusedRecord[];
  /** Erasures and deletions sent for review that were not chosen: not merged (the importer holds them). */
  held: ReviewedRecord[];
}

/** Outcome of a merge once conflicts already in the log are set aside (an old bundle seen again). */
function outcomeWithoutConflicts(local: SyncRecord | undefined, merged: MergeResult): MergeOutcome {
  if (!merged.changed) return 'unchanged';
  if (!local) return merged.record.deleted ? 'deleted' : 'new';
  return merged.record.deleted && !local.deleted ? 'deleted' : 'updated';
}

/**
 * Merge one chunk of `kind` against its stored copies (`current`, updated in place). With a `gate`,
 * every record whose merge would change something (a value or the conflict log) is judged first: a
 * refused one, or an erasure or deletion under review that was not chosen, is set aside untouched.
 * A conflict counts only if the log does not hold it yet, so re-importing an old bundle whose values
 * lost long ago reports nothing new.
 */
export async function mergeChunk(
  db: RelaisDatabase, kind: RecordKind, chunk: readonly SyncRecord[], current: Map<string, SyncRecord>, gate?: Gate,
): Promise<ChunkResult> {
  const changed = new Map<string, SyncRecord>();
  const replacedOf = new Map<string, SyncRecord | undefined>();
  const result: ChunkResult = { toWrite: [], outcomes: [], conflicts: [], erasedIds: [], refused: [], held: [] };
  for (const received of chunk) {
    const remote = gate && received.seal !== undefined && !gate.sealVouched(received) ? withoutSeal(received) : received;
    const local = current.get(remote.id);
    const merged = mergeRecord(local, remote);
    if (gate && (merged.changed || merged.conflicts.length > 0)) {
      const verdict = gate.judge(kind, remote, local);
      if (verdict.type === 'refuse') {
        result.refused.push({ kind, record: remote, reason: verdict.reason });
        continue;
      }
      if (verdict.type === 'review' && !gate.applyReviewed(remote)) {
        result.held.push({ kind, record: remote, action: verdict.action });
        continue;
      }
    }
    const fresh = [];
    for (const conflict of merged.conflicts) {
      if (!(await alreadyLogged(db, remote.id, conflict.field, conflict.losingStamp))) fresh.push(conflict);
    }
    result.outcomes.push(fresh.length > 0 ? 'conflicting' : outcomeWithoutConflicts(local, merged));
    for (const conflict of fresh) result.conflicts.push({ recordId: remote.id, conflict });
    if (!merged.changed) continue;
    if (merged.record.erased && !local?.erased) result.erasedIds.push(remote.id);
    // What the write replaces, for the dashboard's counts (they would otherwise read it again).
    rememberReplaced(merged.record, changed.has(remote.id) ? replacedOf.get(remote.id) : local);
    if (!changed.has(remote.id)) replacedOf.set(remote.id, local);
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

export interface ApplyResult {
  counts: OutcomeCounts;
  conflictsLogged: number;
  refused: RefusedRecord[];
  held: ReviewedRecord[];
  /** The seals (statement ids) of the records written: the statements to keep, to relay them further. */
  seals: Set<string>;
}

/**
 * Merge records into their tables, chunk by chunk, inside the caller's transaction: only records
 * whose merge differs from what is stored are written, each with a fresh local `seq` (so a
 * coordinator's next export forwards them); our clock observes what arrives; losing values go to the
 * conflict log. With a `gate`, the write rules decide first (see `mergeChunk`). The dashboard's count
 * rows are applied after the last chunk (or when many wait), in the same transaction
 * (`withStatsDeferred`): an import at 100k writes each row a few times instead of once per chunk.
 */
export async function applyRecords(db: RelaisDatabase, entries: ReceivedEntries, context: ApplyContext): Promise<ApplyResult> {
  return withStatsDeferred(db, () => mergeAndWrite(db, entries, context));
}

interface ApplyContext {
  bundleId: string;
  now: Date;
  gate?: Gate;
  onProgress?: (done: number, total: number) => void;
  /** What earlier imports of the caller's transaction received (db/sync/tables.ts): fewer reads. */
  reads?: ReadsInTransaction;
}

async function mergeAndWrite(db: RelaisDatabase, entries: ReceivedEntries, context: ApplyContext): Promise<ApplyResult> {
  const { now } = context;
  const at = now.toISOString();
  const result: ApplyResult = { counts: emptyCounts(), conflictsLogged: 0, refused: [], held: [], seals: new Set() };
  let done = 0;
  const clock = await loadClock(db);
  let seq = await currentSeq(db);
  const total = entryCount(entries);
  await forEachStoredChunk(db, entries, async ({ kind, table, received, stored }) => {
    const chunk = await mergeChunk(db, kind, received, stored, context.gate);
    for (const outcome of chunk.outcomes) result.counts[outcome] += 1;
    result.refused.push(...chunk.refused);
    result.held.push(...chunk.held);
    for (const record of chunk.toWrite) {
      seq += 1;
      record.seq = seq;
      if (typeof record.seal === 'string') result.seals.add(record.seal);
      observe(clock, latestStamp(record.versions), now.getTime());
    }
    if (chunk.toWrite.length > 0) await table.bulkPut(chunk.toWrite);
    result.conflictsLogged += await logConflicts(db, { kind, bundleId: context.bundleId, at }, chunk.conflicts);
    if (chunk.erasedIds.length > 0) await forgetErased(db, chunk.erasedIds);
    done += received.length;
    context.onProgress?.(done, total);
  }, context.reads);
  await writeMeta(db, 'seq', seq);
  await saveClock(db, clock);
  return result;
}
