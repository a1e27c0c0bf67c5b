/**
 * Records a bundle brought that are not merged now — stamped days ahead (they wait in quarantine until
 * their date) — still pass the write rules first, against the copies held here: a record refused now
 * would be refused when its date comes, and an erasure must be reviewed whatever its date.
 */
import type { QuarantinedEntry } from '../../../domain/sync/bundle';
import { mergeRecord, type SyncRecord } from '../../../domain/sync/merge';
import type { RelaisDatabase } from '../../schema';
import { syncTable } from '../tables';
import type { Gate, RefusedRecord, ReviewedRecord } from './apply';

export interface JudgedAside {
  /** To quarantine until their date. */
  accepted: QuarantinedEntry[];
  refused: RefusedRecord[];
  held: ReviewedRecord[];
}

export async function judgeAside(db: RelaisDatabase, entries: readonly QuarantinedEntry[], gate: Gate): Promise<JudgedAside> {
  const result: JudgedAside = { accepted: [], refused: [], held: [] };
  for (const entry of entries) {
    const local = (await syncTable(db, entry.kind).get(entry.record.id)) as SyncRecord | undefined;
    const merged = mergeRecord(local, entry.record);
    if (!merged.changed && merged.conflicts.length === 0) continue; // held already: nothing to wait for
    const verdict = gate.judge(entry.kind, entry.record, local);
    if (verdict.type === 'refuse') result.refused.push({ kind: entry.kind, record: entry.record, reason: verdict.reason });
    else if (verdict.type === 'review' && !gate.applyReviewed(entry.record)) result.held.push({ kind: entry.kind, record: entry.record, action: verdict.action });
    else result.accepted.push(entry);
  }
  return result;
}
