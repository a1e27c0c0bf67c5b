/**
 * Field-by-field merge of two versions of the same record (the local one and one from a bundle).
 *
 * Every data field, `deleted` and `erased` carries a hybrid-logical-clock stamp in `versions`; for each
 * field the higher stamp wins (stamps compare as strings and embed the device id, so two devices never
 * mint the same stamp). Merging never mints a stamp, only picks existing ones: that is what makes it
 * commutative, associative and idempotent — re-imports change nothing and the order of bundles does not
 * matter (design.md, "Sync by bundles", promises 1–4).
 *
 * Pure: no Dexie, no DOM. Runs in Node tests, in the import worker and in the page.
 */
import { dataOf, type RecordMeta } from '../records';
import { canonicalJson, deepEqual, sameValue } from '../canonical';
import { deviceOfStamp } from '../hlc';

/** The sync view of any stored record: metadata plus flat data fields. `seq` is local and never merged. */
export type SyncRecord = Omit<RecordMeta, 'seq'> & { seq?: number; [field: string]: unknown };

/** A value that lost a same-field race: kept so the user can see it and restore it. */
export interface FieldConflict {
  field: string;
  losingValue: unknown;
  losingStamp: string;
  winningStamp: string;
  /** Which side lost: the value stored here, or the one in the bundle. */
  losingSide: 'local' | 'remote';
}

export type MergeOutcome = 'new' | 'updated' | 'unchanged' | 'conflicting' | 'deleted';

export interface MergeResult {
  /** The merged record (without `seq`: the importer assigns a local one when `changed`). */
  record: SyncRecord;
  /** False when the merged record equals the stored one: the importer must not rewrite it. */
  changed: boolean;
  outcome: MergeOutcome;
  conflicts: FieldConflict[];
}

/** Versioned fields that are not data: they travel as metadata columns. */
const FLAG_FIELDS = new Set(['deleted', 'erased']);

function valueOf(record: SyncRecord, field: string): unknown {
  return record[field];
}

/**
 * Creation metadata is written once and should be equal on both sides; if a damaged peer disagrees,
 * pick deterministically (earliest creation, then smallest device id) so that every device agrees.
 */
function pickCreation(a: SyncRecord, b: SyncRecord): Pick<SyncRecord, 'createdAt' | 'authorDevice'> {
  const keyA = `${a.createdAt}|${a.authorDevice}`;
  const keyB = `${b.createdAt}|${b.authorDevice}`;
  const first = keyA <= keyB ? a : b;
  return { createdAt: first.createdAt, authorDevice: first.authorDevice };
}

function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The payload-free record an erasure leaves behind (both sides' erasure stamps combined by max). */
function mergeErased(local: SyncRecord | undefined, remote: SyncRecord): SyncRecord {
  const sides = [local, remote].filter((r): r is SyncRecord => r !== undefined && r.erased === 1);
  const deletedStamp = sides.map((r) => r.versions.deleted).reduce(laterOf);
  const erasedStamp = sides.map((r) => r.versions.erased).reduce(laterOf);
  const base = local ?? remote;
  return {
    id: base.id,
    ...(local ? pickCreation(local, remote) : { createdAt: remote.createdAt, authorDevice: remote.authorDevice }),
    updatedAt: local ? laterOf(local.updatedAt, remote.updatedAt) : remote.updatedAt,
    versions: { deleted: deletedStamp, erased: erasedStamp },
    deleted: 1,
    erased: 1,
  };
}

function withoutSeq(record: SyncRecord): SyncRecord {
  const copy = { ...record };
  delete copy.seq;
  return copy;
}

function sameVersions(a: Record<string, string>, b: Record<string, string>): boolean {
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => a[key] === b[key]);
}

/** Same synced content (all but `seq`, `updatedAt` and the seal): the condition for a seal to still hold. */
function sameContent(a: SyncRecord, b: SyncRecord): boolean {
  if (a.createdAt !== b.createdAt || a.authorDevice !== b.authorDevice || a.deleted !== b.deleted || a.erased !== b.erased) return false;
  if (!sameVersions(a.versions, b.versions) || !deepEqual(a.replaced ?? {}, b.replaced ?? {})) return false;
  return deepEqual(dataOf(a), dataOf(b));
}

/**
 * The merged record keeps a seal only when its content is exactly that of the sealed side: a mix of
 * two versions was written by no one, so no one's seal holds for it.
 */
function withSeal(record: SyncRecord, local: SyncRecord | undefined, remote: SyncRecord): SyncRecord {
  const sealed = [remote, local].find((side) => side?.seal !== undefined && sameContent(record, side));
  if (sealed) record.seal = sealed.seal;
  else delete record.seal;
  return record;
}

/**
 * For one field, the winning side and the conflict (if any). A conflict is logged when both sides hold
 * a stamped, different value written by different devices AND the winning edit did not know the losing
 * value: `replaced[field]` on the winner is the stamp of the value its writer overwrote, so a loser
 * stamped at or before it was seen and replaced on purpose (an update, not a race). Edits by one
 * device are sequential, so they are never conflicts either.
 */
function resolveField(local: SyncRecord, remote: SyncRecord, field: string): { winner: SyncRecord; conflict?: FieldConflict } {
  const localStamp = local.versions[field];
  const remoteStamp = remote.versions[field];
  if (remoteStamp === undefined) return { winner: local };
  if (localStamp === undefined) return { winner: remote };
  if (localStamp === remoteStamp) {
    // Same stamp means same write; a damaged peer could still disagree: break the tie on the value.
    const a = valueOf(local, field);
    const b = valueOf(remote, field);
    const localFirst = deepEqual(a, b) || canonicalJson(a) >= canonicalJson(b);
    return { winner: localFirst ? local : remote };
  }
  const remoteWins = remoteStamp > localStamp;
  const winner = remoteWins ? remote : local;
  const loser = remoteWins ? local : remote;
  const losingStamp = remoteWins ? localStamp : remoteStamp;
  const winningStamp = remoteWins ? remoteStamp : localStamp;
  if (deviceOfStamp(losingStamp) === deviceOfStamp(winningStamp)) return { winner };
  const seenByWinner = winner.replaced?.[field];
  if (seenByWinner !== undefined && losingStamp <= seenByWinner) return { winner };
  // Deleting and undeleting are whole-record acts shown as such (outcome "deleted"), not field values.
  if (FLAG_FIELDS.has(field)) return { winner };
  if (sameValue(valueOf(loser, field), valueOf(winner, field))) return { winner };
  return {
    winner,
    conflict: {
      field, losingValue: valueOf(loser, field), losingStamp, winningStamp, losingSide: remoteWins ? 'local' : 'remote',
    },
  };
}

function mergeLive(local: SyncRecord, remote: SyncRecord): { record: SyncRecord; conflicts: FieldConflict[]; tieFlipped: boolean } {
  const fields = new Set([...Object.keys(local.versions), ...Object.keys(remote.versions)]);
  const versions: Record<string, string> = {};
  const replaced: Record<string, string> = {};
  const data: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  let deleted: 0 | 1 = 0;
  let tieFlipped = false;
  for (const field of [...fields].sort()) {
    const { winner, conflict } = resolveField(local, remote, field);
    // Equal stamps but the remote value was taken: data changed though no stamp did.
    if (winner === remote && local.versions[field] === remote.versions[field]) tieFlipped = true;
    versions[field] = winner.versions[field];
    // What the winning write had seen travels with it (same stamp, same write, same history).
    const seen = winner.replaced?.[field];
    if (seen !== undefined) replaced[field] = seen;
    if (conflict) conflicts.push(conflict);
    if (field === 'deleted') deleted = winner.deleted;
    else if (!FLAG_FIELDS.has(field) && winner[field] !== undefined) data[field] = winner[field];
  }
  const record: SyncRecord = {
    ...data,
    id: local.id,
    ...pickCreation(local, remote),
    updatedAt: laterOf(local.updatedAt, remote.updatedAt),
    versions,
    ...(Object.keys(replaced).length > 0 ? { replaced } : {}),
    deleted,
    erased: 0,
  };
  return { record, conflicts, tieFlipped };
}

/**
 * The common case of a re-import: both sides hold the very same writes (identical stamps, creation
 * and values). The stamps alone are not enough: the same stamp with another value is a damaged peer,
 * which the tie rule of `resolveField` must settle, so values are compared too (cheaply, no JSON).
 */
function isSameWrite(local: SyncRecord, remote: SyncRecord): boolean {
  if (!sameVersions(local.versions, remote.versions)) return false;
  if (local.createdAt !== remote.createdAt || local.authorDevice !== remote.authorDevice) return false;
  for (const field in local.versions) if (!deepEqual(local[field], remote[field])) return false;
  return true;
}

/**
 * What `mergeLive` returns when every field's winner is the local side (equal stamps, equal values),
 * built without walking the fields: the stored record, with the later `updatedAt`, never written.
 */
function unchangedRecord(local: SyncRecord, remote: SyncRecord): SyncRecord {
  const record = withoutSeq(local);
  record.updatedAt = laterOf(local.updatedAt, remote.updatedAt);
  record.erased = 0;
  if (record.replaced && Object.keys(record.replaced).length === 0) delete record.replaced; // as mergeLive
  return record;
}

/**
 * Merge `remote` (from a bundle) into `local` (stored here, or undefined when new). `erased` is
 * absorbing: once either side is erased, the result is the payload-free erased record, forever.
 */
export function mergeRecord(local: SyncRecord | undefined, remote: SyncRecord): MergeResult {
  if (local && local.id !== remote.id) throw new Error(`cannot merge different records: ${local.id} / ${remote.id}`);
  if (!local) {
    const record = remote.erased ? withSeal(mergeErased(undefined, remote), undefined, remote) : withoutSeq(remote);
    return { record, changed: true, outcome: record.deleted ? 'deleted' : 'new', conflicts: [] };
  }
  if (local.erased || remote.erased) {
    const record = withSeal(mergeErased(local, remote), local, remote);
    const changed = !local.erased || !sameVersions(local.versions, record.versions);
    return { record, changed, outcome: !changed ? 'unchanged' : local.deleted ? 'updated' : 'deleted', conflicts: [] };
  }
  if (isSameWrite(local, remote)) {
    return { record: unchangedRecord(local, remote), changed: false, outcome: 'unchanged', conflicts: [] };
  }
  const { record: mixed, conflicts, tieFlipped } = mergeLive(local, remote);
  const record = withSeal(mixed, local, remote);
  const changed = tieFlipped || !sameVersions(local.versions, record.versions)
    || local.createdAt !== record.createdAt || local.authorDevice !== record.authorDevice;
  const outcome: MergeOutcome = conflicts.length > 0 ? 'conflicting'
    : !changed ? 'unchanged'
      : record.deleted && !local.deleted ? 'deleted'
        : 'updated';
  return { record, changed, outcome, conflicts };
}

/**
 * The part of a record every device must agree on after a full exchange: no `seq`, no `updatedAt`, and
 * no seal (an attestation of the content by its author, not content: a device may hold the very
 * same version unsealed, e.g. before its author exported it).
 */
export function syncedContent(record: SyncRecord): string {
  const copy: Record<string, unknown> = { ...record };
  delete copy.seq;
  delete copy.updatedAt;
  delete copy.seal;
  return canonicalJson(copy);
}
