/**
 * The write rules: what a bundle may change here, record by record (docs/bundle-format.md, "Trust
 * rules"). Pure: given a received record, the copy held here and who is speaking, a verdict.
 *
 * - A record only its author may change (domain/kinds.ts, ownership `author`) is accepted from its
 *   author — the bundle's signer, or a relay carrying the author's seal (domain/sync/seal.ts) — with
 *   its data stamped in the author's name. From anyone else, an erasure (or a deletion of a record held
 *   here) goes to a person for review; any other change is refused.
 * - Shared reference data is merged from any enrolled sender, field by field; but deleting or erasing
 *   a record the sender did not author goes to review (never won by clock alone).
 * - Everywhere: a new record's id must name its author (so no one can take an honest record's id
 *   first), and a stamp in this device's own name that this device never wrote is a forgery; an
 *   author's record may not claim another author or creation than the copy held here.
 *
 * Only records whose merge would change something are judged: a record the receiver already holds (or
 * holds a newer version of) changes nothing, whoever sends it.
 */
import { deviceOfStamp } from '../hlc';
import { isIdOfAuthor, LEGACY_DEVICE_ID_PATTERN } from '../ids';
import { ownershipOf, type RecordKind } from '../kinds';
import type { SyncRecord } from './merge';

export const REFUSALS = ['notAuthor', 'foreignStamp', 'forgedStamp', 'authorChanged', 'idOfAnother'] as const;
/**
 * Why a record was refused:
 * - `notAuthor`: a record another device authored, not sealed by its author, and not an erasure or a
 *   deletion of a copy held here;
 * - `foreignStamp`: the author's record carries a data field stamped in another device's name;
 * - `forgedStamp`: a stamp in this device's own name that this device never wrote;
 * - `authorChanged`: an author's record claiming another author or creation date than the copy held here;
 * - `idOfAnother`: a new record whose id names another author (domain/ids.ts, `recordId`).
 */
export type Refusal = (typeof REFUSALS)[number];

export type DestructiveAction = 'erase' | 'delete';

export type Verdict =
  | { type: 'accept' }
  | { type: 'refuse'; reason: Refusal }
  | { type: 'review'; action: DestructiveAction };

export interface TrustContext {
  /** Device ids the sender speaks for here: its key's and the legacy ids bound to that key. */
  senderIds: ReadonlySet<string>;
  /** This device's own ids: a stamp in one of these names can only have been written here. */
  ownIds: ReadonlySet<string>;
  /** The ids of the author whose verified seal a relayed record carries, if any. */
  sealedAuthorIds: (record: SyncRecord) => ReadonlySet<string> | undefined;
}

const ACCEPT: Verdict = { type: 'accept' };
const FLAGS = new Set(['deleted', 'erased']);

function refuse(reason: Refusal): Verdict {
  return { type: 'refuse', reason };
}

/** Would merging `remote` erase or delete what is held here (or bring a record in already gone)? */
export function destructiveChange(remote: SyncRecord, local: SyncRecord | undefined): DestructiveAction | null {
  if (remote.erased === 1) return local?.erased === 1 ? null : 'erase';
  if (remote.deleted !== 1) return null;
  if (!local) return 'delete';
  return local.deleted === 0 && (remote.versions.deleted ?? '') > (local.versions.deleted ?? '') ? 'delete' : null;
}

/** Does `remote` bring a newer value for any data field than the copy held here? */
function changesData(remote: SyncRecord, local: SyncRecord): boolean {
  return Object.entries(remote.versions).some(([field, stamp]) => !FLAGS.has(field) && stamp > (local.versions[field] ?? ''));
}

/** A stamp in this device's name that this device does not hold (or holds an older write than). */
function forgesOwnStamp(remote: SyncRecord, local: SyncRecord | undefined, ownIds: ReadonlySet<string>): boolean {
  const versions = remote.versions;
  for (const field in versions) {
    const stamp = versions[field];
    if (!ownIds.has(deviceOfStamp(stamp))) continue;
    const held = local?.versions[field];
    if (held === undefined || stamp > held) return true;
  }
  return false;
}

/**
 * Data stamped by its author: the author's own ids, or a legacy id (written before ids were bound to
 * keys, when any device could edit any record: those writes stay as they were).
 */
function stampedByAuthor(remote: SyncRecord, authorIds: ReadonlySet<string>): boolean {
  const versions = remote.versions;
  for (const field in versions) {
    if (FLAGS.has(field)) continue; // an author may keep an erasure or a deletion someone else proposed
    const device = deviceOfStamp(versions[field]);
    if (!authorIds.has(device) && !LEGACY_DEVICE_ID_PATTERN.test(device)) return false;
  }
  return true;
}

function judgeAuthored(remote: SyncRecord, local: SyncRecord | undefined, context: TrustContext): Verdict {
  const authorIds = context.senderIds.has(remote.authorDevice) ? context.senderIds : context.sealedAuthorIds(remote);
  if (authorIds) return stampedByAuthor(remote, authorIds) ? ACCEPT : refuse('foreignStamp');
  // An erasure carries no data: one of a record not held here yet is still a person's decision (once
  // applied, the record can never arrive). Anything else of a record not held here would create it.
  if (!local) return remote.erased === 1 ? { type: 'review', action: 'erase' } : refuse('notAuthor');
  const action = destructiveChange(remote, local);
  if (action === 'erase') return { type: 'review', action };
  if (action === 'delete' && !changesData(remote, local)) return { type: 'review', action };
  return refuse('notAuthor');
}

function judgeShared(remote: SyncRecord, local: SyncRecord | undefined, context: TrustContext): Verdict {
  const action = destructiveChange(remote, local);
  if (action && !context.senderIds.has(remote.authorDevice)) return { type: 'review', action };
  return ACCEPT;
}

/**
 * Does anyone vouch for the seal `remote` carries: its author sent it, or its author's statement proved it
 * (relayed)? A seal no one vouches for is dropped before the merge, so that it can neither be relayed as
 * if it were the author's nor outrank the author's own sealed erasure (domain/sync/merge.ts).
 */
export function sealVouched(remote: SyncRecord, context: TrustContext): boolean {
  return context.senderIds.has(remote.authorDevice) || context.sealedAuthorIds(remote) !== undefined;
}

/** What may `remote`, from the sender of `context`, do to `local` (the copy held here, if any)? */
export function judgeRecord(kind: RecordKind, remote: SyncRecord, local: SyncRecord | undefined, context: TrustContext): Verdict {
  const authored = ownershipOf(kind) === 'author';
  // Shared data: creation metadata that disagrees is settled by the merge, the same way everywhere.
  if (authored && local && (local.authorDevice !== remote.authorDevice || local.createdAt !== remote.createdAt)) return refuse('authorChanged');
  if (!local && !isIdOfAuthor(remote.id, remote.authorDevice)) return refuse('idOfAnother');
  if (forgesOwnStamp(remote, local, context.ownIds)) return refuse('forgedStamp');
  // Erased here already: nothing is left to change, only the stamps of two erasures to combine (as
  // every device does, so all agree), from whoever sends them.
  if (local?.erased === 1) return ACCEPT;
  return authored ? judgeAuthored(remote, local, context) : judgeShared(remote, local, context);
}
